"""brainpy.losses (distribution brainpy-core)."""
