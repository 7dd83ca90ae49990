"""brainpy.base (distribution brainpy-core)."""
