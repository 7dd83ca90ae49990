"""brainpy.initialize (distribution brainpy-core)."""
