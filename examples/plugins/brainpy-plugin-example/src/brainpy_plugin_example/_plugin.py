"""The plugin module named in this distribution's entry point.

Every hook returns a declaration (name -> object); BrainPy checks it, records
that it comes from ``brainpy-plugin-example`` and makes it reachable through
the public names (``bp.odeint(method=...)``, ``bp.dyn.<Name>``, ...).
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
def brainpy_neuron_models():
    """The example neuron model(s), reachable as ``bp.dyn.<Name>`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._neurons import NEURONS

    return dict(NEURONS)


@hookimpl
def brainpy_synapse_models():
    """The example synapse model(s), reachable as ``bp.dyn.<Name>`` (needs brainpy-dyn)."""
    from brainpy_plugin_example._synapses import SYNAPSES

    return dict(SYNAPSES)
