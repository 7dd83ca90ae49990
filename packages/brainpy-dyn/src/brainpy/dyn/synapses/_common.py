r"""What every built-in synapse shares: checks, the connection kernel, the spike delay.

:class:`AbstractSynapse` is the base of the built-in synapse models. It checks
the groups (the pre-synaptic group must have ``spike``, the post-synaptic one
the attributes the model writes), builds the :class:`~._projection.Projection`
that turns pre-synaptic events or values into post-synaptic sums, and keeps
the pre-synaptic spikes in a :class:`~brainpy.dyn.ConstantDelay` (``pre_spike``).

Delays are counted in steps. Within a network step the synapse is updated
before the neuron groups, so it reads the spikes the pre-synaptic group emitted
in the previous step; with ``delay_step = k`` it reads those emitted ``k`` steps
earlier still. ``delay_step`` may be ``None`` (no delay), an int, one int per
pre-synaptic neuron (an array, an initializer or a callable of the shape
``(pre.num,)``, as in BrainPy 2.1, spec L1446-1455), or one int per synapse (an
array of shape ``(num_syn,)`` in the order of ``conn.require('pre_ids',
'post_ids')``; when ``num_syn == pre.num`` an array is read per neuron). With
per-synapse delays every synapse is its own spike source: the models keep their
per-source state (``num_src`` elements) per synapse, and the event-driven sparse
kernel sends each synapse's events to its target.

The ring buffer's position follows the synapse's own step counter, so the
delays stay right even when a network also calls ``pre_spike.update()`` (as
the spec's ``ExampleToOverrideUpdate``, L2109-2115, does for every child).
"""

from __future__ import annotations

import numbers
from typing import Any

import jax.numpy as jnp
import numpy as np
from brainpy.connect._base import require_numpy, to_device
from brainpy.dyn._base import TwoEndConn
from brainpy.dyn._delay import ConstantDelay, full_like
from brainpy.dyn._params import check_scalar
from brainpy.dyn.synapses._projection import Projection, choose_mode
from brainpy.errors import ModelBuildError

__all__ = ["AbstractSynapse"]

#: the value of ``spike_arrival_time`` before any spike arrived (ms)
NEVER = -1e7


class AbstractSynapse(TwoEndConn):
    r"""Base class of the built-in synapses (never instantiated directly).

    A conductance-based model sets :attr:`E` (the reversal potential); its
    output :meth:`_deliver` then adds :math:`g\,(E - V)` to ``post.input``
    instead of the current :math:`g`.

    Parameters
    ----------
    pre, post : NeuGroup
        The pre-synaptic group (must have ``spike``) and the post-synaptic group.
    conn : Connector, array_like or dict
        The connection (see :class:`brainpy.dyn.TwoEndConn`); required.
    conn_type : {'sparse', 'dense', 'auto'}
        The preferred kernel (see :mod:`brainpy.dyn.synapses._projection`);
        One2One and All2All connections always use their own, cheaper ones.
    weights : float, ArrayType, Initializer, callable or Variable
        The synaptic weights (``g_max`` in most models).
    weight_name : str
        The attribute (and argument) name of the weights.
    delay_step : None, int, ArrayType, Initializer or callable
        The delay in steps: none, one for all synapses, one per pre-synaptic neuron or one per synapse.
    post_attrs : tuple of str
        The attributes the model needs in the post-synaptic group.
    name : str, optional
        The synapse's name.

    Attributes
    ----------
    comp_type : str
        The kernel in use: ``'one2one'``, ``'all2all'``, ``'dense'`` or ``'sparse'``.
    pre_spike : ConstantDelay
        The buffer of the pre-synaptic spikes (one per source).
    num_src : int
        The number of spike sources: ``pre.num``, or ``num_syn`` with per-synapse delays.
    """

    #: reversal potential (mV) of conductance-based models; None for current-based ones
    E: float | None = None

    def __init__(
        self,
        pre: Any,
        post: Any,
        conn: Any,
        conn_type: str,
        weights: Any,
        weight_name: str,
        delay_step: Any,
        post_attrs: tuple[str, ...],
        name: str | None = None,
    ) -> None:
        import brainpy.math as bm

        super().__init__(pre=pre, post=post, conn=conn, name=name)
        owner = f"{self.name} ({type(self).__name__})"
        if self.conn is None:
            raise ModelBuildError(
                f"{owner}: conn is required; pass a connector such as bp.conn.FixedProb(0.1), "
                f"a (pre.num, post.num) boolean matrix or a dict with 'i' and 'j'."
            )
        self.check_pre_attrs("spike")
        self.check_post_attrs(*post_attrs)
        self.conn_type = conn_type
        self._proj = Projection(self.conn, choose_mode(self.conn, conn_type, owner), weights, weight_name, owner)
        setattr(self, weight_name, self._proj.weights)
        self.delay_step = _delay_steps(delay_step, self.pre.num, self._proj.num_syn, owner)
        #: the spike sources the model keeps its per-source state for: pre-synaptic neurons, or
        #: synapses when the delays are per synapse
        self.num_src = self.pre.num
        self._src_ids = None
        if self.delay_step is not None and np.ndim(self.delay_step) == 1 and self.delay_step.size != self.pre.num:
            self._per_synapse_sources(weight_name, owner)
        self.comp_type = self._proj.mode
        steps = np.zeros(()) if self.delay_step is None else np.asarray(self.delay_step)
        dt = float(bm.get_dt())
        self.pre_spike = ConstantDelay(self.num_src, delay=steps * dt, dtype=bool, dt=dt)
        self._step = bm.Variable(to_device(np.zeros((), dtype=np.int32)))

    def _per_synapse_sources(self, weight_name: str, owner: str) -> None:
        """Per-synapse delays: every synapse becomes its own source, projected sparsely onto its target."""
        import brainpy.math as bm
        from brainpy import connect

        pre_ids, post_ids = (a.astype(np.int64) for a in require_numpy(self.conn, "pre_ids", "post_ids"))
        weights = self._proj.weights
        if not isinstance(weights, float):
            if isinstance(weights, bm.Variable) and np.shape(weights.value) != (self._proj.num_syn,):
                raise ModelBuildError(
                    f"{owner}: with per-synapse delays, a Variable {weight_name} must hold one value per synapse "
                    f"(shape ({self._proj.num_syn},)), but it has shape {np.shape(weights.value)}."
                )
            if not isinstance(weights, bm.Variable):
                weights = self._proj._syn_vector(np.asarray(weights.value))
        self.num_src = int(pre_ids.size)
        self._src_ids = to_device(pre_ids.astype(np.int32))
        by_synapse = connect.IJConn(i=np.arange(self.num_src), j=post_ids)(self.num_src, self.post.num)
        self._proj = Projection(by_synapse, "sparse", weights, weight_name, owner)

    # -- helpers for the models ------------------------------------------------------------
    def _scalar(self, value: Any, name: str) -> float:
        return check_scalar(value, name, f"{self.name} ({type(self).__name__})")

    def _delayed_spikes(self) -> Any:
        r"""Push the pre-synaptic spikes and return those of ``delay_step`` steps ago (one per source, bool)."""
        buf = self.pre_spike
        spikes = jnp.ravel(jnp.asarray(self.pre.spike.value))
        if self._src_ids is not None:
            spikes = spikes[self._src_ids]
        if buf.num_step == 1:
            buf.push(spikes)
            return buf.pull()
        # the ring position follows this synapse's own step counter, so that the buffer
        # stays right whoever else calls ``pre_spike.update()``
        buf.in_idx.value = self._step.value % buf.num_step
        buf.push(spikes)
        out = buf.pull()
        self._step.value = self._step.value + 1
        return out

    def _post_flat(self, attr: str) -> Any:
        return jnp.ravel(jnp.asarray(getattr(self.post, attr).value))

    def _add_to_post(self, attr: str, value: Any) -> None:
        target = getattr(self.post, attr)
        target.value = target.value + jnp.reshape(value, jnp.shape(target.value)).astype(target.dtype)

    def _deliver(self, g: Any) -> None:
        r"""Add the current :math:`g` (or :math:`g\,(E - V)` when :attr:`E` is set) to ``post.input``."""
        if self.E is None:
            self._add_to_post("input", g)
        else:
            self._add_to_post("input", g * (self.E - self._post_flat("V")))

    def _reset_delay(self) -> None:
        self.pre_spike.reset()
        self._step.value = full_like(self._step.value, 0)


def _delay_steps(delay_step: Any, pre_num: int, num_syn: int, owner: str) -> Any:
    r"""``None``, an int, or an int32 JaxArray of shape ``(pre_num,)`` or ``(num_syn,)``."""
    import brainpy.math as bm
    from brainpy.initialize import Initializer

    if delay_step is None:
        return None
    value = delay_step
    if isinstance(value, Initializer) or (
        callable(value) and not hasattr(value, "__array__") and not isinstance(value, bm.JaxArray)
    ):
        value = value((pre_num,))
    if isinstance(value, bool):
        raise ModelBuildError(f"{owner}: delay_step={delay_step!r} is not a number of steps.")
    arr = np.asarray(getattr(value, "value", value))
    if arr.dtype.kind not in "iuf" or (arr.size and (np.any(arr < 0) or np.any(arr != np.round(arr)))):
        raise ModelBuildError(
            f"{owner}: delay_step={delay_step!r} must hold non-negative whole numbers of time steps "
            f"(e.g. delay_step=int(2. / bm.get_dt()) for a 2 ms delay)."
        )
    if arr.ndim == 0 or isinstance(value, numbers.Number):
        return int(arr)
    if arr.shape not in ((pre_num,), (num_syn,)):
        raise ModelBuildError(
            f"{owner}: delay_step has shape {arr.shape}, but heterogeneous delays are given per pre-synaptic "
            f"neuron, shape ({pre_num},), or per synapse, shape ({num_syn},) in the order of "
            f"conn.require('pre_ids', 'post_ids'). Pass an int, such an array, an initializer or a callable of "
            f"the shape (delay_step=lambda shape: bm.random.randint(10, 30, shape))."
        )
    return bm.JaxArray(to_device(arr.astype(np.int32)))
