r"""Connector base classes: sizes, the build protocol and ``require``.

A connector is configured in ``__init__``, given the population sizes by
calling it (``conn(pre_size, post_size)``, which returns the connector), and
asked for synaptic structures with :meth:`Connector.require`. A subclass only
implements :meth:`Connector.build_conn`, returning one of the three formats
(``'mat'``, ``'ij'`` or ``'csr'``); every other structure is derived from it,
in NumPy, once, and cached.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from brainpy.connect import _formats as F
from brainpy.errors import ConnectorError, NoImplementationError

__all__ = ["Connector", "TwoEndConnector", "OneEndConnector", "to_size"]

_BUILD_KINDS = ("csr", "ij", "mat")


def to_size(size: Any, what: str = "size") -> tuple[int, ...]:
    """Normalise an int or a sequence of ints to a tuple of positive ints."""
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool):
        dims = (int(size),)
    elif (
        isinstance(size, Sequence)
        and size
        and all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) for s in size)
    ):
        dims = tuple(int(s) for s in size)
    else:
        raise ConnectorError(
            f"{what}={size!r} is not a population size; expected an int or a tuple/list of ints, "
            f"e.g. {what}=100 or {what}=(10, 10)."
        )
    if any(d < 0 for d in dims):
        raise ConnectorError(f"{what}={size!r} has a negative dimension; every dimension must be >= 0.")
    return dims


def to_device(array: Any) -> Any:
    r"""A NumPy array (or scalar) as a JAX array, with JAX's canonical dtype, compiling nothing.

    ``jax.numpy.asarray`` of a NumPy array runs (and on first use of every
    shape compiles) a small XLA program; ``jax.device_put`` copies the buffer
    without any compilation, so structures built in NumPy are moved with it.
    Call it outside traced code only (under ``jit`` it would stage a copy).
    """
    import jax  # lazy: connectors themselves are pure NumPy

    arr = np.asarray(array)
    dtype = jax.dtypes.canonicalize_dtype(arr.dtype)
    return jax.device_put(arr if arr.dtype == dtype else arr.astype(dtype))


def _as_output(array: np.ndarray) -> Any:
    import brainpy.math as bm

    return bm.JaxArray(to_device(array))


def require_numpy(conn: Connector, *structures: str) -> Any:
    r"""The structures of :meth:`Connector.require`, as NumPy arrays (one for one name, else a tuple).

    Models building on a connector (synapse projections) want the host-side
    arrays: for connectors using the base :meth:`~Connector.require` they are
    the cached NumPy arrays themselves (no device copy and back); a connector
    that overrides ``require`` is asked through it and its results converted.
    Treat the arrays as read-only: they are the connector's cache.
    """
    if type(conn).require is Connector.require:
        conn._check_names(structures)
        conn._build()
        out = [conn._struct(name) for name in structures]
    else:
        got = conn.require(*structures)
        out = [got] if len(structures) == 1 else list(got)
        out = [tuple(np.asarray(v) for v in o) if isinstance(o, tuple) else np.asarray(o) for o in out]
    return out[0] if len(out) == 1 else tuple(out)


class Connector:
    r"""Base class of every synaptic connector.

    Subclasses implement :meth:`build_conn`; users call the connector with the
    population sizes and then :meth:`require` the structures they need.

    Attributes
    ----------
    pre_size, post_size : tuple of int
        Population geometries given at call time (``None`` before).
    pre_num, post_num : int
        Numbers of neurons, the products of the sizes.
    """

    def __init__(self) -> None:
        self.pre_size: tuple[int, ...] | None = None
        self.post_size: tuple[int, ...] | None = None
        self.pre_num: int | None = None
        self.post_num: int | None = None
        self._structs: dict[str, Any] = {}

    # -- sizes ----------------------------------------------------------------
    def _set_sizes(self, pre_size: Any, post_size: Any) -> None:
        self.pre_size = to_size(pre_size, "pre_size")
        self.post_size = to_size(post_size, "post_size")
        self.pre_num = math.prod(self.pre_size)
        self.post_num = math.prod(self.post_size)
        self._structs = {}

    def __call__(self, pre_size: Any, post_size: Any = None) -> Connector:
        raise NoImplementationError(
            f"{type(self).__name__} derives from Connector directly; derive from "
            "brainpy.connect.TwoEndConnector or brainpy.connect.OneEndConnector instead."
        )

    # -- the build protocol ----------------------------------------------------
    def build_conn(self) -> Any:
        r"""Build the connection in one of three formats.

        Returns
        -------
        tuple or dict
            ``('csr', (indices, indptr))``, ``('ij', (pre_ids, post_ids))`` or
            ``('mat', conn_mat)``; or a dict such as
            ``dict(csr=(indices, indptr), mat=None, ij=None)``.
        """
        raise NoImplementationError(
            f"{type(self).__name__}.build_conn() is not implemented; it must return "
            "('csr', (indices, indptr)), ('ij', (pre_ids, post_ids)) or ('mat', conn_mat)."
        )

    def _check_called(self) -> None:
        if self.pre_num is None or self.post_num is None:
            raise ConnectorError(
                f"{type(self).__name__} has no population sizes yet; call it first, "
                f"e.g. conn = {type(self).__name__}(...)(pre_size=10, post_size=10)."
            )

    def _build(self) -> None:
        """Run :meth:`build_conn` once, validate it and store the canonical CSR form."""
        if "pre2post" in self._structs:
            return
        self._check_called()
        result = self.build_conn()
        if isinstance(result, dict):
            given = {k: v for k, v in result.items() if v is not None}
            unknown = set(given) - set(_BUILD_KINDS)
            if unknown or not given:
                raise ConnectorError(
                    f"{type(self).__name__}.build_conn() returned a dict with keys {sorted(result)}; "
                    "expected at least one non-None value among 'csr', 'ij', 'mat'."
                )
            kind = next(k for k in _BUILD_KINDS if k in given)
            data = given[kind]
            if "mat" in given and kind != "mat":
                self._structs[F.CONN_MAT] = self._check_mat(given["mat"])
        elif isinstance(result, tuple) and len(result) == 2 and result[0] in _BUILD_KINDS:
            kind, data = result
        else:
            raise ConnectorError(
                f"{type(self).__name__}.build_conn() returned {type(result).__name__}; expected "
                "('csr', (indices, indptr)), ('ij', (pre_ids, post_ids)), ('mat', conn_mat) or a dict."
            )
        if kind == "mat":
            mat = self._check_mat(data)
            self._structs[F.CONN_MAT] = mat
            self._structs["pre2post"] = F.mat2csr(mat)
        elif kind == "ij":
            pre_ids, post_ids = self._check_ij(data)
            self._structs[F.PRE_IDS], self._structs[F.POST_IDS] = pre_ids, post_ids
            order = np.argsort(pre_ids, kind="stable")
            if np.any(order != np.arange(len(order))):
                self._structs["_pre_order"] = order
            self._structs["pre2post"] = F.ij2csr(pre_ids, post_ids, self.pre_num)
        else:
            self._structs["pre2post"] = self._check_csr(data)

    def _check_mat(self, mat: Any) -> np.ndarray:
        mat = np.asarray(mat)
        if mat.shape != (self.pre_num, self.post_num):
            raise ConnectorError(
                f"{type(self).__name__}: the connection matrix has shape {mat.shape}; expected "
                f"(pre_num, post_num) = ({self.pre_num}, {self.post_num})."
            )
        return mat.astype(F.DTYPES["mat"]) if mat.dtype != F.DTYPES["mat"] else mat

    def _check_ij(self, data: Any) -> tuple[np.ndarray, np.ndarray]:
        pre_ids, post_ids = (np.asarray(a).ravel() for a in data)
        if pre_ids.shape != post_ids.shape:
            raise ConnectorError(
                f"{type(self).__name__}: pre_ids has {pre_ids.size} entries and post_ids {post_ids.size}; "
                "both must list one entry per synapse."
            )
        for name, ids, num in (("pre_ids", pre_ids, self.pre_num), ("post_ids", post_ids, self.post_num)):
            if ids.size and (ids.dtype.kind not in "iu" or ids.min() < 0 or ids.max() >= num):
                raise ConnectorError(
                    f"{type(self).__name__}: {name} must hold integers in [0, {num}); "
                    f"got values in [{ids.min()}, {ids.max()}] of dtype {ids.dtype}."
                )
        return F._idx(pre_ids), F._idx(post_ids)

    def _check_csr(self, data: Any) -> tuple[np.ndarray, np.ndarray]:
        indices, indptr = (np.asarray(a).ravel() for a in data)
        if indptr.size != self.pre_num + 1:
            raise ConnectorError(
                f"{type(self).__name__}: indptr has {indptr.size} entries; expected pre_num + 1 = {self.pre_num + 1}."
            )
        if indptr[0] != 0 or indptr[-1] != indices.size or np.any(np.diff(indptr.astype(np.int64)) < 0):
            raise ConnectorError(
                f"{type(self).__name__}: indptr must start at 0, never decrease and end at "
                f"len(indices) = {indices.size}."
            )
        if indices.size and (indices.min() < 0 or indices.max() >= self.post_num):
            raise ConnectorError(
                f"{type(self).__name__}: CSR indices must lie in [0, {self.post_num}); "
                f"got [{indices.min()}, {indices.max()}]."
            )
        return F._idx(indices), F._idx(indptr)

    # -- derived structures ----------------------------------------------------
    def _struct(self, name: str) -> Any:
        s = self._structs
        if name in s:
            return s[name]
        indices, indptr = s["pre2post"]
        if name == F.CONN_MAT:
            s[name] = F.csr2mat((indices, indptr), self.pre_num, self.post_num)
        elif name in (F.PRE_IDS, F.POST_IDS):
            s[F.PRE_IDS] = F._idx(np.repeat(np.arange(self.pre_num), np.diff(indptr.astype(np.int64))))
            s[F.POST_IDS] = indices
        elif name == F.PRE2SYN:
            order = s.get("_pre_order")
            s[name] = (F._idx(np.arange(indices.size) if order is None else order), indptr)
        elif name in (F.POST2PRE, F.POST2SYN):
            pre_ids, post_ids = self._struct(F.PRE_IDS), self._struct(F.POST_IDS)
            order = np.argsort(post_ids, kind="stable")
            ptr = F.counts_to_indptr(np.bincount(post_ids.astype(np.int64), minlength=self.post_num))
            s[F.POST2PRE] = (pre_ids[order], ptr)
            s[F.POST2SYN] = (F._idx(order), ptr)
        elif name == F.PRE_SLICE:
            order = self._struct(F.PRE2SYN)[0]
            s[name] = self._slices(order, indptr)
        elif name == F.POST_SLICE:
            order, ptr = self._struct(F.POST2SYN)
            s[name] = self._slices(order, ptr)
        else:  # pragma: no cover - names are checked in require()
            raise ConnectorError(f"unknown structure {name!r}")
        return s[name]

    def _slices(self, order: np.ndarray, ptr: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        pre_ids, post_ids = self._struct(F.PRE_IDS), self._struct(F.POST_IDS)
        return pre_ids[order], post_ids[order], np.stack([ptr[:-1], ptr[1:]], axis=1)

    def require(self, *structures: str) -> Any:
        r"""Return the requested synaptic structures.

        Parameters
        ----------
        *structures : str
            Names among :data:`SUPPORTED_SYN_STRUCTURE`: ``'conn_mat'`` (bool
            matrix ``(pre_num, post_num)``), ``'pre_ids'`` and ``'post_ids'``
            (one entry per synapse), ``'pre2post'`` / ``'post2pre'`` (CSR
            ``(indices, indptr)``: post indices with pre pointers / pre
            indices with post pointers), ``'pre2syn'`` / ``'post2syn'``
            (synapse ids sorted by pre / by post, with pointers),
            ``'pre_slice'`` / ``'post_slice'`` (``(pre_ids, post_ids,
            slices)`` with synapses sorted by pre / by post and ``slices[k] =
            [start, end)`` of neuron ``k``).

        Returns
        -------
        JaxArray or tuple
            One structure for one name, else a tuple in the order asked.
            Index vectors have dtype ``IDX_DTYPE`` (uint32).

        Raises
        ------
        brainpy.errors.ConnectorError
            For an unknown name, or when the connector was not called with sizes.
        """
        self._check_names(structures)
        self._build()
        out = []
        for name in structures:
            value = self._struct(name)
            out.append(tuple(_as_output(v) for v in value) if isinstance(value, tuple) else _as_output(value))
        return out[0] if len(out) == 1 else tuple(out)

    requires = require

    @staticmethod
    def _check_names(structures: tuple) -> None:
        if not structures:
            raise ConnectorError(
                f"require() needs at least one structure name; available: {', '.join(F.SUPPORTED_SYN_STRUCTURE)}."
            )
        for name in structures:
            if name not in F.SUPPORTED_SYN_STRUCTURE:
                raise ConnectorError(
                    f"require({name!r}): unknown synaptic structure; available: {', '.join(F.SUPPORTED_SYN_STRUCTURE)}."
                )


class TwoEndConnector(Connector):
    r"""Connector between two neuron groups: ``conn(pre_size, post_size)``.

    The result has shape ``(pre_num, post_num)``. ``__call__`` returns the
    connector itself, so ``conn = FixedProb(0.1)(100, 50)`` works.
    """

    def __call__(self, pre_size: Any, post_size: Any = None) -> TwoEndConnector:
        if post_size is None:
            raise ConnectorError(
                f"{type(self).__name__} connects two groups and needs both sizes: "
                f"call {type(self).__name__}(...)(pre_size, post_size)."
            )
        self._set_sizes(pre_size, post_size)
        return self


class OneEndConnector(Connector):
    r"""Connector within one population: ``conn(pre_size)``.

    The result has shape ``(pre_num, pre_num)``; ``post_size`` may be given
    but must equal ``pre_size``.
    """

    def __call__(self, pre_size: Any, post_size: Any = None) -> OneEndConnector:
        pre = to_size(pre_size, "pre_size")
        post = pre if post_size is None else to_size(post_size, "post_size")
        if math.prod(post) != math.prod(pre):
            raise ConnectorError(
                f"{type(self).__name__} connects neurons within one population, so post_size={post_size!r} "
                f"must match pre_size={pre_size!r}; call it with pre_size only."
            )
        self._set_sizes(pre, pre if post_size is None else post)
        return self


def check_same_num(conn: Connector) -> None:
    """Raise unless ``pre_num == post_num`` (connectors on one population of nodes)."""
    if conn.pre_num != conn.post_num:
        raise ConnectorError(
            f"{type(conn).__name__} builds a graph on one set of nodes, so pre_num ({conn.pre_num}) "
            f"must equal post_num ({conn.post_num})."
        )


def remove_self(mat: np.ndarray) -> np.ndarray:
    """Set ``mat[i, i] = False`` for ``i < min(shape)`` (in place) and return it."""
    n = min(mat.shape)
    mat[np.arange(n), np.arange(n)] = False
    return mat
