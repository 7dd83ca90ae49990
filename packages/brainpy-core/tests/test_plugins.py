"""The plugin system: discovery through entry points, registries, policies, reporting."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import brainpy.plugins as plugins
import pytest
from brainpy.errors import BrainPyPluginWarning, UnknownNameError
from brainpy.plugins import OperatorBackend, hookimpl
from brainpy.plugins._manager import PluginManager


class Thing:
    """A class offered by the test plugins."""


class Other:
    """Another class, to clash with Thing under one name."""


class GoodPlugin:
    @hookimpl
    def brainpy_neuron_models(self):
        return {"TestNeuron": Thing}

    @hookimpl
    def brainpy_ode_methods(self):
        return {"My_Scheme": Thing}


class ClashingPlugin:
    @hookimpl
    def brainpy_neuron_models(self):
        return {"TestNeuron": Other, "OtherNeuron": Other}


class RaisingPlugin:
    @hookimpl
    def brainpy_connectors(self):
        raise RuntimeError("boom")


class WrongTypePlugin:
    @hookimpl
    def brainpy_synapse_models(self):
        return {"NotAClass": 42, "FineSynapse": Thing}

    @hookimpl
    def brainpy_initializers(self):
        return ["not", "a", "mapping"]


class BadSignaturePlugin:
    @hookimpl
    def brainpy_neuron_models(self, unexpected_argument):
        return {}


@pytest.fixture
def registries():
    with plugins.snapshot():
        yield


def test_registered_objects_are_found_by_name(registries):
    assert plugins.register(GoodPlugin(), name="good", distribution="good-dist", version="1.2")
    assert plugins.get_registry("neuron_models").get("TestNeuron") is Thing
    # method names are case-insensitive
    assert plugins.get_registry("ode_methods").get("my_scheme") is Thing
    assert plugins.lookup(("synapse_models", "neuron_models"), "TestNeuron") is Thing
    origin = plugins.get_registry("neuron_models").origin("TestNeuron")
    assert (origin.plugin, origin.distribution, origin.version) == ("good", "good-dist", "1.2")


def test_snapshot_restores_registries():
    with plugins.snapshot():
        plugins.register(GoodPlugin(), name="good")
        assert "TestNeuron" in plugins.get_registry("neuron_models")
    assert "TestNeuron" not in plugins.get_registry("neuron_models")


def test_unknown_name_lists_close_matches(registries):
    plugins.register(GoodPlugin(), name="good")
    with pytest.raises(UnknownNameError, match=r"Did you mean 'TestNeuron'[,?].*Available:.*TestNeuron"):
        plugins.get_registry("neuron_models").get("TestNeuro")
    with pytest.raises(AttributeError):  # UnknownNameError is an AttributeError too
        plugins.get_registry("neuron_models").get("Nope")


def test_name_clash_warns_with_both_providers_and_first_wins(registries):
    plugins.register(GoodPlugin(), name="good", distribution="first-dist")
    with pytest.warns(BrainPyPluginWarning, match=r"first-dist.*second-dist.*first \(first-dist\) wins"):
        plugins.register(ClashingPlugin(), name="clash", distribution="second-dist")
    reg = plugins.get_registry("neuron_models")
    assert reg.get("TestNeuron") is Thing
    assert reg.get("OtherNeuron") is Other  # the rest of the clashing plugin still works
    rows = [r for r in plugins.info() if r["name"] == "TestNeuron"]
    assert {r["status"] for r in rows} == {"active", "shadowed by first-dist"}


def test_raising_hook_warns_and_the_rest_keeps_working(registries):
    with pytest.warns(BrainPyPluginWarning, match=r"brainpy_connectors.*raising-dist.*boom"):
        plugins.register(RaisingPlugin(), name="raising", distribution="raising-dist")
        plugins.get_registry("connectors")
    plugins.register(GoodPlugin(), name="good")
    assert plugins.get_registry("neuron_models").get("TestNeuron") is Thing


def test_wrong_types_warn_and_are_ignored(registries):
    with pytest.warns(BrainPyPluginWarning) as record:
        plugins.register(WrongTypePlugin(), name="wrong", distribution="wrong-dist")
        plugins.get_registry("synapse_models")
        plugins.get_registry("initializers")
    messages = " ".join(str(w.message) for w in record)
    assert "'NotAClass'" in messages and "a class was expected" in messages
    assert "returned list" in messages and "wrong-dist" in messages
    assert plugins.get_registry("synapse_models").get("FineSynapse") is Thing
    assert "NotAClass" not in plugins.get_registry("synapse_models")


def test_invalid_hook_signature_is_rejected_with_a_warning(registries):
    with pytest.warns(BrainPyPluginWarning, match=r"bad-dist.*invalid"):
        assert not plugins.register(BadSignaturePlugin(), name="bad", distribution="bad-dist")


def test_operator_backends_are_records(registries):
    class Backends:
        @hookimpl
        def brainpy_operator_backends(self):
            return [OperatorBackend("my_op", "fast", "cpu", impl=lambda x: x, priority=5)]

    plugins.register(Backends(), name="backends")
    reg = plugins.get_registry("operator_backends")
    record = reg.get("my_op/cpu/fast")
    assert record.priority == 5 and record.impl(3) == 3


def _fake_distribution(tmp_path, name, entry_points, modules):
    info = tmp_path / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[brainpy]\n" + "".join(f"{k} = {v}\n" for k, v in entry_points.items()))
    for module, source in modules.items():
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source))


def test_discovery_through_entry_points_isolates_failures(tmp_path, monkeypatch):
    _fake_distribution(
        tmp_path,
        "fake-lab-models",
        {"broken": "fake_missing_module_xyz", "working": "fake_working_plugin"},
        {
            "fake_working_plugin": """
            from brainpy.plugins import hookimpl
            class LabNeuron: pass
            @hookimpl
            def brainpy_neuron_models():
                return {"LabNeuron": LabNeuron}
        """
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    manager = PluginManager()
    with pytest.warns(BrainPyPluginWarning, match=r"'broken'.*fake-lab-models 1\.0 failed to load"):
        manager.discover()
    assert manager.registry("neuron_models").get("LabNeuron").__name__ == "LabNeuron"
    origin = manager.registry("neuron_models").origin("LabNeuron")
    assert (origin.distribution, origin.version) == ("fake-lab-models", "1.0")
    # first-party distributions load before third-party ones
    dists = [o.distribution for o in manager.plugins()]
    assert dists.index("brainpy-core") < dists.index("fake-lab-models")


def test_discovery_happens_once(monkeypatch):
    manager = PluginManager()
    manager.discover()
    calls = []
    monkeypatch.setattr("brainpy.plugins._manager.metadata.entry_points", lambda **kw: calls.append(kw) or [])
    manager.discover()
    manager.registry("ode_methods")
    assert calls == []


def test_first_party_distributions_are_plugins():
    dists = {o.distribution for o in plugins.plugins()}
    assert {
        "brainpy-core",
        "brainpy-integrators",
        "brainpy-dyn",
        "brainpy-nn",
        "brainpy-analysis",
        "brainpy-ops",
    } <= dists


def test_command_line_lists_plugins():
    out = subprocess.run([sys.executable, "-m", "brainpy", "plugins"], capture_output=True, text=True, check=True)
    header = out.stdout.splitlines()[0].split()
    assert header == ["kind", "name", "distribution", "version", "status"]
    assert "core-brainpy-core-0.1.0" in out.stdout


def test_get_registry_rejects_unknown_kind():
    with pytest.raises(KeyError, match="not a plugin kind"):
        plugins.get_registry("neurons")


def test_no_warnings_from_first_party_plugins():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kind in plugins.KINDS:
            plugins.get_registry(kind)
