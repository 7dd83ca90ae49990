"""Shared fixtures of brainpy-integrators' tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from brainpy.integrators._registration import DEFAULTS, Defaults
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def reset_settings() -> Iterator[None]:
    """Default brainpy.math settings and default methods for every test, restored afterwards."""
    fresh = Defaults()
    settings.reset()
    DEFAULTS.ode, DEFAULTS.sde, DEFAULTS.fde = fresh.ode, fresh.sde, fresh.fde
    yield
    DEFAULTS.ode, DEFAULTS.sde, DEFAULTS.fde = fresh.ode, fresh.sde, fresh.fde
    settings.reset()


@pytest.fixture
def x64() -> Iterator[None]:
    """Compute in float64 for the duration of a test (restored afterwards)."""
    with settings.context(x64=True):
        yield
