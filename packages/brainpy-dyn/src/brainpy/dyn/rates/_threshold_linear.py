r"""The threshold linear rate model (``ThresholdLinearModel``)."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.rates._base import Population

__all__ = ["ThresholdLinearModel"]


class ThresholdLinearModel(Population):
    r"""A threshold linear rate model.

    **Model Descriptions**

    The local circuit of Chaudhuri et al. (2015) [1]_:

    .. math::

        \tau_E \frac{d\nu_E}{dt} &= -\nu_E + \beta_E [I_E]_+ + \sigma_E \sqrt{\tau_E}\, \eta_E(t) \\
        \tau_I \frac{d\nu_I}{dt} &= -\nu_I + \beta_I [I_I]_+ + \sigma_I \sqrt{\tau_I}\, \eta_I(t)

    where :math:`\nu_E, \nu_I` (``e``, ``i``) are the excitatory and
    inhibitory firing rates (kept non-negative), :math:`\tau` the time
    constants (ms), :math:`\beta` the gains, :math:`[I]_+ = \max(I, 0)` the
    rectified inputs (Variables ``Ie`` and ``Ii``, cleared after every step),
    :math:`\sigma` the noise levels and :math:`\eta` independent white noises.
    Each step is integrated exactly (exponential integrator with the exact
    OU variance), which stays stable when :math:`dt > \tau`; the fixed point
    is :math:`\nu = \beta [I]_+`.

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    tau_e, tau_i : float, ArrayType, Initializer or callable
        Time constants (ms). Defaults 0.02, 0.01.
    beta_e, beta_i : float, ArrayType, Initializer or callable
        Gains. Defaults 0.066, 0.351.
    noise_e, noise_i : float, ArrayType, Initializer or callable
        Noise levels :math:`\sigma`. Default 0.
    e_initializer, i_initializer : float, ArrayType, Initializer or callable
        Initial rates. Default 0.
    seed : int, optional
        Seed of the model's own random stream (default: the global ``bm.random``).
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The model's name.

    References
    ----------
    .. [1] Chaudhuri, R., Knoblauch, K., Gariel, M. A., Kennedy, H., & Wang, X. J. (2015). A
           large-scale circuit mechanism for hierarchical dynamical processing in the primate
           cortex. Neuron, 88(2), 419-431. doi:10.1016/j.neuron.2015.09.008
    """

    def __init__(
        self,
        size: Any,
        tau_e: Any = 0.02,
        tau_i: Any = 0.01,
        beta_e: Any = 0.066,
        beta_i: Any = 0.351,
        noise_e: Any = 0.0,
        noise_i: Any = 0.0,
        e_initializer: Any = 0.0,
        i_initializer: Any = 0.0,
        seed: int | None = None,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        import numpy as np

        super().__init__(size, keep_size=keep_size, name=name)
        for key, value in (
            ("tau_e", tau_e),
            ("tau_i", tau_i),
            ("beta_e", beta_e),
            ("beta_i", beta_i),
            ("noise_e", noise_e),
            ("noise_i", noise_i),
        ):
            setattr(self, key, self._param(value, key))
        self.seed = seed
        self._has_noise = bool(np.any(np.asarray(self.noise_e) != 0) or np.any(np.asarray(self.noise_i) != 0))
        self.rng = bm.random.RandomState(seed) if (seed is not None and self._has_noise) else None
        self._e_initializer, self._i_initializer = e_initializer, i_initializer
        self.e = bm.Variable(self._init(e_initializer, "e_initializer"))
        self.i = bm.Variable(self._init(i_initializer, "i_initializer"))
        self.Ie = bm.Variable(bm.zeros(self.varshape))
        self.Ii = bm.Variable(bm.zeros(self.varshape))

    def _step(self, v: Any, inp: Any, tau: Any, beta: Any, noise: Any, _dt: Any) -> Any:
        import brainpy.math as bm

        target = beta * bm.maximum(inp, 0.0)
        decay = bm.exp(-_dt / tau)
        new = target + (v - target) * decay
        if self._has_noise:
            rng = bm.random.DEFAULT if self.rng is None else self.rng
            std = noise / bm.sqrt(tau) * bm.sqrt(tau / 2.0 * (1.0 - decay**2))
            new = new + std * rng.normal(size=self.varshape)
        return bm.maximum(new, 0.0)

    def reset(self) -> None:
        r"""Restore the initial rates and clear the inputs."""
        import brainpy.math as bm

        self.e.value = self._init(self._e_initializer, "e_initializer").value
        self.i.value = self._init(self._i_initializer, "i_initializer").value
        self.Ie.value = bm.zeros_like(self.Ie.value)
        self.Ii.value = bm.zeros_like(self.Ii.value)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step exactly and clear the inputs."""
        import brainpy.math as bm

        self.e.value = self._step(self.e.value, self.Ie.value, self.tau_e, self.beta_e, self.noise_e, _dt)
        self.i.value = self._step(self.i.value, self.Ii.value, self.tau_i, self.beta_i, self.noise_i, _dt)
        self.Ie.value = bm.zeros_like(self.Ie.value)
        self.Ii.value = bm.zeros_like(self.Ii.value)
