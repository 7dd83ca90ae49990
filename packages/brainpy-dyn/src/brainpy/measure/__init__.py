"""brainpy.measure (distribution brainpy-dyn)."""
