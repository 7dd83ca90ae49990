"""brainpy.analysis.stability: classification against textbook cases."""

import numpy as np
import pytest
from brainpy.analysis import stability as st
from brainpy.errors import AnalyzerError


@pytest.mark.parametrize("value, expected", [(-2.0, "stable point"), (0.5, "unstable point"), (0.0, "saddle node")])
def test_1d(value, expected):
    assert st.stability_analysis(value) == expected
    assert expected in st.get_1d_stability_types()


@pytest.mark.parametrize(
    "jac, expected",
    [
        ([[-1, 0], [0, -2]], "stable node"),
        ([[1, 0], [0, 2]], "unstable node"),
        ([[1, 0], [0, -2]], "saddle node"),
        ([[0, 1], [-1, 0]], "center"),
        ([[-0.1, 1], [-1, -0.1]], "stable focus"),
        ([[0.1, 1], [-1, 0.1]], "unstable focus"),
        ([[-1, 0], [0, -1]], "stable star"),
        ([[2, 0], [0, 2]], "unstable star"),
        ([[-1, 1], [0, -1]], "stable degenerate"),
        ([[1, 1], [0, 1]], "unstable degenerate"),
        ([[1, 0], [0, 0]], "unstable line"),
        ([[-1, 0], [0, 0]], "center manifold"),
    ],
)
def test_2d_textbook_cases(jac, expected):
    assert st.stability_analysis(jac) == expected
    assert expected in st.get_2d_stability_types()
    assert expected in st.plot_scheme


def test_2d_agrees_with_eigenvalues_on_random_matrices():
    rng = np.random.default_rng(0)
    for _ in range(500):
        j = rng.normal(size=(2, 2))
        kind = st.stability_analysis(j)
        eig = np.linalg.eigvals(j)
        if np.all(eig.real < 0):
            assert kind.startswith("stable"), (j, kind)
        elif np.all(eig.real > 0):
            assert kind.startswith("unstable"), (j, kind)
        else:
            assert kind == "saddle node", (j, kind)
        assert ("focus" in kind) == bool(np.any(np.abs(eig.imag) > 0)), (j, kind)


@pytest.mark.parametrize(
    "jac, expected",
    [
        (np.diag([-1.0, -2.0, -3.0]), "stable node"),
        (np.diag([1.0, 2.0, 3.0]), "unstable node"),
        (np.diag([1.0, -2.0, 3.0]), "saddle node"),
        ([[-0.1, 1, 0], [-1, -0.1, 0], [0, 0, -1]], "stable focus"),
        ([[0.1, 1, 0], [-1, 0.1, 0], [0, 0, 1]], "unstable focus"),
        (np.diag([0.0, -2.0, -3.0]), "center manifold"),
    ],
)
def test_3d(jac, expected):
    assert st.stability_analysis(jac) == expected
    assert expected in st.get_3d_stability_types()


def test_bad_input_is_named():
    with pytest.raises(AnalyzerError, match=r"derivatives must be .* shape \(4,\)"):
        st.stability_analysis([1.0, 2.0, 3.0, 4.0])
    with pytest.raises(AnalyzerError, match="finite"):
        st.stability_analysis([[np.nan, 0], [0, 1]])
