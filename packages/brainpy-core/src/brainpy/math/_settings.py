r"""Global numerical settings of ``brainpy.math``.

All settings the spec defines live in ONE object, :data:`settings`, an instance of
:class:`Settings`. Every public function below is a thin getter or setter on it,
and :meth:`Settings.context` changes several settings for the duration of a
``with`` block and restores them afterwards (the test fixture uses
:meth:`Settings.reset`).

The settings are

* ``dt``: the default integration step (ms), 0.1 by default (``set_dt``/``get_dt``);
* ``dfloat``, ``dint``, ``dcomplex``: the default float, int and complex dtypes,
  reachable as ``bm.float_``, ``bm.int_`` and ``bm.complex_``. Left unset they
  follow the 64-bit mode: ``float32``/``int32``/``complex64`` normally and
  ``float64``/``int64``/``complex128`` after :func:`enable_x64`;
* ``platform``: ``'cpu'``, ``'gpu'`` or ``'tpu'`` (``set_platform``);
* ``x64``: whether JAX computes in 64 bits (``enable_x64``/``disable_x64``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import numbers
import os
import re
from collections.abc import Iterator
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from brainpy.errors import MathError, UnsupportedError

__all__ = [
    "Settings",
    "settings",
    "set_platform",
    "get_platform",
    "set_host_device_count",
    "enable_x64",
    "disable_x64",
    "set_dt",
    "get_dt",
    "set_dfloat",
    "set_dint",
    "set_dcomplex",
    "get_dfloat",
    "get_dint",
    "get_dcomplex",
    "bool_",
]

#: ``bm.bool_``: the boolean scalar type (alias of ``jax.numpy.bool_``).
bool_ = jnp.bool_

_PLATFORMS = ("cpu", "gpu", "tpu")
_KINDS = {"dfloat": ("f", "float"), "dint": ("iu", "integer"), "dcomplex": ("c", "complex")}
_X64_DEFAULTS = {
    False: {"dfloat": jnp.float32, "dint": jnp.int32, "dcomplex": jnp.complex64},
    True: {"dfloat": jnp.float64, "dint": jnp.int64, "dcomplex": jnp.complex128},
}


class SettingError(MathError, TypeError):
    r"""A ``brainpy.math`` setting was given a value of the wrong type or range.

    Derives from :class:`brainpy.errors.MathError` (hence ``ValueError``) and from
    ``TypeError``, so either ``except`` clause catches it.
    """


def _check_dt(dt: Any) -> float:
    if isinstance(dt, (bool, np.bool_)) or not isinstance(dt, (numbers.Real, np.floating, np.integer)):
        raise SettingError(
            f"dt must be a positive real number (the integration step in ms), but got dt={dt!r} "
            f"of type {type(dt).__name__}. Use, for example, bm.set_dt(0.1)."
        )
    value = float(dt)
    if not np.isfinite(value) or value <= 0.0:
        raise SettingError(
            f"dt must be a positive finite number (the integration step in ms), but got dt={dt!r}. "
            f"Use, for example, bm.set_dt(0.1)."
        )
    return value


def _check_dtype(kind: str, dtype: Any) -> type:
    letters, word = _KINDS[kind]
    try:
        resolved = np.dtype(dtype)
    except TypeError as err:
        raise SettingError(
            f"{kind} must be a {word} dtype, but got {dtype!r}. Use, for example, "
            f"bm.set_{kind}(bm.{'float32' if word == 'float' else 'int32' if word == 'integer' else 'complex64'})."
        ) from err
    if resolved.kind not in letters:
        raise SettingError(
            f"{kind} must be a {word} dtype, but got {dtype!r} (kind {resolved.name!r}). Pass a {word} "
            f"type such as bm.{'float64' if word == 'float' else 'int64' if word == 'integer' else 'complex128'}."
        )
    return getattr(jnp, resolved.name, resolved.type)


@dataclasses.dataclass
class Settings:
    r"""The one object holding the numerical settings of ``brainpy.math``.

    Parameters
    ----------
    dt : float
        Default integration step (ms). Default 0.1.
    dfloat, dint, dcomplex : type or None
        Default float, int and complex scalar types. ``None`` (default) follows
        the 64-bit mode (32-bit types normally, 64-bit types under ``enable_x64``).
    platform : str
        The platform requested with :func:`set_platform` (``'cpu'`` by default).
    """

    dt: float = 0.1
    dfloat: type | None = None
    dint: type | None = None
    dcomplex: type | None = None
    platform: str = "cpu"

    # ---- getters -----------------------------------------------------------------
    @property
    def x64(self) -> bool:
        """Whether JAX computes in 64-bit mode (``jax_enable_x64``)."""
        return bool(jax.config.jax_enable_x64)

    def dtype(self, kind: str) -> type:
        """The default scalar type for ``kind`` in ``('dfloat', 'dint', 'dcomplex')``."""
        chosen = getattr(self, kind)
        return _X64_DEFAULTS[self.x64][kind] if chosen is None else chosen

    # ---- setters -----------------------------------------------------------------
    def update(self, **changes: Any) -> None:
        """Validate and apply several settings at once (keys as the dataclass fields, plus ``x64``)."""
        unknown = sorted(set(changes) - {f.name for f in dataclasses.fields(self)} - {"x64"})
        if unknown:
            raise SettingError(
                f"Unknown brainpy.math setting(s) {unknown}. Available: dt, dfloat, dint, dcomplex, platform, x64."
            )
        checked: dict[str, Any] = {}
        for key, value in changes.items():
            if key == "dt":
                checked[key] = _check_dt(value)
            elif key in _KINDS:
                checked[key] = None if value is None else _check_dtype(key, value)
            elif key == "platform":
                checked[key] = _check_platform(value)
            else:
                if not isinstance(value, (bool, np.bool_)):
                    raise SettingError(f"x64 must be True or False, but got {value!r}.")
                checked[key] = bool(value)
        for key, value in checked.items():
            if key == "x64":
                jax.config.update("jax_enable_x64", value)
            elif key == "platform":
                jax.config.update("jax_platform_name", value)
                self.platform = value
            else:
                setattr(self, key, value)

    def snapshot(self) -> dict[str, Any]:
        """The current settings as a dict accepted by :meth:`update`."""
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        state["x64"] = self.x64
        return state

    def reset(self) -> None:
        """Restore the defaults: dt=0.1, dtypes following the 64-bit mode, 32-bit mode."""
        self.dt, self.dfloat, self.dint, self.dcomplex = 0.1, None, None, None
        if self.x64:
            jax.config.update("jax_enable_x64", False)

    @contextlib.contextmanager
    def context(self, **changes: Any) -> Iterator[Settings]:
        """Apply ``changes`` (see :meth:`update`) inside a ``with`` block, then restore.

        Examples
        --------
        >>> import brainpy.math as bm
        >>> with bm.settings.context(dt=0.01):
        ...     bm.get_dt()
        0.01
        >>> bm.get_dt()
        0.1
        """
        saved = self.snapshot()
        self.update(**changes)
        try:
            yield self
        finally:
            restore = {k: v for k, v in saved.items() if k != "platform" or v != self.platform}
            self.update(**restore)


def _check_platform(platform: Any) -> str:
    if not isinstance(platform, str) or platform.lower() not in _PLATFORMS:
        raise UnsupportedError(
            f"platform must be one of {_PLATFORMS}, but got {platform!r}. Use bm.set_platform('cpu')."
        )
    platform = platform.lower()
    if platform != "cpu":
        try:
            jax.devices(platform)
        except RuntimeError as err:
            raise UnsupportedError(
                f"bm.set_platform({platform!r}): JAX sees no {platform.upper()} device here "
                f"(installed JAX backends: {jax.default_backend()!r}). Install the JAX build for "
                f"{platform.upper()} or use bm.set_platform('cpu')."
            ) from err
    return platform


#: The global settings object of ``brainpy.math``.
settings = Settings()


def set_platform(platform: str) -> None:
    r"""Change the computing platform to CPU, GPU, or TPU.

    Parameters
    ----------
    platform : str
        ``'cpu'``, ``'gpu'`` or ``'tpu'``.

    Raises
    ------
    brainpy.errors.UnsupportedError
        If the name is unknown or JAX sees no device of that kind.
    """
    settings.update(platform=platform)


def get_platform() -> str:
    r"""Return the platform set with :func:`set_platform` (``'cpu'`` by default)."""
    return settings.platform


def set_host_device_count(n: int) -> None:
    r"""Make XLA expose ``n`` CPU devices (by default XLA considers all CPU cores as one device).

    Sets ``--xla_force_host_platform_device_count`` in ``XLA_FLAGS`` and JAX's
    ``jax_num_cpu_devices``. It takes effect only if called before JAX starts its
    CPU backend (before the first computation).

    Parameters
    ----------
    n : int
        The number of host (CPU) devices, >= 1.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise SettingError(f"n must be a positive integer (number of CPU devices), but got n={n!r}.")
    flags = re.sub(r"--xla_force_host_platform_device_count=\S+", "", os.environ.get("XLA_FLAGS", ""))
    os.environ["XLA_FLAGS"] = f"{flags} --xla_force_host_platform_device_count={int(n)}".strip()
    with contextlib.suppress(RuntimeError):  # the backend is already running
        jax.config.update("jax_num_cpu_devices", int(n))


def enable_x64() -> None:
    r"""Let JAX compute in 64-bit precision (``float64``/``int64``); default dtypes follow."""
    settings.update(x64=True)


def disable_x64() -> None:
    r"""Return JAX to 32-bit precision (``float32``/``int32``); default dtypes follow."""
    settings.update(x64=False)


def set_dt(dt: float) -> None:
    r"""Set the default numerical integration step :math:`\Delta t` (ms).

    Parameters
    ----------
    dt : float
        A positive, finite step. Default 0.1.

    Raises
    ------
    brainpy.math._settings.SettingError
        If ``dt`` is not a positive real number (a ``MathError`` and a ``TypeError``).
    """
    settings.update(dt=dt)


def get_dt() -> float:
    r"""Get the default numerical integration step (ms), 0.1 unless changed by :func:`set_dt`."""
    return settings.dt


def set_dfloat(dtype: Any) -> None:
    r"""Set the default float type ``bm.float_`` (for example ``bm.float64``); ``None`` follows x64."""
    settings.update(dfloat=dtype)


def set_dint(dtype: Any) -> None:
    r"""Set the default integer type ``bm.int_`` (for example ``bm.int64``); ``None`` follows x64."""
    settings.update(dint=dtype)


def set_dcomplex(dtype: Any) -> None:
    r"""Set the default complex type ``bm.complex_``; ``None`` follows x64."""
    settings.update(dcomplex=dtype)


def get_dfloat() -> type:
    r"""Get the default float type (``bm.float_``)."""
    return settings.dtype("dfloat")


def get_dint() -> type:
    r"""Get the default integer type (``bm.int_``)."""
    return settings.dtype("dint")


def get_dcomplex() -> type:
    r"""Get the default complex type (``bm.complex_``)."""
    return settings.dtype("dcomplex")


_DYNAMIC = {"float_": "dfloat", "int_": "dint", "complex_": "dcomplex"}


def dynamic_attribute(name: str) -> tuple[bool, Any]:
    r"""Resolve the ``brainpy.math`` attributes that follow the settings.

    Returns ``(True, value)`` for ``float_``, ``int_`` and ``complex_`` (the current
    default scalar types) and ``(False, None)`` for any other name.
    """
    kind = _DYNAMIC.get(name)
    if kind is None:
        return False, None
    return True, settings.dtype(kind)
