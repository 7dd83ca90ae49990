"""brainpy.math.linalg (placeholder)."""

__all__: list[str] = []
