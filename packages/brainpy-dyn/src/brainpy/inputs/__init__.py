"""brainpy.inputs (distribution brainpy-dyn)."""
