"""The example plugin registers one item of every plugin kind, listed by ``brainpy.plugins.info()``."""

from __future__ import annotations

import subprocess
import sys

import brainpy.plugins

EXPECTED = {
    "ode_methods": "nystrom3",
    "sde_methods": "stochastic_midpoint",
    "fde_methods": "caputoabm",
    "dde_methods": "nystrom3",
    "neuron_models": None,  # see test_neuron_model.py
    "synapse_models": None,  # see test_synapse_model.py
    "channel_models": "IKM",
    "rate_models": "SigmoidPopulation",
    "connectors": "RingConn",
    "initializers": "TriangularDecay",
    "trainers": "NLMSTrainer",
    "training_algorithms": "nlms",
    "operator_backends": "syn2post_mean/any/example",
    "custom_operators": "syn2post_logsumexp",
}


def _ours() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for row in brainpy.plugins.info():
        if row["distribution"] == "brainpy-plugin-example" and row["status"] == "active":
            found.setdefault(row["kind"], set()).add(row["name"])
    return found


def test_one_item_of_every_kind_is_listed_by_info() -> None:
    assert set(EXPECTED) == set(brainpy.plugins.KINDS)
    found = _ours()
    assert set(found) == set(brainpy.plugins.KINDS), sorted(set(brainpy.plugins.KINDS) - set(found))
    for kind, name in EXPECTED.items():
        if name is not None:
            assert name in found[kind], (kind, found[kind])


def test_command_line_lists_the_plugin() -> None:
    out = subprocess.run([sys.executable, "-m", "brainpy", "plugins"], capture_output=True, text=True, check=True)
    rows = [line.split() for line in out.stdout.splitlines()]
    lines = [row for row in rows if len(row) == 5 and row[2] == "brainpy-plugin-example"]
    assert {line[0] for line in lines} == set(brainpy.plugins.KINDS)
    assert {"caputoabm", "IKM", "SigmoidPopulation", "NLMSTrainer"} <= {line[1] for line in lines}
