r"""Running a system into a dataset dictionary."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from brainpy.errors import IntegratorError

__all__ = ["ode_series", "map_series", "inits_list"]


def inits_list(inits: Any, names: Sequence[str], default: Sequence[float]) -> list[Any]:
    """``inits`` (None, dict or sequence) as one value per name."""
    if inits is None:
        return list(default)
    if isinstance(inits, Mapping):
        missing = [n for n in names if n not in inits]
        if missing:
            raise IntegratorError(f"inits has no value for {missing}; expected the keys {tuple(names)}.")
        return [inits[n] for n in names]
    if isinstance(inits, (list, tuple)) and len(inits) == len(names):
        return list(inits)
    raise IntegratorError(
        f"inits must be a dict with keys {tuple(names)} or a sequence of {len(names)} values, but got {inits!r}."
    )


def _out(data: dict[str, Any], numpy_mon: bool) -> dict[str, Any]:
    if numpy_mon:
        return {k: np.asarray(v) for k, v in data.items()}
    from brainpy.math import asarray  # noqa: PLC0415

    return {k: asarray(v) for k, v in data.items()}


def ode_series(
    f: Callable[..., Any],
    inits: list[Any],
    duration: float,
    dt: float,
    method: str,
    numpy_mon: bool,
    state_delays: Mapping[str, Any] | None = None,
    progress_bar: bool = False,
) -> dict[str, Any]:
    """Integrate ``f`` with ``bp.odeint(method)`` for ``duration``; ``{'ts', <variables>}`` with shapes ``(T, 1)``."""
    from brainpy.integrators import IntegratorRunner, odeint  # noqa: PLC0415

    integral = odeint(f, method=method, dt=dt, state_delays=state_delays)
    runner = IntegratorRunner(
        integral,
        inits=inits,
        monitors=list(integral.variables),
        dt=dt,
        progress_bar=progress_bar,
        numpy_mon_after_run=False,
    )
    mon = runner.run(duration)
    return _out(dict(mon), numpy_mon)


def map_series(
    step: Callable[..., tuple[Any, ...]], names: Sequence[str], inits: list[Any], num_step: int, numpy_mon: bool
) -> dict[str, Any]:
    """Iterate the map ``step`` ``num_step`` times; one ``(num_step, 1)`` history per variable."""
    if isinstance(num_step, bool) or not isinstance(num_step, (int, np.integer)) or num_step < 1:
        raise IntegratorError(f"num_step must be a positive integer, but got {num_step!r}.")
    x0 = tuple(jnp.reshape(jnp.asarray(v, jnp.result_type(float)), (-1,)) for v in inits)

    def body(x: tuple[Any, ...], _: Any) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        new = step(*x)
        return new, new

    _, hist = jax.lax.scan(body, x0, None, length=int(num_step))
    return _out(dict(zip(names, hist)), numpy_mon)
