"""Fixtures shared by every test folder of the repository (pytest finds this file from the root)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _default_math_settings() -> Iterator[None]:
    """Every test starts and ends with the default ``brainpy.math`` settings (dt 0.1, 32-bit, ...)."""
    from brainpy.math._settings import settings

    settings.reset()
    yield
    settings.reset()


@pytest.fixture
def plugin_registries() -> Iterator[None]:
    """Restore every plugin registry after a test that registers plugins by hand."""
    import brainpy.plugins

    with brainpy.plugins.snapshot():
        yield
