"""brainpy.running (distribution brainpy-dyn)."""
