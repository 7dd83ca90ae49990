r"""Random initializers: the normal and uniform distributions, and the shared seeding rule.

Every random initializer takes ``seed``: with a seed it owns a
:class:`brainpy.math.random.RandomState` (so a run is reproducible, and successive calls
give new draws); without one it draws from the global generator of
:mod:`brainpy.math.random` (seeded with ``bm.random.seed``).
"""

from __future__ import annotations

from typing import Any

import jax
import numpy as np

from brainpy.initialize._base import InitializerError, InterLayerInitializer, Shape, float_dtype, to_shape, wrap

__all__ = ["RandomInitializer", "Normal", "Uniform"]


class RandomInitializer(InterLayerInitializer):
    """Base of the random initializers: holds the generator of a seeded initializer (not public API)."""

    def __init__(self, seed: int | None = None) -> None:
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))):
            raise InitializerError(
                f"{type(self).__name__} got seed={seed!r}; expected an int or None. (Note the argument order "
                f"Normal(scale, seed, mean): write keywords, e.g. Normal(mean=0., scale=0.1).)"
            )
        self.seed = seed
        self._rng = None if seed is None else _new_generator(seed)

    def _key(self) -> Any:
        """A fresh JAX PRNG key from this initializer's generator (or the global one)."""
        import brainpy.math as bm

        rng = bm.random.DEFAULT if self._rng is None else self._rng
        return rng.split_key()


def _new_generator(seed: int) -> Any:
    import brainpy.math as bm

    return bm.random.RandomState(seed)


class Normal(RandomInitializer):
    r"""Initialize weights with normal distribution.

    .. math:: W_{ij} \sim \mathcal{N}(\mu, \sigma^2)

    Parameters
    ----------
    scale : float
        The standard deviation :math:`\sigma`. Default 1 (``bp.init.Normal(0.01)`` has
        standard deviation 0.01).
    seed : int, optional
        The random seed.
    mean : float
        The mean :math:`\mu`. Default 0.
    """

    def __init__(self, scale: float = 1.0, seed: int | None = None, mean: float = 0.0) -> None:
        super().__init__(seed)
        if not np.all(np.asarray(scale) >= 0):
            raise InitializerError(f"Normal got scale={scale!r}; the standard deviation must be >= 0.")
        self.scale = scale
        self.mean = mean

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        dt = float_dtype(dtype)
        return wrap(self.mean + self.scale * jax.random.normal(self._key(), shape, dtype=dt), dt)


class Uniform(RandomInitializer):
    r"""Initialize weights with uniform distribution.

    .. math:: W_{ij} \sim \mathcal{U}[a, b)

    Parameters
    ----------
    min_val : float
        The lower bound :math:`a`. Default 0.
    max_val : float
        The upper bound :math:`b`. Default 1.
    seed : int, optional
        The random seed.

    Examples
    --------
    >>> import brainpy as bp
    >>> w = bp.init.Uniform(min_val=0., max_val=1.)(((4, 4), (3, 3)))
    >>> w.shape
    (16, 9)
    """

    def __init__(self, min_val: float = 0.0, max_val: float = 1.0, seed: int | None = None) -> None:
        super().__init__(seed)
        if not np.all(np.asarray(min_val) <= np.asarray(max_val)):
            raise InitializerError(f"Uniform got min_val={min_val!r} > max_val={max_val!r}; swap them.")
        self.min_val = min_val
        self.max_val = max_val

    def __call__(self, shape: Shape, dtype: Any = None) -> Any:
        shape = to_shape(shape, type(self).__name__)
        dt = float_dtype(dtype)
        u = jax.random.uniform(self._key(), shape, dtype=dt, minval=self.min_val, maxval=self.max_val)
        return wrap(u, dt)
