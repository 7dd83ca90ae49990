"""brainpy.analysis (distribution brainpy-analysis)."""
