r"""Synaptic connectors (``brainpy.connect``, alias ``bp.conn``).

A connector is configured, called with the population sizes, and asked for
synaptic structures::

    conn = bp.conn.FixedProb(prob=0.1, seed=42)(pre_size=100, post_size=100)
    indices, indptr = conn.require('pre2post')

Connectors registered by plugins (hook ``brainpy_connectors``) are reachable
as ``bp.conn.<Name>`` too.
"""

from __future__ import annotations

from typing import Any

from brainpy.connect._base import Connector, OneEndConnector, TwoEndConnector
from brainpy.connect._custom import IJConn, MatConn, SparseMatConn
from brainpy.connect._formats import (
    CONN_MAT,
    DTYPES,
    POST2PRE,
    POST2SYN,
    POST_IDS,
    POST_SLICE,
    PRE2POST,
    PRE2SYN,
    PRE_IDS,
    PRE_SLICE,
    SUPPORTED_SYN_STRUCTURE,
    csr2csc,
    csr2mat,
    ij2csr,
    mat2csr,
    set_default_dtype,
)
from brainpy.connect._graphs import PowerLaw, ScaleFreeBA, ScaleFreeBADual, SmallWorld
from brainpy.connect._random import FixedPostNum, FixedPreNum, FixedProb, GaussianProb
from brainpy.connect._regular import (
    All2All,
    GridEight,
    GridFour,
    GridN,
    One2One,
    all2all,
    grid_eight,
    grid_four,
    one2one,
)

__all__ = [
    # base
    "Connector",
    "TwoEndConnector",
    "OneEndConnector",
    "set_default_dtype",
    "csr2csc",
    "csr2mat",
    "mat2csr",
    "ij2csr",
    "CONN_MAT",
    "PRE_IDS",
    "POST_IDS",
    "PRE2POST",
    "POST2PRE",
    "PRE2SYN",
    "POST2SYN",
    "PRE_SLICE",
    "POST_SLICE",
    "SUPPORTED_SYN_STRUCTURE",
    "MAT_DTYPE",
    "IDX_DTYPE",
    # custom
    "MatConn",
    "IJConn",
    "SparseMatConn",
    # random
    "FixedProb",
    "FixedPreNum",
    "FixedPostNum",
    "GaussianProb",
    "SmallWorld",
    "ScaleFreeBA",
    "ScaleFreeBADual",
    "PowerLaw",
    # regular
    "One2One",
    "All2All",
    "GridFour",
    "GridEight",
    "GridN",
    "one2one",
    "all2all",
    "grid_four",
    "grid_eight",
]

#: The built-in connector classes, as registered through the ``brainpy_connectors`` hook.
BUILTIN_CONNECTORS: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        One2One,
        All2All,
        GridFour,
        GridEight,
        GridN,
        FixedProb,
        FixedPreNum,
        FixedPostNum,
        GaussianProb,
        SmallWorld,
        ScaleFreeBA,
        ScaleFreeBADual,
        PowerLaw,
        MatConn,
        IJConn,
        SparseMatConn,
    )
}


def __getattr__(name: str) -> Any:
    # the default dtypes can change through set_default_dtype()
    if name == "MAT_DTYPE":
        return DTYPES["mat"]
    if name == "IDX_DTYPE":
        return DTYPES["idx"]
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import get_registry

    registry = get_registry("connectors")
    if name in registry:
        return registry.get(name)
    raise AttributeError(
        f"module 'brainpy.connect' has no attribute {name!r}: it is neither a built-in connector nor one registered "
        "by an installed plugin (see brainpy.plugins.info())."
    )


def __dir__() -> list[str]:
    from brainpy.plugins import get_registry

    return sorted(set(__all__) | set(get_registry("connectors")))
