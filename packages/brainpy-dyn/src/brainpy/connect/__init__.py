"""brainpy.connect (distribution brainpy-dyn)."""
