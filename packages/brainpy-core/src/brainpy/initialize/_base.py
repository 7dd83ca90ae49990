r"""The initializer base classes and the shape rules they share."""

from __future__ import annotations

import abc
import math
from collections.abc import Sequence
from typing import Any

import jax.numpy as jnp
import numpy as np

from brainpy.errors import BrainPyError

__all__ = ["Initializer", "InterLayerInitializer", "IntraLayerInitializer"]

Shape = int | Sequence[int | Sequence[int]]


class InitializerError(BrainPyError, ValueError):
    """An initializer got a wrong shape or parameter."""


class Initializer(abc.ABC):
    r"""Base Initialization Class.

    An initializer is a callable ``init(shape, dtype=None)`` returning a
    :class:`brainpy.math.JaxArray` of weights. Subclass it (or, better, one of
    :class:`InterLayerInitializer` and :class:`IntraLayerInitializer`, which fix what
    ``shape`` means) and implement :meth:`__call__`.

    Initializers are also accepted wherever models take a parameter, an initial value or a
    weight (``bp.dyn.HH(3, gNa=bp.init.Uniform(100., 140.))``): the model calls them with the
    shape it needs.
    """

    @abc.abstractmethod
    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        r"""Return weights of the given ``shape`` (see the subclasses for its meaning).

        Parameters
        ----------
        shape : int or tuple
            The shape asked for.
        dtype : dtype, optional
            The data type; ``bm.float_`` (the default float) when ``None``.
        """

    def __repr__(self) -> str:
        items = [(k, v) for k, v in self.__dict__.items() if not k.startswith("_") and k != "seed"]
        if "seed" in self.__dict__:
            items.append(("seed", self.__dict__["seed"]))
        fields = ", ".join(f"{k}={v!r}" for k, v in items)
        return f"{type(self).__name__}({fields})"


class InterLayerInitializer(Initializer):
    r"""The superclass of Initializers that initialize the weights between two layers.

    ``shape`` is ``(m, n)``: :math:`m` presynaptic and :math:`n` postsynaptic neurons; the
    result has shape ``(m, n)``, and entry :math:`(i, j)` is the weight from neuron
    :math:`i` to neuron :math:`j`. A size given as a tuple is flattened, so
    ``init(((4, 4), (3, 3)))`` has shape ``(16, 9)``. Most built-in inter-layer initializers
    accept any number of dimensions.
    """


class IntraLayerInitializer(Initializer):
    r"""The superclass of Initializers that initialize the weights within a layer.

    ``shape`` is the structure of one population, :math:`(n_1, \dots, n_d)`; the result is
    a matrix of shape :math:`(\prod_k n_k, \prod_k n_k)` whose entry :math:`(i, j)` is the
    weight from neuron :math:`i` to neuron :math:`j` of the population flattened in
    row-major (C) order, so that neuron :math:`(a, b)` of a :math:`(5, 5)` grid is
    :math:`5a + b`.
    """


def size2num(size: Any, owner: str) -> int:
    """Turn one dimension (an int, or a tuple of ints that is flattened) into an int."""
    if isinstance(size, (tuple, list)):
        return math.prod(size2num(s, owner) for s in size)
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool) and size >= 0:
        return int(size)
    raise InitializerError(
        f"{owner} got a size {size!r} of type {type(size).__name__}; expected a non-negative int "
        f"or a tuple of them, for example (10, 20)."
    )


def to_shape(shape: Shape, owner: str, flatten: bool = True) -> tuple[int, ...]:
    """Normalise ``shape``: an int becomes ``(int,)``; tuple entries are flattened when ``flatten``."""
    if isinstance(shape, (int, np.integer)) and not isinstance(shape, bool):
        return (size2num(shape, owner),)
    if isinstance(shape, (tuple, list)):
        if flatten:
            return tuple(size2num(s, owner) for s in shape)
        return tuple(size2num(s, owner) if not isinstance(s, (tuple, list)) else _bad(s, owner) for s in shape)
    return _bad(shape, owner)


def _bad(shape: Any, owner: str) -> Any:
    raise InitializerError(f"{owner} got shape={shape!r}; expected an int or a tuple of ints, for example (10, 20).")


def float_dtype(dtype: Any) -> Any:
    """``dtype``, or the default float type of ``brainpy.math`` when ``None``."""
    if dtype is None:
        import brainpy.math as bm

        return bm.get_dfloat()
    return jnp.dtype(dtype)


def wrap(value: Any, dtype: Any) -> Any:
    """Return ``value`` as a :class:`brainpy.math.JaxArray` of ``dtype`` (default float)."""
    import brainpy.math as bm

    return bm.JaxArray(jnp.asarray(value, dtype=float_dtype(dtype)))
