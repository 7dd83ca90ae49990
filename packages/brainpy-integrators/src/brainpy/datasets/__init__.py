"""brainpy.datasets (distribution brainpy-integrators)."""
