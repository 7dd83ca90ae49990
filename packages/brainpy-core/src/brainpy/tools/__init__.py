"""brainpy.tools (distribution brainpy-core)."""
