"""brainpy.nn (distribution brainpy-nn)."""
