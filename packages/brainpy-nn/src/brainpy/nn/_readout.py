r"""Offline and online fitting of linear readouts (``Dense``, ``LinearReadout``).

A readout computes :math:`y = [x_{ff}, x_{fb}] W + b`. Both kinds of training
see the augmented input :math:`\tilde x = [1, x_{ff}, x_{fb}]` (the leading
one only when the node has a bias) and the stacked weights
:math:`\tilde W = [b; W_{ff}; W_{fb}]`; the trainer gives the algorithm in
``node.offline_fit_by`` or ``node.online_fit_by``.
"""

from __future__ import annotations

from typing import Any

from brainpy.errors import NoImplementationError

__all__ = ["ReadoutMixin"]


def _augment_impl(parts: list, bias: bool) -> Any:
    import jax.numpy as jnp

    x = jnp.concatenate(parts, axis=-1)
    x = x.reshape((-1, x.shape[-1]))
    if bias:
        x = jnp.concatenate([jnp.ones((x.shape[0], 1), dtype=x.dtype), x], axis=-1)
    return x


def _augment(parts: list, bias: bool) -> Any:
    """``[1, x_ff, x_fb]`` rows; compiled outside of traces, inlined inside them."""
    from brainpy._compat import is_tracer

    if any(is_tracer(p) for p in parts):
        return _augment_impl(parts, bias)
    return _AUGMENT_JIT(parts, bias)


def _make_jit() -> Any:
    import jax

    return jax.jit(_augment_impl, static_argnums=1)


_AUGMENT_JIT = _make_jit()


class ReadoutMixin:
    r"""Adds :meth:`offline_fit` and :meth:`online_fit` to nodes with ``Wff``, ``bias`` and ``Wfb``."""

    offline_fit_by: Any = None
    online_fit_by: Any = None

    def _augmented(self, ff: Any, fb: Any) -> Any:
        import brainpy.math as bm

        parts = [bm.as_jax(x) for x in ff]
        if fb is not None and self.Wfb is not None:
            parts += [bm.as_jax(x) for x in fb]
        return _augment(parts, self.bias is not None)

    def _stacked(self) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        parts = [bm.as_jax(self.Wff)]
        if self.Wfb is not None:
            parts.append(bm.as_jax(self.Wfb))
        if self.bias is not None:
            parts.insert(0, bm.as_jax(self.bias)[None])
        return jnp.concatenate(parts, axis=0)

    def _assign(self, W: Any, add: bool) -> None:
        start = 0
        for attr in ("bias", "Wff", "Wfb"):
            var = getattr(self, attr)
            if var is None:
                continue
            rows = 1 if attr == "bias" else var.shape[0]
            part = W[start : start + rows]
            part = part[0] if attr == "bias" else part
            start += rows
            new = var.value + part if add else part
            var.value = new.astype(var.dtype)

    def offline_init(self) -> None:
        if self.Wff is None:
            raise NoImplementationError(f"{self.name} must be initialized before training.")

    def offline_fit(self, target: Any, ffs: Any, fbs: Any = None) -> None:
        r"""Fit the weights to all the data at once with ``self.offline_fit_by``.

        Parameters
        ----------
        target : array of shape (..., num_unit)
            The targets, one row per sample and time step.
        ffs : list of arrays of shape (..., num_input_i)
            The feedforward inputs (same leading axes as ``target``).
        fbs : list of arrays, optional
            The feedback inputs.
        """
        import brainpy.math as bm

        x = self._augmented(ffs, fbs)
        y = bm.as_jax(target).reshape((x.shape[0], -1))
        W = self.offline_fit_by(y, x, x @ self._stacked())
        self._assign(W, add=False)

    def online_init(self) -> None:
        n = self.Wff.shape[0] + (0 if self.Wfb is None else self.Wfb.shape[0]) + (0 if self.bias is None else 1)
        self.online_fit_by.initialize(self.name, n, self.num_unit)

    def online_fit(self, target: Any, ff: Any, fb: Any = None) -> None:
        r"""Update the weights from one step with ``self.online_fit_by``."""
        import brainpy.math as bm

        x = self._augmented(ff, fb)
        y = bm.as_jax(target).reshape((x.shape[0], -1))
        dW = self.online_fit_by(self.name, y, x, x @ self._stacked())
        self._assign(dW, add=True)
