"""brainpy.dyn (distribution brainpy-dyn)."""
