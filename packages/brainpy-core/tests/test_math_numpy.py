"""The NumPy-like surface of brainpy.math (inventory 1.4): every name exists, and a generated
sample call of each numeric function agrees with NumPy and returns JaxArrays."""

from __future__ import annotations

import pathlib

import brainpy.math as bm
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from brainpy.errors import MathError

DATA = pathlib.Path(__file__).parent / "data"


def read_names(filename: str) -> list[str]:
    lines = (DATA / filename).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


NUMPY_NAMES = read_names("numpy_names.txt")

# NumPy 1.x names that NumPy 2 removed: the NumPy function to compare against.
NUMPY_RENAMED = {
    "alltrue": np.all,
    "sometrue": np.any,
    "product": np.prod,
    "cumproduct": np.cumprod,
    "round_": np.round,
    "trapz": np.trapezoid,
    "row_stack": np.vstack,
    "fix": np.trunc,  # np.fix is deprecated from NumPy 2.5 (seen with JAX 0.11.2's NumPy 2.5.2)
    "in1d": lambda a, b, **k: np.isin(np.ravel(a), b, **k),
    "msort": lambda a: np.sort(a, axis=0),
}
# Not compared numerically: uninitialised memory, I/O, printing, callables-taking helpers,
# in-place functions (tested below), dtype/constant objects (checked for identity below).
NOT_COMPARED = set(
    "empty empty_like save savez load array_repr array_str einsum_path frombuffer fromstring "
    "fromfunction apply_along_axis apply_over_axes vectorize frompyfunc piecewise put place "
    "put_along_axis fill_diagonal iterable printoptions get_printoptions set_printoptions "
    "from_dlpack ix_ mask_indices as_numpy as_device_array as_variable as_jax as_jaxarray "
    "clip_by_norm remove_diag identity ndarray".split()
)
# Where jax.numpy deliberately differs from NumPy on the generated sample call.
KNOWN_DIFFERENCES = {
    "unique_inverse": "jax keeps the input shape of the inverse indices",
    "partition": "the order inside each partition is unspecified (checked separately)",
    "polydiv": "jax returns the remainder padded with leading zeros to a static length",
}
# dtype helpers re-exported unchanged from jax.numpy (no array arguments)
NOT_COMPARED |= {"can_cast", "isdtype", "issubdtype", "promote_types", "result_type", "broadcast_shapes"}

F = np.linspace(0.1, 0.9, 12, dtype=np.float32).reshape(3, 4)
G = (F[::-1] * 0.5 + 0.07).astype(np.float32)
I = np.arange(1, 13, dtype=np.int32).reshape(3, 4)
J = (I[::-1] % 5 + 1).astype(np.int32)
F1 = np.array([0.3, 0.1, 0.7, 0.5], dtype=np.float32)
G1 = np.array([0.2, 0.6, 0.4, 0.9], dtype=np.float32)
S = np.array([[2.0, 0.5, 0.1], [0.3, 3.0, 0.2], [0.1, 0.4, 4.0]], dtype=np.float32)
I1 = np.array([0, 1, 0, 1], dtype=np.int32)
F3 = np.linspace(0.1, 0.9, 24, dtype=np.float32).reshape(2, 3, 4)
# Functions whose sample call needs specific arguments.
EXPLICIT = {
    "reshape": (F, (4, 3)),
    "moveaxis": (F, 0, 1),
    "swapaxes": (F, 0, 1),
    "dsplit": (F3, 2),
    "full": ((2, 3), 1.5),
    "meshgrid": (F1, G1),
    "select": ([F > 0.5, F < 0.2], [F, G]),
    "percentile": (F, 30.0),
    "nanpercentile": (F, 30.0),
    "quantile": (F, 0.3),
    "nanquantile": (F, 0.3),
    "bincount": (I1,),
    "digitize": (F1, np.array([0.2, 0.5], np.float32)),
    "kaiser": (5, 2.0),
    "broadcast_to": (F1, (3, 4)),
    "einsum": ("ij,kj->ik", F, G),
    "insert": (F1, 1, 5.0),
    "polyfit": (F1, G1, 1),
    "unravel_index": (5, (3, 4)),
    "astype": (F, np.int32),
    "take_along_axis": (F, np.argsort(F, axis=1), 1),
    "choose": (I1, [F1, G1]),
    "permute_dims": (F, (1, 0)),
    "polydiv": (F1, G1[:2]),
    "ravel_multi_index": ((I1, I1 + 1), (3, 4)),
    "unpackbits": (np.array([3, 255], np.uint8),),
    "interp": (F1, np.sort(G1), F1),
    "searchsorted": (np.sort(F1), G1),
}
PATTERNS = [
    (F,),
    (F, G),
    (I,),
    (I, J),
    (F1,),
    (F1, G1),
    (S,),
    (S, S),
    (F, 1),
    (I, 2),
    (3,),
    ((3, 4),),
    (F1, G1, F1),
    (0.1, 0.9),
    (0.0, 5.0, 1.0),
]


def to_bm(arg):
    if isinstance(arg, list):
        return [to_bm(a) for a in arg]
    return bm.asarray(arg) if isinstance(arg, np.ndarray) else arg


def raw_leaves(result):
    if isinstance(result, (tuple, list)):
        for r in result:
            yield from raw_leaves(r)
    else:
        yield result


def compare(name, ours, theirs):
    ours_leaves, their_leaves = list(raw_leaves(ours)), list(raw_leaves(theirs))
    assert len(ours_leaves) == len(their_leaves), name
    for a, b in zip(ours_leaves, their_leaves):
        assert not (isinstance(a, jax.Array) and not isinstance(a, bm.JaxArray)), f"{name} returned a raw jax.Array"
        if isinstance(b, (np.ndarray, np.generic, float, int, bool, complex)):
            np.testing.assert_allclose(
                np.asarray(a, dtype=np.asarray(b).dtype if np.asarray(b).dtype.kind != "O" else None),
                b,
                rtol=2e-4,
                atol=2e-5,
                err_msg=name,
            )


def test_every_numpy_name_exists():
    missing = [n for n in NUMPY_NAMES if not hasattr(bm, n)]
    assert not missing
    assert len(set(NUMPY_NAMES)) >= 338  # the spec's count of covered array functions


@pytest.mark.parametrize(
    "filename, module",
    [
        ("linalg_names.txt", bm.linalg),
        ("fft_names.txt", bm.fft),
        ("random_names.txt", bm.random),
        ("activation_names.txt", bm),
    ],
)
def test_submodule_names_exist(filename, module):
    names = read_names(filename)
    assert not [n for n in names if not hasattr(module, n)]
    if module is not bm:
        assert set(names) <= set(module.__all__)


def test_constants_and_dtypes():
    assert bm.pi == np.pi and bm.e == np.e and bm.inf == np.inf and np.isnan(bm.nan)
    for name in (
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "int8",
        "int16",
        "int32",
        "int64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
    ):
        assert getattr(bm, name) is getattr(jnp, name)
    assert bm.finfo(bm.float32).eps == np.finfo(np.float32).eps
    assert bm.iinfo(bm.int32).max == np.iinfo(np.int32).max


def _numeric_names():
    out = []
    for name in NUMPY_NAMES:
        if name in NOT_COMPARED or name in KNOWN_DIFFERENCES:
            continue
        obj = getattr(bm, name)
        if not callable(obj) or isinstance(obj, type) or name in ("dtype", "finfo", "iinfo"):
            continue
        reference = NUMPY_RENAMED.get(name, getattr(np, name, None))
        if reference is None or not callable(reference):
            continue
        out.append(name)
    return out


@pytest.mark.parametrize("name", _numeric_names())
def test_sample_call_matches_numpy(name):
    reference = NUMPY_RENAMED.get(name, getattr(np, name, None))
    ours = getattr(bm, name)
    for pattern in [EXPLICIT[name]] if name in EXPLICIT else PATTERNS:
        try:
            with np.errstate(all="ignore"):
                expected = reference(*[np.copy(a) if isinstance(a, np.ndarray) else a for a in pattern])
        except Exception:  # noqa: BLE001  (find the first argument pattern NumPy accepts)
            continue
        if isinstance(expected, (np.ndarray, np.generic)) and expected.dtype.kind in "OUS":
            continue
        result = ours(*[to_bm(a) for a in pattern])
        compare(name, result, expected)
        return
    pytest.fail(f"no sample argument pattern accepted by numpy.{name}")


def test_linalg_and_fft_against_numpy():
    np.testing.assert_allclose(bm.linalg.inv(bm.asarray(S)), np.linalg.inv(S), rtol=1e-5)
    np.testing.assert_allclose(bm.linalg.det(S), np.linalg.det(S), rtol=1e-5)
    np.testing.assert_allclose(bm.linalg.solve(S, F1[:3]), np.linalg.solve(S, F1[:3]), rtol=1e-5)
    np.testing.assert_allclose(bm.linalg.norm(bm.asarray(F)), np.linalg.norm(F), rtol=1e-6)
    np.testing.assert_allclose(bm.linalg.multi_dot([S, S, S]), S @ S @ S, rtol=1e-5)
    w, v = bm.linalg.eigh(bm.asarray(S + S.T))
    assert type(w) is bm.JaxArray and type(v) is bm.JaxArray
    np.testing.assert_allclose(w, np.linalg.eigvalsh(S + S.T), rtol=1e-5)
    sign, logdet = bm.linalg.slogdet(S)
    np.testing.assert_allclose(sign * np.exp(logdet), np.linalg.det(S), rtol=1e-5)
    for name in read_names("fft_names.txt"):
        args = (8,) if name.endswith("freq") else (F,) if name[-1] in "2n" else (F1,)
        np.testing.assert_allclose(
            getattr(bm.fft, name)(*args), getattr(np.fft, name)(*args), rtol=1e-5, atol=1e-6, err_msg=name
        )


def test_partition_pivot():
    out = np.asarray(bm.partition(bm.asarray(F1), 2))
    assert out[2] == np.sort(F1)[2] and (out[:2] <= out[2]).all() and (out[3:] >= out[2]).all()


def test_inplace_functions():
    conn = bm.ones((3, 3), dtype=bool) * 0.1
    bm.fill_diagonal(conn, 0.0)  # spec L6797
    np.testing.assert_allclose(conn, 0.1 * (1 - np.eye(3)), rtol=1e-6)
    v = bm.Variable(bm.zeros(4))
    bm.put(v, bm.array([0, 2]), 1.0)
    np.testing.assert_array_equal(v, [1.0, 0.0, 1.0, 0.0])
    a = np.zeros(3)
    bm.fill_diagonal(a.reshape(1, 3), 1.0)
    with pytest.raises(MathError, match="in place"):
        bm.fill_diagonal(jnp.zeros((2, 2)), 1.0)


def test_brainpy_specific_functions():
    # clip_by_norm (spec L5835-5852): each leaf is clipped to norm <= 1, direction kept
    bm.random.seed(0)
    grads = {"a": bm.random.random((5, 4)), "b": bm.random.random((3, 3))}
    clipped = bm.clip_by_norm(grads, 1.0)
    for key in grads:
        assert type(clipped[key]) is bm.JaxArray
        np.testing.assert_allclose(np.linalg.norm(np.asarray(clipped[key])), 1.0, rtol=1e-5)
        ratio = np.asarray(clipped[key]) / np.asarray(grads[key])
        np.testing.assert_allclose(ratio, ratio.flat[0], rtol=1e-5)
    small = bm.clip_by_norm({"x": bm.ones(4) * 0.1}, 1.0)
    np.testing.assert_allclose(small["x"], [0.1] * 4, rtol=1e-6)
    m = np.arange(12).reshape(3, 4)
    expected = np.array([[1, 2, 3], [4, 6, 7], [8, 9, 11]])
    np.testing.assert_array_equal(bm.remove_diag(m), expected)
    with pytest.raises(MathError, match="2D"):
        bm.remove_diag(bm.ones(3))
    assert bm.identity(3).shape == (3, 3)


def test_wrappers_work_under_jit_and_accept_all_inputs():
    for x in (np.ones(3), jnp.ones(3), bm.ones(3), bm.Variable(bm.ones(3)), 1.0):
        out = bm.exp(x)
        assert type(out) is bm.JaxArray
        np.testing.assert_allclose(out, np.e * np.ones(np.shape(x)), rtol=1e-6)
    f = jax.jit(lambda x: bm.sum(bm.concatenate([x, x]) * 2.0).value)
    assert float(f(bm.ones(3))) == 12.0
    assert bm.shape(bm.ones((2, 3))) == (2, 3) and bm.ndim(bm.ones((2, 3))) == 2
    assert bm.exp.__name__ == "exp" and "brainpy.math.exp" in bm.exp.__doc__
