"""The neuron models' shared API: registry, defaults, heterogeneous parameters, errors, reset, spec cells.

Issue 9. Defaults are those of BrainPy V2.1.12 (api-inventory §3.3); the
tutorial cells are the spec's (L1386-1489 and the custom HH/LIF NeuGroups,
L1545-1691).
"""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.errors import BrainPyError, ModelBuildError
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def _clean():
    settings.reset()
    bp.clear_name_cache()
    yield
    settings.reset()
    bp.clear_name_cache()


SPIKING = {
    "HH": {},
    "MorrisLecar": {},
    "PinskyRinzelModel": {},
    "WangBuzsakiModel": {},
    "LIF": {},
    "ExpIF": {},
    "AdExIF": {},
    "QuaIF": {},
    "AdQuaIF": {},
    "GIF": {},
    "Izhikevich": {},
    "HindmarshRose": {},
    "FHN": {},
    "FractionalFHR": {"alpha": 0.9, "num_memory": 20},
    "FractionalIzhikevich": {"alpha": 0.9, "num_step": 20},
}
STATE = {"PinskyRinzelModel": "Vs"}


def test_every_model_is_registered_and_reachable():
    names = set(bp.dyn.neurons.__all__)
    expected = set(SPIKING) | {
        "FractionalNeuron",
        "OUProcess",
        "SpikeTimeGroup",
        "SpikeTimeInput",
        "PoissonGroup",
        "PoissonInput",
    }
    assert names == expected
    for name in names:
        assert getattr(bp.dyn, name) is getattr(bp.dyn.neurons, name)


@pytest.mark.parametrize("name", sorted(SPIKING))
def test_spiking_models_share_the_variables_and_steps(name):
    model = getattr(bp.dyn, name)(4, **SPIKING[name])
    state = STATE.get(name, "V")
    for var in (state, "input", "spike", "t_last_spike"):
        assert isinstance(getattr(model, var), bm.Variable) and getattr(model, var).shape == (4,)
    assert model.spike.dtype == bool
    integral = model.integral
    assert state in integral.variables and ("I_ext" in integral.parameters or name == "PinskyRinzelModel")
    runner = bp.dyn.DSRunner(model, monitors=[state], inputs=("input", 1.0), dt=0.05, progress_bar=False)
    runner.run(1.0)
    first = runner.mon[state].copy()
    assert float(np.abs(np.asarray(model.input.value)).max()) == 0.0  # the input is cleared every step
    model.reset()
    runner.run(1.0)  # the same compiled loop, continuing in time from the reset state
    if name not in ("HH", "MorrisLecar"):  # their default V_initializer is random
        np.testing.assert_allclose(runner.mon[state], first, rtol=1e-5, atol=1e-5)
    assert np.all(np.asarray(model.t_last_spike.value) <= 2.0)


def test_v2_1_12_defaults():
    expif = bp.dyn.ExpIF(1, delta_T=1.0)
    assert (expif.V_rest, expif.V_T, expif.R, expif.tau) == (-65.0, -59.9, 1.0, 10.0)  # spec L642-643
    assert (expif.V_reset, expif.V_th, expif.delta_T, expif.tau_ref) == (-68.0, -30.0, 1.0, 1.7)
    assert bp.dyn.HH(5).gNa == 120.0  # spec L1398-1400
    hh = bp.dyn.HH(1)
    assert (hh.ENa, hh.EK, hh.EL, hh.gK, hh.gL, hh.V_th, hh.C) == (50.0, -77.0, -54.387, 36.0, 0.03, 20.0, 1.0)
    ml = bp.dyn.MorrisLecar(1)
    assert (ml.V_Ca, ml.g_Ca, ml.V_K, ml.g_K, ml.C, ml.phi, ml.V_th) == (130.0, 4.4, -84.0, 8.0, 20.0, 0.04, 10.0)
    pr = bp.dyn.PinskyRinzelModel(1)
    assert (pr.gNa, pr.gK, pr.gCa, pr.gAHP, pr.gC, pr.gc, pr.Cm, pr.p) == (30.0, 15.0, 10.0, 0.8, 15.0, 2.1, 3.0, 0.5)
    wb = bp.dyn.WangBuzsakiModel(1)
    assert (wb.ENa, wb.gNa, wb.EK, wb.gK, wb.EL, wb.phi) == (55.0, 35.0, -90.0, 9.0, -65.0, 5.0)
    adex = bp.dyn.AdExIF(1)
    assert (adex.a, adex.b, adex.tau, adex.tau_w) == (1.0, 1.0, 10.0, 30.0)
    qif = bp.dyn.QuaIF(1)
    assert (qif.V_c, qif.c, qif.tau_ref) == (-50.0, 0.07, 0.0)
    adq = bp.dyn.AdQuaIF(1)
    assert (adq.a, adq.b, adq.c, adq.tau, adq.tau_w) == (1.0, 0.1, 0.07, 10.0, 10.0)
    gif = bp.dyn.GIF(1)
    assert (gif.V_rest, gif.V_th_inf, gif.V_th_reset, gif.R, gif.tau, gif.k1, gif.k2, gif.R2) == (
        -70.0,
        -50.0,
        -60.0,
        20.0,
        20.0,
        0.2,
        0.02,
        1.0,
    )
    assert float(gif.V_th[0]) == -50.0
    izh = bp.dyn.Izhikevich(1)
    assert (izh.a, izh.b, izh.c, izh.d, izh.V_th, izh.tau_ref) == (0.02, 0.2, -65.0, 8.0, 30.0, 0.0)
    hr = bp.dyn.HindmarshRose(1)
    assert (hr.a, hr.b, hr.c, hr.d, hr.r, hr.s, hr.V_rest, hr.V_th) == (1.0, 3.0, 1.0, 5.0, 0.01, 4.0, -1.6, 1.0)
    fhn = bp.dyn.FHN(1)
    assert (fhn.a, fhn.b, fhn.tau, fhn.Vth) == (0.7, 0.8, 12.5, 1.8)
    fhr = bp.dyn.FractionalFHR(1, alpha=0.9)
    assert (fhr.num_memory, fhr.c, fhr.delta, fhr.mu, fhr.Vth) == (1000, -0.775, 0.08, 0.0001, 1.8)
    ou = bp.dyn.OUProcess(1)
    assert (ou.mean, ou.sigma, ou.tau) == (0.0, 1.0, 10.0)


def test_heterogeneous_parameters_give_per_neuron_behaviour():
    # array, initializer and callable forms; spec L1386-1437
    gNa = bm.asarray([80.0, 120.0, 160.0])
    by_array = bp.dyn.HH(3, gNa=gNa)
    np.testing.assert_allclose(np.asarray(by_array.gNa), [80.0, 120.0, 160.0])
    by_init = bp.dyn.HH(5, ENa=bp.init.OneInit(50.0))
    np.testing.assert_allclose(np.asarray(by_init.ENa), [50.0] * 5)
    by_callable = bp.dyn.HH(5, ENa=lambda shape: bm.random.uniform(40, 60, shape))
    assert by_callable.ENa.shape == (5,) and np.all(
        (40 <= np.asarray(by_callable.ENa)) & (np.asarray(by_callable.ENa) < 60)
    )
    # per-neuron LIF time constants give the per-neuron closed-form rates
    taus = np.array([5.0, 10.0, 20.0])
    lif = bp.dyn.LIF(3, V_reset=0.0, tau=lambda shape: bm.asarray(taus), tau_ref=0.0)
    runner = bp.dyn.DSRunner(lif, monitors=["spike"], inputs=("input", 30.0), dt=0.01, progress_bar=False)
    runner.run(300.0)
    for i, tau in enumerate(taus):
        isi = np.diff(runner.mon.ts[runner.mon.spike[:, i]]).mean()
        assert isi == pytest.approx(tau * np.log(3.0), abs=0.02)
    # initial values in the three forms (spec L1427-1437)
    hh = bp.dyn.HH(
        3,
        V_initializer=bp.init.Uniform(-80.0, -60.0),
        m_initializer=lambda shape: bm.random.random(shape),
        h_initializer=bm.random.random(3),
    )
    assert hh.V.shape == hh.m.shape == hh.h.shape == (3,)
    assert np.all((np.asarray(hh.V) >= -80.0) & (np.asarray(hh.V) < -60.0))


def test_variable_parameter_changes_between_runs():
    # spec L1458-1476: a parameter given as a Variable is changeable between runs
    hh = bp.dyn.HH(2, gNa=bm.Variable(bm.asarray([120.0])), V_initializer=-65.0)
    runner = bp.dyn.DSRunner(hh, monitors=["V", "spike"], inputs=["input", 5.0], dt=0.05, progress_bar=False)
    runner.run(100.0)
    assert runner.mon.spike.sum() > 0
    hh.gNa[:] = 0.0  # no sodium current: no more action potentials
    runner.run(100.0)
    assert runner.mon.spike.sum() == 0 and runner.mon.V.max() < -40.0


def test_keep_size_gives_the_geometry():
    model = bp.dyn.Izhikevich((2, 3), keep_size=True, a=bp.init.OneInit(0.02))
    assert model.V.shape == model.spike.shape == (2, 3) and model.a.shape == (2, 3)
    assert bp.dyn.Izhikevich((2, 3)).V.shape == (6,)


@pytest.mark.parametrize(
    ("cls", "kwargs", "word"),
    [
        ("HH", {"gNa": bm.ones(4)}, "gNa"),
        ("HH", {"gNa": None}, "gNa"),
        ("MorrisLecar", {"V_initializer": bm.zeros(2)}, "V_initializer"),
        ("ExpIF", {"tau": "ten"}, "tau"),
        ("GIF", {"Vth_initializer": None}, "Vth_initializer"),
        ("Izhikevich", {"a": lambda shape: bm.ones(7)}, "a"),
        ("PinskyRinzelModel", {"gc": bm.ones((3, 3))}, "gc"),
        ("OUProcess", {"sigma": None}, "sigma"),
    ],
)
def test_bad_parameters_raise_naming_the_argument(cls, kwargs, word):
    with pytest.raises(ModelBuildError, match=word) as info:
        getattr(bp.dyn, cls)(3, **kwargs)
    assert isinstance(info.value, BrainPyError) and getattr(bp.dyn, cls).__name__ in str(info.value)


def test_bad_method_raises_before_running():
    with pytest.raises(BrainPyError, match="rk5"):
        bp.dyn.HH(2, method="rk5")
