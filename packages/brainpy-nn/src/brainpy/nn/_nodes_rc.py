r"""Reservoir computing nodes: LinearReadout, NVAR and Reservoir."""

from __future__ import annotations

from itertools import combinations_with_replacement
from typing import Any

import brainpy.initialize as init
import numpy as np
from brainpy.errors import ModelBuildError
from brainpy.nn._node import RecurrentNode
from brainpy.nn._nodes_basic import Dense, get_activation
from brainpy.nn._utils import check_initializer, check_shape_consistency, init_param

__all__ = ["LinearReadout", "NVAR", "Reservoir"]


class LinearReadout(Dense):
    r"""Linear readout node: a :class:`Dense` layer that keeps its output as state.

    .. math:: y_t = [x_t, f_{t-1}] W + b, \qquad \text{state} = y_t

    Trainable by offline (ridge), online (FORCE/RLS, LMS) and
    back-propagation trainers.

    Parameters
    ----------
    num_unit : int
        The number of outputs.
    **kwargs
        As :class:`Dense` (``weight_initializer``, ``bias_initializer``, ``trainable``, ...).
    """

    def init_state(self, num_batch: int = 1) -> None:
        import brainpy.math as bm

        self.set_state(bm.zeros((num_batch,) + tuple(self.output_shape[1:]), dtype=bm.get_dfloat()))

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        out = super().forward(ff, fb=fb, **shared_kwargs)
        self.state.value = bm.as_jax(out).astype(self.state.dtype)
        return out


class NVAR(RecurrentNode):
    r"""Nonlinear vector auto-regression (NVAR) node.

    The feature vector of the next generation reservoir computer [1]_: the
    current input and its delayed copies (the linear part), the unique
    monomials of the linear part of degree 2 to ``order`` (the nonlinear
    part), and optionally a constant:

    .. math::

        \mathbb{O}_{lin}(t) &= [x(t), x(t-s), \dots, x(t-(k-1)s)], \\
        \mathbb{O}_{nonlin}(t) &= \{ o_i o_j \cdots \mid i \le j \le \cdots \}, \\
        \mathbb{O}(t) &= [c, \mathbb{O}_{lin}(t), \mathbb{O}_{nonlin}(t)],

    with :math:`k` = ``delay`` and :math:`s` = ``stride``. The node's state
    holds the last :math:`(k-1)s+1` inputs (zeros at the start).

    Parameters
    ----------
    delay : int
        The number of delayed inputs :math:`k` (the current one included).
    order : int or sequence of int, optional
        The degrees of the monomials (``2`` means degree 2; ``(2, 3)`` both).
        None: linear features only.
    stride : int
        The number of steps :math:`s` between delayed inputs. Default 1.
    constant : bool
        Whether to add a constant 1 feature. Default False.

    References
    ----------
    .. [1] Gauthier, D. J., Bollt, E., Griffith, A., & Barbosa, W. A. S. (2021).
           Next generation reservoir computing. Nature Communications 12, 5564.
           https://doi.org/10.1038/s41467-021-25801-2
    """

    _short_repr = True

    def __init__(
        self,
        delay: int,
        order: Any = None,
        stride: int = 1,
        constant: bool = False,
        trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        for label, v in (("delay", delay), ("stride", stride)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ModelBuildError(f"{label} must be a positive int, but got {v!r}.")
        if order is None:
            orders: tuple[int, ...] = ()
        elif isinstance(order, (int, np.integer)):
            orders = tuple(range(2, int(order) + 1))
        else:
            orders = tuple(int(o) for o in order)
        if any(o < 2 for o in orders):
            raise ModelBuildError(f"order must be >= 2 (degrees of the nonlinear monomials), but got {order!r}.")
        self.delay, self.order, self.stride, self.constant = int(delay), order, int(stride), bool(constant)
        self._orders = orders

    def init_ff(self) -> None:
        unique, free = check_shape_consistency(self.feedforward_shapes, -1, True)
        if len(unique) != 1:
            raise ModelBuildError(
                f"{self.name} takes inputs of shape (num_batch, num_feature), got {self.feedforward_shapes}."
            )
        self.num_in = sum(free)
        self.num_delay = (self.delay - 1) * self.stride + 1
        num_lin = self.delay * self.num_in
        self.comb_ids = [
            np.asarray(list(combinations_with_replacement(range(num_lin), o)), dtype=np.int32) for o in self._orders
        ]
        num_nonlin = sum(len(c) for c in self.comb_ids)
        self.num_out = int(self.constant) + num_lin + num_nonlin
        self.set_output_shape((None, self.num_out))

    def init_state(self, num_batch: int = 1) -> None:
        import brainpy.math as bm

        self.set_state(bm.zeros((num_batch, self.num_delay, self.num_in), dtype=bm.get_dfloat()))

    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm
        import jax.numpy as jnp

        x = jnp.concatenate([bm.as_jax(v) for v in ff], axis=-1)
        store = jnp.concatenate([x[:, None].astype(self.state.dtype), self.state.value[:, :-1]], axis=1)
        self.state.value = store
        lin = store[:, :: self.stride].reshape((x.shape[0], -1))
        parts = [lin]
        for ids in self.comb_ids:
            parts.append(jnp.prod(lin[:, ids], axis=-1))
        if self.constant:
            parts.insert(0, jnp.ones((x.shape[0], 1), dtype=lin.dtype))
        return jnp.concatenate(parts, axis=-1)


class Reservoir(RecurrentNode):
    r"""Reservoir node, a pool of leaky-integrator neurons with random recurrent connections [1]_.

    With ``activation_type='internal'``:

    .. math::

        r(t+1) = (1-a)\, r(t) + a\, f\big(W_{in} u(t) + W_{rec} r(t) + W_{fb} y(t) + b\big),

    and with ``'external'``, :math:`r(t+1) = (1-a) r(t) + a (W_{in} u + W_{rec} f(r(t)) + W_{fb} y + b)`
    and the output is :math:`f(r)`. :math:`a` is ``leaky_rate``,
    :math:`f` the activation, :math:`y` the feedback. Each weight matrix keeps
    a random fraction (its connectivity) of its entries; with
    ``spectral_radius`` set, :math:`W_{rec}` is rescaled to that spectral
    radius. Gaussian or uniform noise of the given scales can be added to
    each of the three inputs.

    Parameters
    ----------
    num_unit : int
        The number of neurons.
    leaky_rate : float
        :math:`a \in (0, 1]`. Default 0.3.
    activation : str or callable
        Default ``'tanh'``.
    activation_type : {'internal', 'external'}
    ff_initializer, rec_initializer, fb_initializer : Initializer
        Default ``Normal(scale=0.1)``.
    bias_initializer : Initializer or None
        Default ``ZeroInit()``.
    ff_connectivity, rec_connectivity, fb_connectivity : float
        Fractions of nonzero weights. Default 0.1.
    conn_type : {'dense', 'sparse'}
        Storage of the weights (both are computed as dense matrices here).
    spectral_radius : float, optional
    noise_ff, noise_rec, noise_fb : float
        Noise scales. Default 0.
    noise_type : {'normal', 'uniform'}
    seed : int, optional
        Seed of the connectivity masks and the noise. Default None: a seed
        drawn from ``bm.random.DEFAULT``, so ``bm.random.seed(k)`` makes the
        reservoir reproducible.
    trainable : bool
        Default False.

    References
    ----------
    .. [1] Lukoševičius, M. (2012). A practical guide to applying echo state
           networks. In Neural Networks: Tricks of the Trade, LNCS 7700, 659-686.
           https://doi.org/10.1007/978-3-642-35289-8_36
    """

    _short_repr = True

    def __init__(
        self,
        num_unit: int,
        leaky_rate: float = 0.3,
        activation: Any = "tanh",
        activation_type: str = "internal",
        ff_initializer: Any = init.Normal(scale=0.1),
        rec_initializer: Any = init.Normal(scale=0.1),
        fb_initializer: Any = init.Normal(scale=0.1),
        bias_initializer: Any = init.ZeroInit(),
        ff_connectivity: float = 0.1,
        rec_connectivity: float = 0.1,
        fb_connectivity: float = 0.1,
        conn_type: str = "dense",
        spectral_radius: float | None = None,
        noise_ff: float = 0.0,
        noise_rec: float = 0.0,
        noise_fb: float = 0.0,
        noise_type: str = "normal",
        seed: int | None = None,
        trainable: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(trainable=trainable, **kwargs)
        if isinstance(num_unit, bool) or not isinstance(num_unit, (int, np.integer)) or num_unit < 1:
            raise ModelBuildError(f"num_unit must be a positive int, but got {num_unit!r}.")
        if not 0.0 < leaky_rate <= 1.0:
            raise ModelBuildError(f"leaky_rate must be in (0, 1], but got {leaky_rate!r}.")
        if activation_type not in ("internal", "external"):
            raise ModelBuildError(f"activation_type must be 'internal' or 'external', but got {activation_type!r}.")
        if conn_type not in ("dense", "sparse"):
            raise ModelBuildError(f"conn_type must be 'dense' or 'sparse', but got {conn_type!r}.")
        if noise_type not in ("normal", "uniform"):
            raise ModelBuildError(f"noise_type must be 'normal' or 'uniform', but got {noise_type!r}.")
        for label, c in (
            ("ff_connectivity", ff_connectivity),
            ("rec_connectivity", rec_connectivity),
            ("fb_connectivity", fb_connectivity),
        ):
            if not 0.0 <= c <= 1.0:
                raise ModelBuildError(f"{label} must be in [0, 1], but got {c!r}.")
        for label, v in (
            ("ff_initializer", ff_initializer),
            ("rec_initializer", rec_initializer),
            ("fb_initializer", fb_initializer),
        ):
            check_initializer(v, label, allow_none=False)
        check_initializer(bias_initializer, "bias_initializer")
        self.num_unit, self.leaky_rate = int(num_unit), float(leaky_rate)
        self.activation, self.activation_type = get_activation(activation), activation_type
        self.ff_initializer, self.rec_initializer = ff_initializer, rec_initializer
        self.fb_initializer, self.bias_initializer = fb_initializer, bias_initializer
        self.ff_connectivity, self.rec_connectivity = float(ff_connectivity), float(rec_connectivity)
        self.fb_connectivity, self.conn_type = float(fb_connectivity), conn_type
        self.spectral_radius = spectral_radius
        self.noise_ff, self.noise_rec, self.noise_fb = float(noise_ff), float(noise_rec), float(noise_fb)
        self.noise_type, self.seed = noise_type, seed
        import brainpy.math as bm

        own_seed = int(bm.random.randint(0, 2**31 - 1)) if seed is None else int(seed)
        self._np_rng = np.random.RandomState(own_seed)
        self.rng = bm.random.RandomState(own_seed)
        self.Wff = self.Wrec = self.Wfb = self.bias = None
        self.set_output_shape((None, self.num_unit))

    def _weight(self, initializer: Any, shape: tuple, connectivity: float) -> Any:
        import brainpy.math as bm

        w = bm.as_jax(init_param(initializer, shape))
        if connectivity < 1.0:
            mask = self._np_rng.random_sample(shape) < connectivity
            w = w * bm.as_jax(mask).astype(w.dtype)
        return w

    def _param(self, value: Any) -> Any:
        import brainpy.math as bm

        if value is None:
            return None
        return bm.TrainVar(value) if self.trainable else bm.asarray(value)

    def init_ff(self) -> None:
        unique, free = check_shape_consistency(self.feedforward_shapes, -1, True)
        self.Wff = self._param(self._weight(self.ff_initializer, (sum(free), self.num_unit), self.ff_connectivity))
        wrec = self._weight(self.rec_initializer, (self.num_unit, self.num_unit), self.rec_connectivity)
        if self.spectral_radius is not None:
            radius = float(np.max(np.abs(np.linalg.eigvals(np.asarray(wrec, dtype=np.float64)))))
            if radius > 0:
                wrec = wrec * (self.spectral_radius / radius)
        self.Wrec = self._param(wrec)
        self.bias = self._param(init_param(self.bias_initializer, (self.num_unit,)))
        self.set_output_shape(unique + (self.num_unit,))

    def init_fb(self) -> None:
        _, free = check_shape_consistency(self.feedback_shapes, -1, True)
        self.Wfb = self._param(self._weight(self.fb_initializer, (sum(free), self.num_unit), self.fb_connectivity))

    def init_state(self, num_batch: int = 1) -> None:
        self.init_state_from(init.ZeroInit(), (self.num_unit,), num_batch)

    def _noise(self, scale: float, shape: tuple) -> Any:
        if scale == 0.0:
            return 0.0
        if self.noise_type == "normal":
            return scale * self.rng.normal(size=shape)
        return scale * self.rng.uniform(-1.0, 1.0, size=shape)

    def forward(self, ff: Any, fb: Any = None, **shared_kwargs: Any) -> Any:
        import brainpy.math as bm

        x = bm.concatenate(ff, axis=-1)
        shape = (x.shape[0], self.num_unit)
        hidden = x @ self.Wff + self._noise(self.noise_ff, shape)
        rec_in = self.state.value if self.activation_type == "internal" else self.activation(self.state.value)
        hidden = hidden + rec_in @ self.Wrec + self._noise(self.noise_rec, shape)
        if fb is not None:
            hidden = hidden + bm.concatenate(fb, axis=-1) @ self.Wfb + self._noise(self.noise_fb, shape)
        if self.bias is not None:
            hidden = hidden + self.bias
        a = self.leaky_rate
        if self.activation_type == "internal":
            state = (1 - a) * self.state.value + a * self.activation(hidden)
            out = state
        else:
            state = (1 - a) * self.state.value + a * hidden
            out = self.activation(state)
        self.state.value = bm.as_jax(state).astype(self.state.dtype)
        return out
