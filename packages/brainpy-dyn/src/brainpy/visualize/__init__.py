"""brainpy.visualize (distribution brainpy-dyn)."""
