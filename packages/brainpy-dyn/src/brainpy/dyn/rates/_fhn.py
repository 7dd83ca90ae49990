r"""FitzHugh-Nagumo population models: ``FHN`` and ``FeedbackFHN``."""

from __future__ import annotations

from typing import Any

from brainpy.dyn.rates._base import Population, uniform_init

__all__ = ["FHN", "FeedbackFHN"]


class FHN(Population):
    r"""FitzHugh-Nagumo system used in [1]_.

    **Model Descriptions**

    .. math::

        \frac{dx}{dt} &= -\alpha x^3 + \beta x^2 + \gamma x - y + I_x(t) \\
        \frac{dy}{dt} &= \frac{x - \delta - \epsilon y}{\tau} + I_y(t)

    where :math:`x` is the fast (activity) variable, :math:`y` the slow
    recovery variable, :math:`\alpha, \beta, \gamma` the coefficients of the
    cubic nullcline, :math:`\delta, \epsilon` those of the linear one,
    :math:`\tau` the slow time constant (ms), and :math:`I_x = x_{ext} +
    \xi_x`, :math:`I_y = y_{ext} + \xi_y` the external inputs (Variables
    ``input`` and ``input_y``, cleared after every step) plus optional
    Ornstein-Uhlenbeck noises :math:`\xi` (see :class:`OUNoise`). The
    derivatives ``dx(x, t, y, x_ext)`` and ``dy(y, t, x, y_ext)`` are what
    ``self.integral`` integrates (and what ``Bifurcation2D`` analyses over
    ``x_ext``/``y_ext``).

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    alpha, beta, gamma, delta, epsilon : float, ArrayType, Initializer or callable
        Coefficients. Defaults 3, 4, -1.5, 0, 0.5.
    tau : float, ArrayType, Initializer or callable
        Slow time constant (ms). Default 20.
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

    Examples
    --------
    >>> import brainpy as bp
    >>> from brainpy.dyn import rates
    >>> fhn = rates.FHN(1, method='exp_auto')
    >>> runner = bp.dyn.DSRunner(fhn, monitors=['x', 'y'], inputs=['input', 1.0], progress_bar=False)
    >>> _ = runner.run(100.)

    References
    ----------
    .. [1] Kostova, T., Ravindran, R., & Schonbek, M. (2004). FitzHugh-Nagumo revisited: types of
           bifurcations, periodical forcing and stability regions by a Lyapunov functional.
           International Journal of Bifurcation and Chaos, 14(03), 913-925. doi:10.1142/S0218127404009685
    """

    def __init__(
        self,
        size: Any,
        alpha: Any = 3.0,
        beta: Any = 4.0,
        gamma: Any = -1.5,
        delta: Any = 0.0,
        epsilon: Any = 0.5,
        tau: Any = 20.0,
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
        from brainpy.integrators import JointEq, odeint

        super().__init__(size, keep_size=keep_size, name=name)
        self.alpha = self._param(alpha, "alpha")
        self.beta = self._param(beta, "beta")
        self.gamma = self._param(gamma, "gamma")
        self.delta = self._param(delta, "delta")
        self.epsilon = self._param(epsilon, "epsilon")
        self.tau = self._param(tau, "tau")
        self._xy_setup(
            (x_ou_mean, x_ou_sigma, x_ou_tau),
            (y_ou_mean, y_ou_sigma, y_ou_tau),
            uniform_init() if x_initializer is None else x_initializer,
            uniform_init() if y_initializer is None else y_initializer,
            sde_method,
        )
        self.integral = odeint(JointEq([self.dx, self.dy]), method=method)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        r""":math:`dx/dt = -\alpha x^3 + \beta x^2 + \gamma x - y + x_{ext}`."""
        return -self.alpha * x**3 + self.beta * x**2 + self.gamma * x - y + x_ext

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any = 0.0) -> Any:
        r""":math:`dy/dt = (x - \delta - \epsilon y) / \tau + y_{ext}`."""
        return (x - self.delta - self.epsilon * y) / self.tau + y_ext

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step with the inputs and noises of this step."""
        x_ext, y_ext = self._xy_inputs()
        x, y = self.integral(self.x.value, self.y.value, _t, x_ext=x_ext, y_ext=y_ext, dt=_dt)
        self._xy_finish(x, y, _t, _dt)


class FeedbackFHN(Population):
    r"""FitzHugh-Nagumo model with recurrent neural feedback.

    **Model Descriptions**

    The FitzHugh differential-difference equation of Plant (1981) [1]_:

    .. math::

        \frac{dx}{dt} &= x - \frac{x^3}{3} - y + \mu\,[x(t - D) - x_0] + I_x(t) \\
        \frac{dy}{dt} &= \frac{x + a - b y + I_y(t)}{\tau}

    where :math:`x` is the membrane-potential-like variable, :math:`y` the
    recovery variable, :math:`a, b` positive constants, :math:`\tau` the
    recovery time constant (ms), :math:`\mu` the feedback strength (excitatory
    if positive), :math:`D` the feedback delay (ms), :math:`x_0` (``v0``) the
    resting value the feedback is measured from, and :math:`I_x, I_y` the
    inputs (``input``, ``input_y``) plus optional OU noises. The delayed
    :math:`x` is read from a ``bm.TimeDelay`` (``self.x_delay``, nearest
    grid point), whose history before :math:`t = 0` is the initial :math:`x`.

    Parameters
    ----------
    size : int or tuple of int
        The number of units.
    a, b : float, ArrayType, Initializer or callable
        Constants. Defaults 0.7, 0.8.
    delay : float
        Feedback delay :math:`D` (ms, > 0). Default 10.
    tau : float, ArrayType, Initializer or callable
        Recovery time constant (ms). Default 12.5.
    mu : float, ArrayType, Initializer or callable
        Feedback strength. Default 1.6886.
    v0 : float, ArrayType, Initializer or callable
        Resting value :math:`x_0`. Default -1.
    dt : float, optional
        The time step of the delay buffer (ms). Default ``bm.get_dt()``.
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
    .. [1] Plant, R. E. (1981). A FitzHugh differential-difference equation modeling recurrent
           neural feedback. SIAM Journal on Applied Mathematics, 40(1), 150-162. doi:10.1137/0140012
    """

    def __init__(
        self,
        size: Any,
        a: Any = 0.7,
        b: Any = 0.8,
        delay: float = 10.0,
        tau: Any = 12.5,
        mu: Any = 1.6886,
        v0: Any = -1.0,
        x_ou_mean: Any = 0.0,
        x_ou_sigma: Any = 0.0,
        x_ou_tau: Any = 5.0,
        y_ou_mean: Any = 0.0,
        y_ou_sigma: Any = 0.0,
        y_ou_tau: Any = 5.0,
        x_initializer: Any = None,
        y_initializer: Any = None,
        method: str = "rk4",
        sde_method: str | None = None,
        dt: float | None = None,
        keep_size: bool = False,
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm
        from brainpy.errors import ModelBuildError
        from brainpy.integrators import JointEq, odeint

        super().__init__(size, keep_size=keep_size, name=name)
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not delay > 0:
            raise ModelBuildError(f"{self.name} (FeedbackFHN): delay={delay!r} must be a positive number (ms).")
        self.a = self._param(a, "a")
        self.b = self._param(b, "b")
        self.delay = float(delay)
        self.tau = self._param(tau, "tau")
        self.mu = self._param(mu, "mu")
        self.v0 = self._param(v0, "v0")
        self.dt = float(bm.get_dt() if dt is None else dt)
        self._xy_setup(
            (x_ou_mean, x_ou_sigma, x_ou_tau),
            (y_ou_mean, y_ou_sigma, y_ou_tau),
            uniform_init() if x_initializer is None else x_initializer,
            uniform_init() if y_initializer is None else y_initializer,
            sde_method,
        )
        self.x_delay = bm.TimeDelay(self.x.value, self.delay, before_t0=self.x.value, dt=self.dt, interp_method="round")
        self.integral = odeint(JointEq([self.dx, self.dy]), method=method)

    def dx(self, x: Any, t: Any, y: Any, x_ext: Any) -> Any:
        r""":math:`dx/dt = x - x^3/3 - y + \mu (x(t - D) - x_0) + x_{ext}`."""
        return x - x**3 / 3.0 - y + self.mu * (self.x_delay(t - self.delay) - self.v0) + x_ext

    def dy(self, y: Any, t: Any, x: Any, y_ext: Any = 0.0) -> Any:
        r""":math:`dy/dt = (x + a - b y + y_{ext}) / \tau`."""
        return (x + self.a - self.b * y + y_ext) / self.tau

    def reset(self) -> None:
        r"""Restore the initial state and its constant history."""
        super().reset()
        self.x_delay.reset(self.x.value, self.delay, dt=self.dt, before_t0=self.x.value)

    def update(self, _t: Any, _dt: Any) -> None:
        r"""Advance one step and push the new :math:`x` into the delay buffer."""
        x_ext, y_ext = self._xy_inputs()
        x, y = self.integral(self.x.value, self.y.value, _t, x_ext=x_ext, y_ext=y_ext, dt=_dt)
        self.x_delay.update(_t + _dt, x)
        self._xy_finish(x, y, _t, _dt)
