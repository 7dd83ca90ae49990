r"""``brainpy.compat.integrators``: the BrainPy 2.0 default-method settings.

``set_default_odeint``, ``get_default_odeint``, ``set_default_sdeint`` and
``get_default_sdeint`` are the functions of :mod:`brainpy.integrators` (the
same objects), which keep the default in the one settings object.
"""

from brainpy.integrators import get_default_odeint, get_default_sdeint, set_default_odeint, set_default_sdeint

__all__ = ["set_default_odeint", "set_default_sdeint", "get_default_odeint", "get_default_sdeint"]
