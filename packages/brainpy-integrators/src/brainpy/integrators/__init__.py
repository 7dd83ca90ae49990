"""brainpy.integrators (distribution brainpy-integrators)."""
