"""Settings of brainpy.math (spec API L10153-10170, inventory 1.11) and brainpy.check."""

from __future__ import annotations

import brainpy as bp
import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import BrainPyError, MathError, UnsupportedError


def test_dt_default_set_get():
    assert bm.get_dt() == 0.1
    bm.set_dt(0.02)
    assert bm.get_dt() == 0.02
    # the spec's monitor example: 100 ms at dt=0.02 gives 5000 steps
    assert int(round(100 / bm.get_dt())) == 5000


@pytest.mark.parametrize("bad", [-1, 0, "a", None, float("nan"), float("inf"), True, [0.1]])
def test_set_dt_rejects_bad_values(bad):
    with pytest.raises(BrainPyError, match="dt"):
        bm.set_dt(bad)
    assert bm.get_dt() == 0.1


def test_set_dt_errors_are_value_and_type_errors():
    with pytest.raises(ValueError):
        bm.set_dt(-1)
    with pytest.raises(TypeError):
        bm.set_dt("a")
    with pytest.raises(MathError):
        bm.set_dt(0)


def test_dtype_aliases_follow_settings_and_x64():
    assert bm.float_ is jnp.float32 and bm.int_ is jnp.int32 and bm.complex_ is jnp.complex64
    assert bm.bool_ is jnp.bool_
    bm.enable_x64()
    assert jax.config.jax_enable_x64
    assert bm.float_ is jnp.float64 and bm.int_ is jnp.int64 and bm.complex_ is jnp.complex128
    assert bm.zeros(2).dtype == np.float64
    bm.set_dfloat(bm.float32)
    assert bm.float_ is jnp.float32 and bm.get_dfloat() is jnp.float32
    bm.disable_x64()
    assert not jax.config.jax_enable_x64
    assert bm.int_ is jnp.int32


def test_set_dtype_validation():
    bm.set_dint(bm.int16)
    assert bm.get_dint() is jnp.int16 and bm.int_ is jnp.int16
    bm.set_dcomplex(np.complex128)
    assert bm.get_dcomplex() is jnp.complex128
    with pytest.raises(MathError, match="dfloat"):
        bm.set_dfloat(bm.int32)
    with pytest.raises(MathError, match="dint"):
        bm.set_dint(bm.float32)
    with pytest.raises(MathError, match="dcomplex"):
        bm.set_dcomplex("not a dtype")


def test_spec_x64_cell():
    # L329-330: bm.enable_x64(); bm.set_dfloat(bm.float64)
    bm.enable_x64()
    bm.set_dfloat(bm.float64)
    assert bm.asarray(np.ones(2)).dtype == np.float64
    assert bm.float_ is jnp.float64


def test_context_restores_everything():
    with bm.settings.context(dt=0.01, x64=True, dint=bm.int16):
        assert bm.get_dt() == 0.01 and jax.config.jax_enable_x64 and bm.int_ is jnp.int16
    assert bm.get_dt() == 0.1 and not jax.config.jax_enable_x64 and bm.int_ is jnp.int32
    with pytest.raises(MathError, match="Unknown"):
        with bm.settings.context(dtt=0.1):
            pass


def test_platform():
    bm.set_platform("cpu")
    assert bm.get_platform() == "cpu"
    with pytest.raises(UnsupportedError, match="platform"):
        bm.set_platform("quantum")
    with pytest.raises(UnsupportedError, match="GPU|set_platform"):
        bm.set_platform("gpu")  # this machine has no GPU


def test_set_host_device_count(monkeypatch):
    monkeypatch.setenv("XLA_FLAGS", "--foo --xla_force_host_platform_device_count=2")
    bm.set_host_device_count(4)
    import os

    flags = os.environ["XLA_FLAGS"]
    assert "--xla_force_host_platform_device_count=4" in flags and "=2" not in flags and "--foo" in flags
    with pytest.raises(MathError):
        bm.set_host_device_count(0)


def test_dynamic_attribute_protocol():
    from brainpy.math._settings import dynamic_attribute

    assert dynamic_attribute("float_") == (True, jnp.float32)
    assert dynamic_attribute("nothing") == (False, None)
    with pytest.raises(AttributeError):
        bm.this_name_does_not_exist  # noqa: B018


def test_check_switch():
    assert bp.check.is_checking()
    bp.check.turn_off()
    try:
        assert not bp.check.is_checking()
    finally:
        bp.check.turn_on()
    assert bp.check.is_checking()
