"""brainpy.math.random (placeholder)."""

__all__: list[str] = []
