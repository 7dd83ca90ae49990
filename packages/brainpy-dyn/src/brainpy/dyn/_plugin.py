"""brainpy-dyn's plugin: its built-ins, registered through the public hooks."""

from __future__ import annotations
