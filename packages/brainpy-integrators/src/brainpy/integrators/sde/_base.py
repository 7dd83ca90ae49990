r"""The base class of SDE integrators: drift ``f``, diffusion ``g``, Wiener increments.

An SDE :math:`dX = f(X, t)\,dt + g(X, t)\,dW` is written as two functions with the ODE
argument convention. With ``SCALAR_WIENER`` (default) every element of a variable has
its own independent Wiener process and ``g`` returns an array of the variable's shape;
with ``VECTOR_WIENER`` ``g`` returns shape ``(m,) + shape`` and the noise term is
:math:`\sum_{j=1}^m g_j\, dW_j`, each :math:`W_j` independent per element.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.errors import IntegratorError, NoImplementationError
from brainpy.integrators._base import Integrator
from brainpy.integrators._constants import (
    ITO_SDE,
    POP_VAR,
    SCALAR_WIENER,
    SUPPORTED_INTG_TYPE,
    SUPPORTED_VAR_TYPE,
    SUPPORTED_WIENER_TYPE,
    VECTOR_WIENER,
)
from brainpy.integrators._utils import as_tuple, bind_call, is_jaxarray, read_signature, unwrap, wrap_like
from brainpy.integrators.ode._base import code_name

__all__ = ["SDEIntegrator", "Noise", "diffuse"]

#: The Wiener increments of one step: ``dW`` (and ``dZ`` = :math:`I_{(1,0)}` when a method needs it).
Noise = dict


def diffuse(gv: Any, dW: Any, wiener_type: str) -> Any:
    r"""The noise term :math:`g\,dW` (scalar Wiener) or :math:`\sum_j g_j dW_j` (vector Wiener)."""
    if wiener_type == VECTOR_WIENER:
        return jnp.sum(gv * dW, axis=0)
    return gv * dW


class SDEIntegrator(Integrator):
    r"""Numerical integrator of stochastic differential equations.

    Parameters
    ----------
    f : callable
        The drift ``f(x, y, t, *params)``.
    g : callable
        The diffusion, same arguments; one array per variable.
    dt : float, optional
        The default step (``bm.get_dt()``).
    name : str, optional
        The object's name.
    show_code : bool
        Print a readable description of the scheme.
    var_type : str, optional
        As for ODEs.
    intg_type : str, optional
        ``bp.integrators.ITO_SDE`` (default) or ``STRA_SDE``.
    wiener_type : str, optional
        ``bp.integrators.SCALAR_WIENER`` (default) or ``VECTOR_WIENER``.
    state_delays : dict, optional
        ``{variable: bm.TimeDelay}`` updated after each step.
    seed : int, optional
        Seed of the integrator's own random key (a ``bm.Variable``, so that loops and
        ``bm.jit`` carry it as state).

    Notes
    -----
    Subclasses declare ``strong_order``, ``weak_order`` (for Itô unless noted),
    ``intg_types`` and ``wiener_types`` they support, whether they need
    :math:`I_{(1,0)}` (``needs_dz``), and implement :meth:`scheme`.
    """

    _public_module = "brainpy.integrators.sde.base"
    strong_order: ClassVar[float]
    weak_order: ClassVar[float]
    intg_types: ClassVar[tuple[str, ...]] = SUPPORTED_INTG_TYPE
    wiener_types: ClassVar[tuple[str, ...]] = SUPPORTED_WIENER_TYPE
    needs_dz: ClassVar[bool] = False

    def __init__(
        self,
        f: Callable[..., Any],
        g: Callable[..., Any],
        dt: float | None = None,
        name: str | None = None,
        show_code: bool = False,
        var_type: str | None = None,
        intg_type: str | None = None,
        wiener_type: str | None = None,
        state_delays: Mapping[str, Any] | None = None,
        seed: int | None = None,
    ) -> None:
        super().__init__(f, dt=dt, name=name, state_delays=state_delays)
        owner = type(self).__name__
        if g is None:
            raise IntegratorError(f"{owner} needs the diffusion function g; use bp.sdeint(f=f_part, g=g_part).")
        self.g = g
        self.g_signature = read_signature(g, "diffusion function g")
        self.var_type = POP_VAR if var_type is None else var_type
        self.intg_type = ITO_SDE if intg_type is None else intg_type
        self.wiener_type = SCALAR_WIENER if wiener_type is None else wiener_type
        for value, allowed, what in (
            (self.var_type, SUPPORTED_VAR_TYPE, "var_type"),
            (self.intg_type, SUPPORTED_INTG_TYPE, "intg_type"),
            (self.wiener_type, SUPPORTED_WIENER_TYPE, "wiener_type"),
        ):
            if value not in allowed:
                raise IntegratorError(f"{what}={value!r} is not supported; expected one of {allowed}.")
        if self.intg_type not in self.intg_types:
            raise IntegratorError(
                f"{owner} supports intg_type in {self.intg_types}, but got {self.intg_type!r}. "
                f"Use another method (bp.integrators.sde.get_supported_methods())."
            )
        if self.wiener_type not in self.wiener_types:
            raise IntegratorError(
                f"{owner} supports wiener_type in {self.wiener_types}, but got {self.wiener_type!r}. "
                f"Use 'euler' or 'milstein' for vector Wiener processes."
            )
        from brainpy.math import Variable  # noqa: PLC0415

        seed = int(np.random.randint(0, 2**31 - 1)) if seed is None else int(seed)
        self.rng_key = Variable(jax.random.PRNGKey(seed))
        self.show_code = bool(show_code)
        self.func_name = code_name("sde", f)
        if self.show_code:
            print(self.describe())
            print({"f": self.f, "g": self.g})

    # ---- pieces -----------------------------------------------------------------------
    def drift(
        self, params: tuple[Any, ...], kw: Mapping[str, Any]
    ) -> Callable[[Any, tuple[Any, ...]], tuple[Any, ...]]:
        """``fn(t, ys)``: the drift with its parameters fixed."""
        n, f = len(self.variables), self.f
        return lambda t, ys: as_tuple(f(*ys, t, *params, **kw), n, f"The drift f of {self.name}")

    def diffusion(
        self, params: tuple[Any, ...], kw: Mapping[str, Any]
    ) -> Callable[[Any, tuple[Any, ...]], tuple[Any, ...]]:
        """``fn(t, ys)``: the diffusion with its parameters fixed."""
        n, g = len(self.variables), self.g
        npar = len(self.g_signature.parameters) if not self.g_signature.var_positional else len(params)
        return lambda t, ys: as_tuple(g(*ys, t, *params[:npar], **kw), n, f"The diffusion g of {self.name}")

    def noise(self, key: Any, ys: tuple[Any, ...], g0: tuple[Any, ...], dt: Any) -> Noise:
        r"""Draw the increments :math:`\Delta W \sim N(0, \Delta t)` (and :math:`I_{(1,0)}`) for one step."""
        sqrt_dt = jnp.sqrt(dt)
        shapes = [
            jnp.shape(gv) if self.wiener_type == VECTOR_WIENER else jnp.broadcast_shapes(jnp.shape(y), jnp.shape(gv))
            for y, gv in zip(ys, g0)
        ]
        keys = jax.random.split(key, 2 * len(ys))
        dtype = jnp.result_type(float)
        dW = tuple(sqrt_dt * jax.random.normal(keys[2 * i], s, dtype) for i, s in enumerate(shapes))
        out: Noise = {"dW": dW}
        if self.needs_dz:
            out["dZ"] = tuple(
                0.5 * dt * (w + sqrt_dt * jax.random.normal(keys[2 * i + 1], s, dtype) / np.sqrt(3.0))
                for i, (w, s) in enumerate(zip(dW, shapes))
            )
        return out

    def scheme(self, f: Callable, g: Callable, t: Any, ys: tuple[Any, ...], dt: Any, noise: Noise) -> tuple[Any, ...]:
        r"""One step given the Wiener increments (pure). Subclasses implement it."""
        raise NoImplementationError(f"{type(self).__name__} must implement scheme().")

    @classmethod
    def strong_order_for(cls, intg_type: str, wiener_type: str = SCALAR_WIENER) -> float:
        r"""The strong order of the method for this integral and Wiener type (``strong_order`` by default)."""
        return cls.strong_order

    def describe(self) -> str:
        r"""A readable description of the scheme (the class docstring's summary and options)."""
        doc = (type(self).__doc__ or "").strip().splitlines()[0]
        args = ", ".join([*self.variables, "t", *self.parameters])
        return (
            f"def {self.func_name}({args}, dt={self.dt}):\n  # {type(self).__name__}: {doc}\n"
            f"  # intg_type={self.intg_type}, wiener_type={self.wiener_type}, strong order {self.strong_order}"
        )

    def state_variables(self) -> list[Any]:
        return [self.rng_key]

    # ---- calling ------------------------------------------------------------------------
    def step(
        self, t: Any, ys: tuple[Any, ...], params: tuple[Any, ...], kw: Mapping[str, Any], dt: Any, key: Any
    ) -> tuple[Any, ...]:
        """One pure step with the random ``key``."""
        f, g = self.drift(params, kw), self.diffusion(params, kw)
        g0 = g(t, ys)
        noise = self.noise(key, ys, g0, dt)
        return self.scheme(f, g, t, ys, dt, noise)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        ys, t, params, kw, dt, _ = bind_call(self.signature, args, kwargs, self.dt, f"{self.name}(...)")
        as_ja = any(is_jaxarray(y) for y in ys)
        ys = tuple(unwrap(y) for y in ys)
        key, sub = jax.random.split(self.rng_key.value)
        self.rng_key.value = key
        new = self.step(t, ys, params, kw, dt, sub)
        for i, var in enumerate(self.variables):
            if var in self.state_delays:
                self.state_delays[var].update(t + dt, new[i])
        return wrap_like(new[0] if len(new) == 1 else tuple(new), as_ja)
