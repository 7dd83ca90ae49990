"""brainpy.math.fft (placeholder)."""

__all__: list[str] = []
