"""Fixtures of the brainpy-nn tests: settings restored after each test, a float64 mode."""

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _restore_math_settings():
    import brainpy.math as bm

    saved = bm.settings.snapshot()
    yield
    restore = {k: v for k, v in saved.items() if k != "platform"}
    bm.settings.update(**restore)
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture
def x64():
    """Run the test in float64 (as the spec's training quickstart does)."""
    import brainpy.math as bm

    with bm.settings.context(x64=True, dfloat=bm.float64):
        yield


@pytest.fixture
def notebook_show(monkeypatch):
    """``plt.show()`` closes the figures, as in the notebooks the spec's tutorial cells come from."""
    import matplotlib.pyplot as plt

    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: plt.close("all"))
