r"""Rate (neural mass) models and their couplings (``bp.dyn.rates.FHN``, ...).

``from brainpy.dyn import rates`` and ``bp.dyn.rates`` both work. Every class
listed in ``__all__`` is registered as a rate model through the
``brainpy_rate_models`` hook (see :mod:`brainpy.dyn._plugin`).
"""

from __future__ import annotations

__all__: list[str] = []
