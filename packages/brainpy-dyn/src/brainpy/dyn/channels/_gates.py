r"""Gating machinery shared by the voltage-gated channels: the ``p``/``q`` gate Variables and their integrator.

A gated channel has one or two gating variables, :math:`p` (activation)
and optionally :math:`q` (inactivation), each obeying

.. math::

    \frac{dx}{dt} = \phi_x \frac{x_\infty(V) - x}{\tau_x(V)}
                  = \phi_x \left(\alpha_x(V)(1 - x) - \beta_x(V)\, x\right),

with :math:`x_\infty = \alpha_x/(\alpha_x + \beta_x)` and
:math:`\tau_x = 1/(\alpha_x + \beta_x)`. A subclass defines ``p_inf(V)``
and ``p_tau(V)`` (and ``q_inf``/``q_tau``) and the factors ``phi_p``/``phi_q``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["GatedMixin", "vtrap"]


def vtrap(x: Any, k: float) -> Any:
    r"""The rate function :math:`x / (1 - e^{-x/k})`, finite at its removable singularity :math:`x = 0` (limit :math:`k`)."""
    import brainpy.math as bm

    y = x / k
    small = bm.abs(y) < 1e-6
    safe = bm.where(small, 1.0, y)
    return bm.where(small, k * (1.0 + y / 2.0), x / (-bm.expm1(-safe)))


class GatedMixin:
    r"""Gate Variables ``p`` (and ``q``), their derivatives and their integrator, for a channel class."""

    phi_p: Any = 1.0
    phi_q: Any = 1.0

    def _setup_gates(self, gates: tuple[str, ...], method: str) -> None:
        import brainpy.math as bm
        from brainpy.integrators import JointEq, odeint

        self._gates = gates
        for g in gates:
            setattr(self, g, bm.Variable(bm.zeros(self.varshape)))  # type: ignore[attr-defined]
        derivs = [getattr(self, "d" + g) for g in gates]
        self.integral = odeint(JointEq(derivs) if len(derivs) > 1 else derivs[0], method=method)

    def p_inf(self, V: Any) -> Any:
        r"""The steady state :math:`p_\infty(V)`."""
        a, b = self.p_alpha(V), self.p_beta(V)
        return a / (a + b)

    def p_tau(self, V: Any) -> Any:
        r"""The time constant :math:`\tau_p(V)` (ms)."""
        return 1.0 / (self.p_alpha(V) + self.p_beta(V))

    def q_inf(self, V: Any) -> Any:
        r"""The steady state :math:`q_\infty(V)`."""
        a, b = self.q_alpha(V), self.q_beta(V)
        return a / (a + b)

    def q_tau(self, V: Any) -> Any:
        r"""The time constant :math:`\tau_q(V)` (ms)."""
        return 1.0 / (self.q_alpha(V) + self.q_beta(V))

    def p_alpha(self, V: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def p_beta(self, V: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def q_alpha(self, V: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def q_beta(self, V: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def dp(self, p: Any, t: Any, V: Any) -> Any:
        r""":math:`dp/dt = \phi_p (p_\infty(V) - p) / \tau_p(V)`."""
        return self.phi_p * (self.p_inf(V) - p) / self.p_tau(V)

    def dq(self, q: Any, t: Any, V: Any) -> Any:
        r""":math:`dq/dt = \phi_q (q_\infty(V) - q) / \tau_q(V)`."""
        return self.phi_q * (self.q_inf(V) - q) / self.q_tau(V)

    def _step_gates(self, _t: Any, _dt: Any, V: Any) -> None:
        values = [getattr(self, g).value for g in self._gates]
        new = self.integral(*values, _t, V, dt=_dt)
        new = new if isinstance(new, (tuple, list)) else (new,)
        for g, value in zip(self._gates, new):
            getattr(self, g).value = value

    def _reset_gates(self, V: Any) -> None:
        import brainpy.math as bm

        for g in self._gates:
            inf = getattr(self, g + "_inf")(V)
            getattr(self, g).value = bm.broadcast_to(bm.asarray(inf), self.varshape).astype(getattr(self, g).dtype)  # type: ignore[attr-defined]
