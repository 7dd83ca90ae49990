r"""Ion channels and ion dynamics (``bp.dyn.channels.INa``, ...), composable into ``bp.dyn.CondNeuGroup``.

Every class listed in ``__all__`` is registered as a channel model through the
``brainpy_channel_models`` hook (see :mod:`brainpy.dyn._plugin`).
"""

from __future__ import annotations

__all__: list[str] = []
