"""The plugin module named in this distribution's entry point.

One hook per plugin kind (all 14 of :mod:`brainpy.plugins.hookspecs`), each
importing its module lazily. Every hook returns a declaration (name -> object);
BrainPy checks it, records that it comes from ``brainpy-plugin-example`` and
makes it reachable through the public names (``bp.odeint(method=...)``,
``bp.dyn.<Name>``, ``bp.nn.<Name>``, ...).
"""

from __future__ import annotations

from brainpy.plugins import hookimpl


@hookimpl
def brainpy_initializers():
    """The example initializer, reachable as ``bp.init.TriangularDecay``."""
    from brainpy_plugin_example._initializers import TriangularDecay

    return {"TriangularDecay": TriangularDecay}


@hookimpl
def brainpy_connectors():
    """The example connector, reachable as ``bp.conn.RingConn``."""
    from brainpy_plugin_example._connectors import RingConn

    return {"RingConn": RingConn}


@hookimpl
def brainpy_training_algorithms():
    """The example online training algorithm, selectable as ``fit_method='nlms'``."""
    from brainpy_plugin_example._training import NLMS

    return {"nlms": NLMS}


@hookimpl
def brainpy_trainers():
    """The example trainer, reachable as ``bp.nn.NLMSTrainer`` (needs brainpy-nn)."""
    from brainpy_plugin_example._trainers import NLMSTrainer

    return {"NLMSTrainer": NLMSTrainer}


@hookimpl
def brainpy_custom_operators():
    """The example operator, reachable as ``bm.syn2post_logsumexp``."""
    from brainpy_plugin_example._operators import syn2post_logsumexp

    return {"syn2post_logsumexp": syn2post_logsumexp}


@hookimpl
def brainpy_operator_backends():
    """An alternative backend ``'example'`` of the built-in ``bm.syn2post_mean`` (priority 1 > reference's 0)."""
    from brainpy.plugins import OperatorBackend

    from brainpy_plugin_example._operators import syn2post_mean_fused

    return [OperatorBackend("syn2post_mean", "example", "any", syn2post_mean_fused, priority=1)]


@hookimpl
def brainpy_ode_methods():
    """The example ODE method, usable as ``bp.odeint(f, method='nystrom3')``."""
    from brainpy_plugin_example._integrators import Nystrom3

    return {"nystrom3": Nystrom3}


@hookimpl
def brainpy_sde_methods():
    """The example SDE method, usable as ``bp.sdeint(f, g, method='stochastic_midpoint', intg_type=STRA_SDE)``."""
    from brainpy_plugin_example._integrators import StochasticMidpoint

    return {"stochastic_midpoint": StochasticMidpoint}


@hookimpl
def brainpy_fde_methods():
    """The example FDE method, usable as ``bp.fdeint(..., method='CaputoABM')``."""
    from brainpy_plugin_example._fde import CaputoABM

    return {"caputoabm": CaputoABM}


@hookimpl
def brainpy_dde_methods():
    """The example ODE method, also a DDE method: ``bp.ddeint(f, method='nystrom3', state_delays=...)``.

    ``bp.ddeint`` runs explicit Runge-Kutta integrators whose derivative reads delay variables,
    so a DDE method is an explicit Runge-Kutta class; this offers the plugin's own.
    """
    from brainpy_plugin_example._integrators import Nystrom3

    return {"nystrom3": Nystrom3}


@hookimpl
def brainpy_neuron_models():
    """The example neuron model(s), reachable as ``bp.dyn.<Name>`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._neurons import NEURONS

    return dict(NEURONS)


@hookimpl
def brainpy_synapse_models():
    """The example synapse model(s), reachable as ``bp.dyn.<Name>`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._synapses import SYNAPSES

    return dict(SYNAPSES)


@hookimpl
def brainpy_channel_models():
    """The example channel, reachable as ``bp.dyn.IKM`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._channels import IKM

    return {"IKM": IKM}


@hookimpl
def brainpy_rate_models():
    """The example rate model, reachable as ``bp.dyn.SigmoidPopulation`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._rates import SigmoidPopulation

    return {"SigmoidPopulation": SigmoidPopulation}
