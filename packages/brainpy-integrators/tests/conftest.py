"""Shared fixtures of brainpy-integrators' tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from brainpy.integrators._registration import DEFAULTS
from brainpy.math._settings import settings


@pytest.fixture(autouse=True)
def reset_settings() -> Iterator[None]:
    """Default brainpy.math settings and default methods for every test, restored afterwards."""
    settings.reset()
    saved = (DEFAULTS.ode, DEFAULTS.sde, DEFAULTS.fde)
    yield
    DEFAULTS.ode, DEFAULTS.sde, DEFAULTS.fde = saved
    settings.reset()


@pytest.fixture
def x64() -> Iterator[None]:
    """Compute in float64 for the duration of a test (restored afterwards)."""
    with settings.context(x64=True):
        yield
