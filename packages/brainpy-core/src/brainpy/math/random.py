r"""``brainpy.math.random``: NumPy-style random sampling on JAX.

:class:`RandomState` is a :class:`~brainpy.math.Variable` holding a JAX PRNG key
(two ``uint32`` words). Every draw splits the key, keeps one half as the new
state and samples with the other, so successive draws differ, also inside
jitted code and loops, provided the RandomState is declared to the
transformation (``dyn_vars``), as any Variable. Undeclared, it is a constant of
the compiled code and its numbers are frozen there (as the spec shows).

The module functions (``bm.random.normal(...)``, ...) draw from the global
RandomState :data:`DEFAULT`; :func:`seed` re-seeds it in place.

All samplers follow NumPy's signatures: parameters broadcast against each
other, and ``size`` (an int or a tuple) sets the output shape; results are
:class:`~brainpy.math.JaxArray`.
"""

from __future__ import annotations

import functools
import secrets
from typing import Any

import jax
import jax.numpy as jnp
import jax.random as jr
import numpy as np

from brainpy._compat import in_trace, is_tracer
from brainpy.errors import MathError
from brainpy.math import _random_dists as _dists
from brainpy.math._ndarray import JaxArray, Variable, _new_jaxarray
from brainpy.math._numpy_wrap import unwrap_tree
from brainpy.math._settings import get_dint

_SAMPLERS = (
    "rand randint random_integers randn random random_sample ranf sample choice permutation shuffle "
    "beta exponential gamma gumbel laplace logistic normal pareto poisson standard_cauchy "
    "standard_exponential standard_gamma standard_normal standard_t uniform truncated_normal "
    "bernoulli lognormal binomial chisquare dirichlet geometric f hypergeometric logseries multinomial "
    "multivariate_normal negative_binomial noncentral_chisquare noncentral_f power rayleigh "
    "triangular vonmises wald weibull weibull_min zipf maxwell t orthogonal loggamma categorical"
).split()

__all__ = ["RandomState", "Generator", "DEFAULT", "seed", "default_rng", *_SAMPLERS]


def _raw(x: Any) -> Any:
    return jnp.asarray(unwrap_tree(x)) if x is not None else None


def _size(size: Any, *params: Any) -> tuple[int, ...]:
    if size is None:
        return jnp.broadcast_shapes(*(jnp.shape(p) for p in params if p is not None)) if params else ()
    if isinstance(size, (int, np.integer)):
        return (int(size),)
    return tuple(int(s) for s in size)


@jax.jit
def _split_one(key: jax.Array) -> tuple[jax.Array, jax.Array]:
    # one compiled program for the eager split (jr.split alone runs three)
    keys = jr.split(key)
    return keys[0], keys[1]


@functools.partial(jax.jit, static_argnums=1)
def _split_many(key: jax.Array, n: int) -> tuple[jax.Array, jax.Array]:
    keys = jr.split(key, n + 1)
    return keys[0], keys[1:]


def _key_from_seed(seed: Any) -> jax.Array:
    if seed is None:
        seed = secrets.randbits(31)
    if isinstance(seed, (int, np.integer)):
        if seed < 0:
            raise MathError(f"seed must be a non-negative integer, but got seed={seed}.")
        return jr.PRNGKey(int(seed))
    key = jnp.asarray(unwrap_tree(seed))
    if key.shape != (2,) or key.dtype != jnp.uint32:
        raise MathError(
            f"seed must be a non-negative int or a PRNG key (uint32 array of shape (2,)), but got "
            f"{type(seed).__name__} with shape {key.shape} and dtype {key.dtype}."
        )
    return key


class RandomState(Variable):
    r"""A Variable holding a JAX PRNG key, with NumPy's sampling methods.

    Parameters
    ----------
    seed : int or array, optional
        A non-negative integer, or a key (``uint32`` array of shape ``(2,)``).
        A random seed is chosen when omitted.

    Examples
    --------
    >>> import brainpy.math as bm
    >>> state = bm.random.RandomState(seed=1234)
    >>> state
    RandomState([   0, 1234], dtype=uint32)
    >>> state.random(1).shape
    (1,)
    """

    def __init__(self, seed: Any = None) -> None:
        super().__init__(_key_from_seed(seed))

    def __repr__(self) -> str:
        return super().__repr__()

    # ---- key management -----------------------------------------------------------
    def seed(self, seed: Any = None) -> None:
        """Reset the key from ``seed`` (an int, a key, or None for a random seed)."""
        self._value = _key_from_seed(seed)

    def split_key(self) -> jax.Array:
        r"""Advance the state and return a fresh key (a raw ``uint32`` array of shape ``(2,)``).

        When the state is a constant of a traced function (not declared in
        ``dyn_vars``), the split is done at trace time, so the compiled code
        keeps returning the same numbers and no tracer leaks into the state.
        """
        if is_tracer(self._value):
            new, sub = jr.split(self._value)
        elif not in_trace():
            new, sub = _split_one(self._value)
        else:
            with jax.ensure_compile_time_eval():
                new, sub = jr.split(self._value)
        self._value = new
        return sub

    def split_keys(self, n: int) -> jax.Array:
        r"""Advance the state and return ``n`` fresh keys (shape ``(n, 2)``), as vmap/pmap need."""
        if is_tracer(self._value):
            keys = jr.split(self._value, n + 1)
            new, subs = keys[0], keys[1:]
        elif not in_trace():
            new, subs = _split_many(self._value, int(n))
        else:
            with jax.ensure_compile_time_eval():
                keys = jr.split(self._value, n + 1)
            new, subs = keys[0], keys[1:]
        self._value = new
        return subs

    # ---- uniform and integer draws -------------------------------------------------
    def rand(self, *dn: int) -> JaxArray:
        """Uniform samples on [0, 1) of shape ``dn``."""
        return _new_jaxarray(jr.uniform(self.split_key(), dn))

    def random(self, size: Any = None) -> JaxArray:
        """Uniform samples on [0, 1)."""
        return _new_jaxarray(jr.uniform(self.split_key(), _size(size)))

    def random_sample(self, size: Any = None) -> JaxArray:
        """Uniform samples on [0, 1) (same as :meth:`random`)."""
        return self.random(size)

    def ranf(self, size: Any = None) -> JaxArray:
        """Uniform samples on [0, 1) (same as :meth:`random`)."""
        return self.random(size)

    def sample(self, size: Any = None) -> JaxArray:
        """Uniform samples on [0, 1) (same as :meth:`random`)."""
        return self.random(size)

    def uniform(self, low: Any = 0.0, high: Any = 1.0, size: Any = None) -> JaxArray:
        """Uniform samples on [low, high)."""
        low, high = _raw(low), _raw(high)
        return _new_jaxarray(jr.uniform(self.split_key(), _size(size, low, high), minval=low, maxval=high))

    def randint(self, low: Any, high: Any = None, size: Any = None, dtype: Any = int) -> JaxArray:
        """Integers from [low, high) (from [0, low) when ``high`` is None)."""
        if high is None:
            low, high = 0, low
        low, high = _raw(low), _raw(high)
        dtype = jnp.dtype(dtype) if dtype is not int else get_dint()
        return _new_jaxarray(jr.randint(self.split_key(), _size(size, low, high), low, high, dtype=dtype))

    def random_integers(self, low: Any, high: Any = None, size: Any = None) -> JaxArray:
        """Integers from [low, high], both ends included ([1, low] when ``high`` is None)."""
        if high is None:
            low, high = 1, low
        return self.randint(low, _raw(high) + 1, size)

    def choice(self, a: Any, size: Any = None, replace: bool = True, p: Any = None) -> JaxArray:
        """Random sample from ``a`` (an array, or ``arange(a)`` for an int)."""
        a = _raw(a) if not isinstance(a, (int, np.integer)) else int(a)
        return _new_jaxarray(jr.choice(self.split_key(), a, _size(size), replace=replace, p=_raw(p)))

    def permutation(self, x: Any, axis: int = 0) -> JaxArray:
        """A permuted copy of ``x`` (or of ``arange(x)`` for an int)."""
        x = _raw(x) if not isinstance(x, (int, np.integer)) else int(x)
        return _new_jaxarray(jr.permutation(self.split_key(), x, axis=axis, independent=False))

    def shuffle(self, x: JaxArray, axis: int = 0) -> None:
        """Shuffle the JaxArray ``x`` in place along ``axis`` (NumPy semantics: returns None)."""
        if not isinstance(x, JaxArray):
            raise MathError(
                f"shuffle changes its argument in place, so it must be a bm.JaxArray or bm.Variable, but "
                f"got {type(x).__name__}. Use bm.random.permutation(x) for a shuffled copy."
            )
        x.value = jr.permutation(self.split_key(), x.value, axis=axis, independent=False)

    # ---- continuous distributions ---------------------------------------------------
    def normal(self, loc: Any = None, scale: Any = None, size: Any = None) -> JaxArray:
        """Normal samples with mean ``loc`` (0) and standard deviation ``scale`` (1)."""
        loc, scale = _raw(loc), _raw(scale)
        r = jr.normal(self.split_key(), _size(size, loc, scale))
        return _new_jaxarray(_affine(r, loc, scale))

    def randn(self, *dn: int) -> JaxArray:
        """Standard normal samples of shape ``dn``."""
        return _new_jaxarray(jr.normal(self.split_key(), dn))

    def standard_normal(self, size: Any = None) -> JaxArray:
        """Standard normal samples."""
        return _new_jaxarray(jr.normal(self.split_key(), _size(size)))

    def truncated_normal(self, lower: Any, upper: Any, size: Any = None, scale: Any = None) -> JaxArray:
        """Standard normal samples truncated to [lower, upper], optionally times ``scale``."""
        lower, upper, scale = _raw(lower), _raw(upper), _raw(scale)
        r = jr.truncated_normal(self.split_key(), lower, upper, _size(size, lower, upper, scale))
        return _new_jaxarray(_affine(r, None, scale))

    def lognormal(self, mean: Any = None, sigma: Any = None, size: Any = None) -> JaxArray:
        """Log-normal samples: ``exp(normal(mean, sigma))``."""
        mean, sigma = _raw(mean), _raw(sigma)
        r = jr.normal(self.split_key(), _size(size, mean, sigma))
        return _new_jaxarray(jnp.exp(_affine(r, mean, sigma)))

    def beta(self, a: Any, b: Any, size: Any = None) -> JaxArray:
        """Beta(a, b) samples."""
        a, b = _raw(a), _raw(b)
        return _new_jaxarray(jr.beta(self.split_key(), a, b, _size(size, a, b)))

    def exponential(self, scale: Any = None, size: Any = None) -> JaxArray:
        """Exponential samples with mean ``scale`` (1)."""
        scale = _raw(scale)
        return _new_jaxarray(_affine(jr.exponential(self.split_key(), _size(size, scale)), None, scale))

    def standard_exponential(self, size: Any = None) -> JaxArray:
        """Exponential samples with mean 1."""
        return _new_jaxarray(jr.exponential(self.split_key(), _size(size)))

    def gamma(self, shape: Any, scale: Any = None, size: Any = None) -> JaxArray:
        """Gamma samples with shape ``shape`` and scale ``scale`` (1)."""
        shape, scale = _raw(shape), _raw(scale)
        r = jr.gamma(self.split_key(), shape, _size(size, shape, scale))
        return _new_jaxarray(_affine(r, None, scale))

    def standard_gamma(self, shape: Any, size: Any = None) -> JaxArray:
        """Gamma samples with scale 1."""
        shape = _raw(shape)
        return _new_jaxarray(jr.gamma(self.split_key(), shape, _size(size, shape)))

    def loggamma(self, a: Any, size: Any = None) -> JaxArray:
        """Logarithm of Gamma(a) samples (accurate for small ``a``)."""
        a = _raw(a)
        return _new_jaxarray(jr.loggamma(self.split_key(), a, _size(size, a)))

    def gumbel(self, loc: Any = None, scale: Any = None, size: Any = None) -> JaxArray:
        """Gumbel samples with location ``loc`` (0) and scale ``scale`` (1)."""
        loc, scale = _raw(loc), _raw(scale)
        return _new_jaxarray(_affine(jr.gumbel(self.split_key(), _size(size, loc, scale)), loc, scale))

    def laplace(self, loc: Any = None, scale: Any = None, size: Any = None) -> JaxArray:
        """Laplace samples with location ``loc`` (0) and scale ``scale`` (1)."""
        loc, scale = _raw(loc), _raw(scale)
        return _new_jaxarray(_affine(jr.laplace(self.split_key(), _size(size, loc, scale)), loc, scale))

    def logistic(self, loc: Any = None, scale: Any = None, size: Any = None) -> JaxArray:
        """Logistic samples with location ``loc`` (0) and scale ``scale`` (1)."""
        loc, scale = _raw(loc), _raw(scale)
        return _new_jaxarray(_affine(jr.logistic(self.split_key(), _size(size, loc, scale)), loc, scale))

    def standard_cauchy(self, size: Any = None) -> JaxArray:
        """Standard Cauchy samples."""
        return _new_jaxarray(jr.cauchy(self.split_key(), _size(size)))

    def standard_t(self, df: Any, size: Any = None) -> JaxArray:
        """Student's t samples with ``df`` degrees of freedom."""
        df = _raw(df)
        return _new_jaxarray(jr.t(self.split_key(), df, _size(size, df)))

    def t(self, df: Any, size: Any = None) -> JaxArray:
        """Student's t samples (same as :meth:`standard_t`)."""
        return self.standard_t(df, size)

    def chisquare(self, df: Any, size: Any = None) -> JaxArray:
        """Chi-square samples with ``df`` degrees of freedom."""
        df = _raw(df)
        return _new_jaxarray(jr.chisquare(self.split_key(), df, _size(size, df)))

    def f(self, dfnum: Any, dfden: Any, size: Any = None) -> JaxArray:
        """F (Fisher-Snedecor) samples."""
        dfnum, dfden = _raw(dfnum), _raw(dfden)
        return _new_jaxarray(jr.f(self.split_key(), dfnum, dfden, _size(size, dfnum, dfden)))

    def pareto(self, a: Any, size: Any = None) -> JaxArray:
        """Pareto II (Lomax) samples with shape ``a``, as ``numpy.random.pareto``."""
        a = _raw(a)
        return _new_jaxarray(_dists.pareto(self.split_key(), a, _size(size, a)))

    def power(self, a: Any, size: Any = None) -> JaxArray:
        """Samples on [0, 1] with density ``a * x**(a - 1)``."""
        a = _raw(a)
        return _new_jaxarray(_dists.power(self.split_key(), a, _size(size, a)))

    def weibull(self, a: Any, size: Any = None) -> JaxArray:
        """Standard Weibull samples with shape ``a``."""
        a = _raw(a)
        return _new_jaxarray(_dists.weibull(self.split_key(), a, _size(size, a)))

    def weibull_min(self, a: Any, scale: Any = None, size: Any = None) -> JaxArray:
        """Weibull samples with shape ``a`` and scale ``scale`` (1)."""
        a, scale = _raw(a), _raw(scale)
        r = jr.weibull_min(self.split_key(), 1.0, a, _size(size, a, scale))
        return _new_jaxarray(_affine(r, None, scale))

    def rayleigh(self, scale: Any = 1.0, size: Any = None) -> JaxArray:
        """Rayleigh samples with scale ``scale``."""
        scale = _raw(scale)
        return _new_jaxarray(jr.rayleigh(self.split_key(), scale, _size(size, scale)))

    def maxwell(self, size: Any = None) -> JaxArray:
        """Maxwell-Boltzmann samples (scale 1)."""
        return _new_jaxarray(jr.maxwell(self.split_key(), _size(size)))

    def triangular(self, left: Any, mode: Any, right: Any, size: Any = None) -> JaxArray:
        """Triangular samples on [left, right] with peak at ``mode``."""
        left, mode, right = _raw(left), _raw(mode), _raw(right)
        shape = _size(size, left, mode, right)
        return _new_jaxarray(jr.triangular(self.split_key(), left, mode, right, shape))

    def vonmises(self, mu: Any, kappa: Any, size: Any = None) -> JaxArray:
        """Von Mises samples on [-pi, pi) with mode ``mu`` and concentration ``kappa``."""
        mu, kappa = _raw(mu), _raw(kappa)
        return _new_jaxarray(_dists.vonmises(self.split_key(), mu, kappa, _size(size, mu, kappa)))

    def wald(self, mean: Any, scale: Any, size: Any = None) -> JaxArray:
        """Wald (inverse Gaussian) samples with mean ``mean`` and scale (shape) ``scale``."""
        mean, scale = _raw(mean), _raw(scale)
        shape = _size(size, mean, scale)
        r = jr.wald(self.split_key(), mean / scale, shape)
        return _new_jaxarray(r * scale)

    def noncentral_chisquare(self, df: Any, nonc: Any, size: Any = None) -> JaxArray:
        """Noncentral chi-square samples."""
        df, nonc = _raw(df), _raw(nonc)
        return _new_jaxarray(_dists.noncentral_chisquare(self.split_key(), df, nonc, _size(size, df, nonc)))

    def noncentral_f(self, dfnum: Any, dfden: Any, nonc: Any, size: Any = None) -> JaxArray:
        """Noncentral F samples."""
        dfnum, dfden, nonc = _raw(dfnum), _raw(dfden), _raw(nonc)
        shape = _size(size, dfnum, dfden, nonc)
        return _new_jaxarray(_dists.noncentral_f(self.split_key(), dfnum, dfden, nonc, shape))

    def dirichlet(self, alpha: Any, size: Any = None) -> JaxArray:
        """Dirichlet samples; the last axis has ``len(alpha)`` components."""
        alpha = _raw(alpha)
        return _new_jaxarray(jr.dirichlet(self.split_key(), alpha, _size(size, alpha[..., 0])))

    def multivariate_normal(self, mean: Any, cov: Any, size: Any = None, method: str = "cholesky") -> JaxArray:
        """Multivariate normal samples; ``method`` is 'cholesky', 'eigh' or 'svd'."""
        mean, cov = _raw(mean), _raw(cov)
        shape = _size(size) if size is not None else None
        return _new_jaxarray(jr.multivariate_normal(self.split_key(), mean, cov, shape, method=method))

    def orthogonal(self, n: int, size: Any = None) -> JaxArray:
        """Random orthogonal ``(n, n)`` matrices (Haar measure)."""
        return _new_jaxarray(jr.orthogonal(self.split_key(), n, _size(size)))

    # ---- discrete distributions ----------------------------------------------------
    def bernoulli(self, p: Any = 0.5, size: Any = None) -> JaxArray:
        """Boolean samples that are True with probability ``p``."""
        p = _raw(p)
        return _new_jaxarray(jr.bernoulli(self.split_key(), p, _size(size, p)))

    def binomial(self, n: Any, p: Any, size: Any = None) -> JaxArray:
        """Binomial(n, p) samples."""
        n, p = _raw(n), _raw(p)
        r = jr.binomial(self.split_key(), n.astype(p.dtype if p.dtype.kind == "f" else float), p, _size(size, n, p))
        return _new_jaxarray(r.astype(get_dint()))

    def poisson(self, lam: Any = 1.0, size: Any = None) -> JaxArray:
        """Poisson samples with rate ``lam``."""
        lam = _raw(lam)
        return _new_jaxarray(jr.poisson(self.split_key(), lam, _size(size, lam)))

    def geometric(self, p: Any, size: Any = None) -> JaxArray:
        """Number of trials until the first success (>= 1)."""
        p = _raw(p)
        return _new_jaxarray(jr.geometric(self.split_key(), p, _size(size, p)))

    def negative_binomial(self, n: Any, p: Any, size: Any = None) -> JaxArray:
        """Number of failures before ``n`` successes with success probability ``p``."""
        n, p = _raw(n), _raw(p)
        return _new_jaxarray(_dists.negative_binomial(self.split_key(), n, p, _size(size, n, p)))

    def hypergeometric(self, ngood: Any, nbad: Any, nsample: Any, size: Any = None) -> JaxArray:
        """Number of good items in ``nsample`` draws without replacement (urn size must be concrete)."""
        ngood, nbad, nsample = _raw(ngood), _raw(nbad), _raw(nsample)
        shape = _size(size, ngood, nbad, nsample)
        return _new_jaxarray(_dists.hypergeometric(self.split_key(), ngood, nbad, nsample, shape))

    def logseries(self, p: Any, size: Any = None) -> JaxArray:
        """Logarithmic series samples (>= 1) with parameter ``p`` in (0, 1)."""
        p = _raw(p)
        return _new_jaxarray(_dists.logseries(self.split_key(), p, _size(size, p)))

    def zipf(self, a: Any, size: Any = None) -> JaxArray:
        """Zipf samples (>= 1) with exponent ``a`` > 1."""
        a = _raw(a)
        return _new_jaxarray(_dists.zipf(self.split_key(), a, _size(size, a)))

    def multinomial(self, n: Any, pvals: Any, size: Any = None) -> JaxArray:
        """Counts of ``n`` draws among ``len(pvals)`` categories; last axis = categories."""
        pvals = _raw(pvals)
        shape = (*_size(size), pvals.shape[-1])
        r = jr.multinomial(self.split_key(), jnp.asarray(_raw(n), pvals.dtype), pvals, shape=shape)
        return _new_jaxarray(r.astype(get_dint()))

    def categorical(self, logits: Any, axis: int = -1, size: Any = None) -> JaxArray:
        """Category indices drawn from unnormalized log-probabilities ``logits``."""
        logits = _raw(logits)
        shape = _size(size) if size is not None else None
        return _new_jaxarray(jr.categorical(self.split_key(), logits, axis=axis, shape=shape))


def _affine(r: jax.Array, loc: Any, scale: Any) -> jax.Array:
    if scale is not None:
        r = r * scale
    if loc is not None:
        r = r + loc
    return r


#: ``Generator`` is the same class (NumPy's new-style name).
Generator = RandomState

#: The global RandomState used by the module functions.
DEFAULT = RandomState()


def seed(seed: Any = None) -> None:
    r"""Re-seed the global :data:`DEFAULT` RandomState in place (an int, a key, or None)."""
    DEFAULT.seed(seed)


def default_rng(seed: Any = None) -> RandomState:
    r"""A new :class:`RandomState` (NumPy's ``default_rng``)."""
    return RandomState(seed)


def _module_function(name: str) -> Any:
    method = getattr(RandomState, name)

    def function(*args: Any, **kwargs: Any) -> Any:
        return method(DEFAULT, *args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__module__ = __name__
    function.__doc__ = f"{method.__doc__}\n\nDraws from :data:`DEFAULT`; see :meth:`RandomState.{name}`."
    return function


for _name in _SAMPLERS:
    globals()[_name] = _module_function(_name)
del _name
