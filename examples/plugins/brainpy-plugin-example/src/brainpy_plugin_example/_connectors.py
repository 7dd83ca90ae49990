r"""The example connector: neurons on a ring, linked within a distance."""

from __future__ import annotations

import numpy as np
from brainpy.connect import OneEndConnector
from brainpy.errors import ConnectorError

__all__ = ["RingConn"]


class RingConn(OneEndConnector):
    r"""Connect neurons on a ring to every neuron within ``radius`` steps.

    Neurons :math:`0 \dots n-1` sit on a ring; :math:`i` connects to
    :math:`j` when the ring distance :math:`\min(|i-j|, n-|i-j|)` is at most
    ``radius`` (and :math:`i \ne j` unless ``include_self``). Every neuron then
    has :math:`\min(2\,\mathrm{radius}, n-1)` partners (plus itself).

    A plugin connector only implements ``build_conn`` returning one of
    ``('csr', (indices, indptr))``, ``('ij', (pre_ids, post_ids))`` or
    ``('mat', conn_mat)``; ``require`` derives every other structure.

    Parameters
    ----------
    radius : int
        The largest ring distance that is connected (>= 0).
    include_self : bool
        Whether neuron :math:`i` connects to itself. Default False.
    """

    def __init__(self, radius: int, include_self: bool = False) -> None:
        super().__init__()
        if isinstance(radius, bool) or not isinstance(radius, (int, np.integer)) or radius < 0:
            raise ConnectorError(f"RingConn: radius={radius!r} must be an integer >= 0.")
        self.radius = int(radius)
        self.include_self = bool(include_self)

    def build_conn(self):
        n = self.pre_num
        offsets = [k for k in range(-self.radius, self.radius + 1) if self.include_self or k != 0]
        pre = np.repeat(np.arange(n), len(offsets))
        post = (pre + np.tile(offsets, n)) % max(n, 1)
        keys = np.unique(pre * n + post)  # small rings: offsets may wrap onto the same neuron
        pre, post = np.divmod(keys, max(n, 1))
        return "ij", (pre, post)
