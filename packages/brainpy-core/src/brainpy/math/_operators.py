r"""Synaptic and custom operators of :mod:`brainpy.math`.

The public names are defined in small private modules and re-exported here:

* event-driven CSR operators (``pre2post_event_sum``, ...): :mod:`brainpy.math._op_event`
* pre / synapse / post conversions (``pre2post_sum``, ``pre2syn``, ``syn2post_*``):
  :mod:`brainpy.math._op_synaptic`
* ``sparse_matmul`` and ``segment_*``: :mod:`brainpy.math._op_sparse`
* user operators (``register_op``, ``XLACustomOp``): :mod:`brainpy.math._op_custom`
* backend choice (``set_op_backend``, ``get_op_backend``): :mod:`brainpy.math._op_dispatch`

Each operator calls the backend chosen for the current platform (a
:class:`brainpy.plugins.OperatorBackend` from the registry
``'operator_backends'``); the pure-JAX references of
:mod:`brainpy.math._op_reference` are registered by brainpy-core with
priority 0, and brainpy-ops adds native CPU kernels.
"""

from __future__ import annotations

from brainpy.math import _op_custom, _op_dispatch, _op_event, _op_sparse, _op_synaptic
from brainpy.math._op_custom import *  # noqa: F403
from brainpy.math._op_dispatch import *  # noqa: F403
from brainpy.math._op_event import *  # noqa: F403
from brainpy.math._op_sparse import *  # noqa: F403
from brainpy.math._op_synaptic import *  # noqa: F403

__all__ = [
    *_op_event.__all__,
    *_op_synaptic.__all__,
    *_op_sparse.__all__,
    *_op_custom.__all__,
    *_op_dispatch.__all__,
]
