"""brainpy-ops's plugin: native operator backends, registered through the public hooks."""

from __future__ import annotations
