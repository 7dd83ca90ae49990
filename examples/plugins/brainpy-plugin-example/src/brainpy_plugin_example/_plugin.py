"""The plugin module named in this distribution's entry point.

Every hook returns a declaration (name -> object); BrainPy checks it, records
that it comes from ``brainpy-plugin-example`` and makes it reachable through
the public names (``bp.odeint(method=...)``, ``bp.dyn.<Name>``, ...).
"""

from __future__ import annotations

from brainpy.plugins import hookimpl
