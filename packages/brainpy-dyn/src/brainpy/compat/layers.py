r"""``brainpy.compat.layers``: ``Module``, the BrainPy 2.0 basic module class.

BrainPy 2.0 built trainable layers on ``brainpy.layers.Module``: a system that
is *called* like a function (``module(x)`` runs ``module.call(x)``) and creates
its parameters with :meth:`Module.init_param` / :meth:`Module.get_param`. It
has no counterpart in 2.1 (whose layers are :mod:`brainpy.nn` nodes), so it is
kept here as its own class. It is a :class:`~brainpy.dyn.DynamicalSystem`, so
``vars()``, ``train_vars()``, ``nodes()``, ``bm.jit``/``bm.grad`` over it, and
(when a subclass defines ``update``) the runners work as for any system.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from brainpy.dyn.base import DynamicalSystem
from brainpy.errors import ModelBuildError, NoImplementationError

__all__ = ["Module"]


class Module(DynamicalSystem):
    r"""Basic module class.

    A subclass creates its parameters in ``__init__`` (usually with
    :meth:`get_param`, which makes them ``bm.TrainVar``) and computes its
    output in ``call(*args, **kwargs)``; calling the module calls ``call``.

    Parameters
    ----------
    name : str, optional
        The module's unique name.

    Examples
    --------
    >>> import brainpy as bp, brainpy.math as bm
    >>> class Dense(bp.compat.Module):
    ...     def __init__(self, n_in, n_out):
    ...         super().__init__()
    ...         self.w = self.get_param(bp.init.Normal(), (n_in, n_out))
    ...         self.b = self.get_param(bm.zeros(n_out), (n_out,))
    ...     def call(self, x):
    ...         return x @ self.w + self.b
    >>> Dense(3, 2)(bm.ones((1, 3))).shape
    (1, 2)
    """

    def __init__(self, name: str | None = None) -> None:
        super().__init__(name=name)

    @staticmethod
    def init_param(param: Any, size: int | Sequence[int]) -> Any:
        r"""Build a parameter array of shape ``size``.

        Parameters
        ----------
        param : callable, ndarray, JaxArray, jax.Array or None
            An initializer or a callable ``f(size)`` (``bp.init.Normal()``) is
            called with ``size``; an array is taken as it is and must have the
            shape ``size``; ``None`` gives ``None``.
        size : int or tuple of int
            The shape of the parameter.

        Returns
        -------
        JaxArray or None

        Raises
        ------
        ModelBuildError
            If ``param`` is of another kind, or has another shape than ``size``.
        """
        import brainpy.math as bm

        shape = (int(size),) if isinstance(size, (int, np.integer)) else tuple(int(s) for s in size)
        if param is None:
            return None
        if callable(param) and not isinstance(param, bm.JaxArray):
            param = param(shape)
        if not (isinstance(param, (bm.JaxArray, np.ndarray)) or hasattr(param, "shape")):
            raise ModelBuildError(
                f"Module.init_param(param, size) takes an initializer, a callable f(size) or an array, but got a "
                f"{type(param).__name__}: {param!r}. For a constant, pass bm.ones({shape}) * value."
            )
        param = bm.asarray(param)
        if tuple(param.shape) != shape:
            raise ModelBuildError(
                f"Module.init_param: the parameter has the shape {tuple(param.shape)}, but size={shape}."
            )
        return param

    @staticmethod
    def get_param(param: Any, size: int | Sequence[int]) -> Any:
        r"""Like :meth:`init_param`, wrapped in a ``bm.TrainVar`` (a trainable Variable)."""
        import brainpy.math as bm

        value = Module.init_param(param, size)
        return None if value is None else bm.TrainVar(value)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        r"""Call :meth:`call` (``module(x)`` is ``module.call(x)``)."""
        return self.call(*args, **kwargs)

    def call(self, *args: Any, **kwargs: Any) -> Any:
        r"""Compute the module's output; a subclass implements it."""
        raise NoImplementationError(
            f"{self.name} ({type(self).__name__}) does not implement call(self, *args). Define it in the "
            f"subclass: it computes the module's output from its inputs and parameters."
        )
