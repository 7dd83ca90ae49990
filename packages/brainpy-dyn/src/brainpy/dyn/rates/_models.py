r"""Two-variable population models: ``QIF``, ``StuartLandauOscillator``, ``WilsonCowanModel``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.rates._base import Population, uniform_init

__all__ = ["QIF", "StuartLandauOscillator", "WilsonCowanModel"]


class _XYModel(Population):
    r"""A two-variable population driven by ``input``/``input_y`` (+ OU noises), integrated by ``self.integral``."""

    def _setup_xy(
        self,
        x_ou: tuple,
        y_ou: tuple,
        x_init: Any,
        y_init: Any,
        default_high: float,
        method: str,
        sde_method: str | None,
    ) -> None:
        from brainpy.integrators import JointEq, odeint

        self._xy_setup(
            x_ou,
            y_ou,
            uniform_init(default_high) if x_init is None else x_init,
            uniform_init(default_high) if y_init is None else y_init,
            sde_method,
        )
        self.integral = odeint(JointEq([self.dx, self.dy]), method=method)

    def _extra(self) -> dict[str, Any]:
        return {}

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step with the inputs and noises of this step."""
        x_ext, y_ext = self._xy_inputs()
        x, y = self.integral(self.x.value, self.y.value, _t, x_ext=x_ext, y_ext=y_ext, dt=_dt, **self._extra())
        self._xy_finish(x, y, _t, _dt)


class QIF(_XYModel):
    r"""A mean-field model of a quadratic integrate-and-fire neuron population.

    **Model Descriptions**

    The exact mean field of all-to-all coupled QIF neurons with Lorentzian
    distributed excitabilities (Montbrió, Pazó & Roxin, 2015) [1]_:

    .. math::

        \tau \frac{dy}{dt} &= \frac{\Delta}{\pi \tau} + 2 x y + I_y(t) \\
        \tau \frac{dx}{dt} &= x^2 + \bar{\eta} + I_x(t) + J \tau y - (\pi \tau y)^2

    where :math:`y` (``y``) is the population firing rate, :math:`x` (``x``)
    the mean membrane potential, :math:`\tau` the membrane time constant
    (ms), :math:`\bar{\eta}` the center and :math:`\Delta` the half-width of
    the Lorentzian distribution of excitabilities, :math:`J` the recurrent
    coupling, and :math:`I_x, I_y` the inputs (``input``, ``input_y``) plus
    optional OU noises.

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    tau : float, ArrayType, Initializer or callable
        Time constant (ms). Default 1.
    eta : float, ArrayType, Initializer or callable
        Mean excitability :math:`\bar{\eta}`. Default -5.
    delta : float, ArrayType, Initializer or callable
        Half-width :math:`\Delta`. Default 1.
    J : float, ArrayType, Initializer or callable
        Recurrent coupling. Default 15.
    x_ou_mean, y_ou_mean : float, ArrayType, Initializer or callable
        Means of the Ornstein-Uhlenbeck input noises of :math:`x` and :math:`y` (per ms). Default 0.
    x_ou_sigma, y_ou_sigma : float, ArrayType, Initializer or callable
        Intensities of the noises (per ms per :math:`\sqrt{ms}`). Default 0 (no noise).
    x_ou_tau, y_ou_tau : float, ArrayType, Initializer or callable
        Time constants of the noises (ms). Default 5.
    x_initializer, y_initializer : float, ArrayType, Initializer or callable
        Initial values of :math:`x` and :math:`y`. Default ``bp.init.Uniform(0, 0.05)``.
    method : str
        The ODE integration method.
    sde_method : str, optional
        The SDE method of the noises. Default ``'euler'`` (Euler-Maruyama).
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The model's name.

    References
    ----------
    .. [1] Montbrió, E., Pazó, D., & Roxin, A. (2015). Macroscopic description for networks of
           spiking neurons. Physical Review X, 5(2), 021028. doi:10.1103/PhysRevX.5.021028
    """

    def __init__(
        self,
        size: Any,
        tau: Any = 1.0,
        eta: Any = -5.0,
        delta: Any = 1.0,
        J: Any = 15.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = None,
        y_initializer: Any = None,
        method: str = "exp_auto",
        sde_method: str | None = None,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.tau = self._param(tau, "tau")
        self.eta = self._param(eta, "eta")
        self.delta = self._param(delta, "delta")
        self.J = self._param(J, "J")
        self._setup_xy(
            (x_ou_mean, x_ou_sigma, x_ou_tau),
            (y_ou_mean, y_ou_sigma, y_ou_tau),
            x_initializer,
            y_initializer,
            0.05,
            method,
            sde_method,
        )

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        r""":math:`dx/dt = (x^2 + \bar\eta + x_{ext} + J \tau y - (\pi \tau y)^2) / \tau`."""
        import math

        return (x**2 + self.eta + x_ext + self.J * y * self.tau - (math.pi * y * self.tau) ** 2) / self.tau

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any = 0.0) -> Any:
        r""":math:`dy/dt = (\Delta / (\pi \tau) + 2 x y + y_{ext}) / \tau`."""
        import math

        return (self.delta / (math.pi * self.tau) + 2.0 * x * y + y_ext) / self.tau


class StuartLandauOscillator(_XYModel):
    r"""Stuart-Landau model with Hopf bifurcation.

    **Model Descriptions**

    The normal form of a supercritical Hopf bifurcation [1]_:

    .. math::

        \frac{dx}{dt} &= (a - x^2 - y^2)\, x - w y + I_x(t) \\
        \frac{dy}{dt} &= (a - x^2 - y^2)\, y + w x + I_y(t)

    where :math:`(x, y)` is the oscillator's state, :math:`a` the bifurcation
    parameter (for :math:`a > 0` the origin is unstable and a limit cycle of
    radius :math:`\sqrt{a}` is stable), :math:`w` the angular frequency
    (rad/ms), and :math:`I_x, I_y` the inputs plus optional OU noises. The
    derivatives take ``a`` and ``w`` as arguments, so that they can be analysed.

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    a : float, ArrayType, Initializer or callable
        Bifurcation parameter. Default 0.25.
    w : float, ArrayType, Initializer or callable
        Angular frequency. Default 0.2.
    x_ou_mean, y_ou_mean : float, ArrayType, Initializer or callable
        Means of the Ornstein-Uhlenbeck input noises of :math:`x` and :math:`y` (per ms). Default 0.
    x_ou_sigma, y_ou_sigma : float, ArrayType, Initializer or callable
        Intensities of the noises (per ms per :math:`\sqrt{ms}`). Default 0 (no noise).
    x_ou_tau, y_ou_tau : float, ArrayType, Initializer or callable
        Time constants of the noises (ms). Default 5.
    x_initializer, y_initializer : float, ArrayType, Initializer or callable
        Initial values of :math:`x` and :math:`y`. Default ``bp.init.Uniform(0, 0.5)``.
    method : str
        The ODE integration method.
    sde_method : str, optional
        The SDE method of the noises. Default ``'euler'`` (Euler-Maruyama).
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The model's name.

    References
    ----------
    .. [1] Kuznetsov, Y. A. (2004). Elements of Applied Bifurcation Theory (3rd ed.), Springer,
           New York. doi:10.1007/978-1-4757-3978-7
    """

    def __init__(
        self,
        size: Any,
        a: Any = 0.25,
        w: Any = 0.2,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = None,
        y_initializer: Any = None,
        method: str = "exp_auto",
        sde_method: str | None = None,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        self.a = self._param(a, "a")
        self.w = self._param(w, "w")
        self._setup_xy(
            (x_ou_mean, x_ou_sigma, x_ou_tau),
            (y_ou_mean, y_ou_sigma, y_ou_tau),
            x_initializer,
            y_initializer,
            0.5,
            method,
            sde_method,
        )

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any, a: Any, w: Any) -> Any:
        r""":math:`dx/dt = (a - x^2 - y^2) x - w y + x_{ext}`."""
        return (a - x * x - y * y) * x - w * y + x_ext

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any, a: Any, w: Any) -> Any:
        r""":math:`dy/dt = (a - x^2 - y^2) y + w x + y_{ext}`."""
        return (a - x * x - y * y) * y + w * x + y_ext

    def _extra(self) -> dict[str, Any]:
        return {"a": self.a, "w": self.w}


class WilsonCowanModel(_XYModel):
    r"""Wilson-Cowan population model.

    **Model Descriptions**

    The excitatory (:math:`x`) and inhibitory (:math:`y`) population
    activities of Wilson & Cowan (1972) [1]_:

    .. math::

        \tau_E \frac{dx}{dt} &= -u_E + (1 - r u_E)\, F(u_E;\, a_E, \theta_E), \quad
            u_E = w_{EE} x - w_{IE} y + I_x(t) \\
        \tau_I \frac{dy}{dt} &= -y + (1 - r y)\, F(u_I;\, a_I, \theta_I), \quad
            u_I = w_{EI} x - w_{II} y + I_y(t) \\
        F(u; a, \theta) &= \frac{1}{1 + e^{-a (u - \theta)}} - \frac{1}{1 + e^{a \theta}}

    where :math:`\tau_E, \tau_I` are time constants (ms), :math:`a` the gains
    and :math:`\theta` the thresholds of the sigmoid :math:`F` (shifted so that
    :math:`F(0) = 0`), :math:`w_{EE}, w_{IE}, w_{EI}, w_{II}` the local
    couplings (:math:`w_{IE}`: from I to E), :math:`r` the refractory
    parameter, and :math:`I_x, I_y` the inputs plus optional OU noises.

    .. note::
       This is the form of BrainPy 2.1, whose documented results the model
       reproduces (two stable states at input -0.5 for the tutorial's
       parameters; 579 fixed points in its ``Bifurcation2D`` over
       :math:`x_{ext} \in [-2, 2]`): the decay and refractory terms of the
       excitatory equation act on the total input :math:`u_E`. The textbook
       form [1]_ has :math:`-x + (1 - r x) F(u_E)` instead; with the tutorial's
       parameters it has a single fixed point.

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    E_tau, E_a, E_theta : float, ArrayType, Initializer or callable
        Excitatory time constant, gain, threshold. Defaults 1, 1.2, 2.8.
    I_tau, I_a, I_theta : float, ArrayType, Initializer or callable
        Inhibitory time constant, gain, threshold. Defaults 1, 1, 4.
    wEE, wIE, wEI, wII : float, ArrayType, Initializer or callable
        Local couplings. Defaults 12, 4, 13, 11.
    r : float, ArrayType, Initializer or callable
        Refractory parameter. Default 1.
    x_ou_mean, y_ou_mean : float, ArrayType, Initializer or callable
        Means of the Ornstein-Uhlenbeck input noises of :math:`x` and :math:`y` (per ms). Default 0.
    x_ou_sigma, y_ou_sigma : float, ArrayType, Initializer or callable
        Intensities of the noises (per ms per :math:`\sqrt{ms}`). Default 0 (no noise).
    x_ou_tau, y_ou_tau : float, ArrayType, Initializer or callable
        Time constants of the noises (ms). Default 5.
    x_initializer, y_initializer : float, ArrayType, Initializer or callable
        Initial values of :math:`x` and :math:`y`. Default ``bp.init.Uniform(0, 0.05)``.
    method : str
        The ODE integration method. Default ``'exp_euler_auto'``.
    sde_method : str, optional
        The SDE method of the noises. Default ``'euler'`` (Euler-Maruyama).
    keep_size : bool
        Whether the Variables have the shape ``size``.
    name : str, optional
        The model's name.

    Examples
    --------
    >>> import brainpy as bp
    >>> from brainpy.dyn import rates
    >>> wc = rates.WilsonCowanModel(2, wEE=16., wIE=15., wEI=12., wII=3., E_a=1.5, I_a=1.5,
    ...                             E_theta=3., I_theta=3., method='exp_euler_auto')
    >>> wc.x[:] = [-0.2, 1.]
    >>> wc.y[:] = [0.0, 1.]

    References
    ----------
    .. [1] Wilson, H. R., & Cowan, J. D. (1972). Excitatory and inhibitory interactions in localized
           populations of model neurons. Biophysical Journal, 12(1), 1-24. doi:10.1016/S0006-3495(72)86068-5
    """

    def __init__(
        self,
        size: Any,
        E_tau: Any = 1.0,
        E_a: Any = 1.2,
        E_theta: Any = 2.8,
        I_tau: Any = 1.0,
        I_a: Any = 1.0,
        I_theta: Any = 4.0,
        wEE: Any = 12.0,
        wIE: Any = 4.0,
        wEI: Any = 13.0,
        wII: Any = 11.0,
        r: Any = 1.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = None,
        y_initializer: Any = None,
        method: str = "exp_euler_auto",
        sde_method: str | None = None,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        super().__init__(size, keep_size=keep_size, name=name)
        for key, value in (
            ("E_tau", E_tau),
            ("E_a", E_a),
            ("E_theta", E_theta),
            ("I_tau", I_tau),
            ("I_a", I_a),
            ("I_theta", I_theta),
            ("wEE", wEE),
            ("wIE", wIE),
            ("wEI", wEI),
            ("wII", wII),
            ("r", r),
        ):
            setattr(self, key, self._param(value, key))
        self._setup_xy(
            (x_ou_mean, x_ou_sigma, x_ou_tau),
            (y_ou_mean, y_ou_sigma, y_ou_tau),
            x_initializer,
            y_initializer,
            0.05,
            method,
            sde_method,
        )

    def F(self, u: Any, a: Any, theta: Any) -> Any:
        r"""The shifted sigmoid :math:`1/(1 + e^{-a(u - \theta)}) - 1/(1 + e^{a\theta})`."""
        import brainpy.math as bm

        return 1.0 / (1.0 + bm.exp(-a * (u - theta))) - 1.0 / (1.0 + bm.exp(a * theta))

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        r""":math:`dx/dt = (-u + (1 - r u) F(u; a_E, \theta_E)) / \tau_E`, :math:`u = w_{EE} x - w_{IE} y + x_{ext}`."""
        u = self.wEE * x - self.wIE * y + x_ext
        return (-u + (1.0 - self.r * u) * self.F(u, self.E_a, self.E_theta)) / self.E_tau

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any = 0.0) -> Any:
        r""":math:`dy/dt = (-y + (1 - r y) F(w_{EI} x - w_{II} y + y_{ext}; a_I, \theta_I)) / \tau_I`."""
        u = self.wEI * x - self.wII * y + y_ext
        return (-y + (1.0 - self.r * y) * self.F(u, self.I_a, self.I_theta)) / self.I_tau
