"""brainpy.optimizers (distribution brainpy-core)."""
