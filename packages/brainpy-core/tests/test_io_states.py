"""Saving and loading model states (spec L6369-6450, L6951-6972)."""

import logging

import brainpy as bp
import brainpy.math as bm
import numpy as np
import pytest
from brainpy.base import io as bio

FORMATS = [".npz", ".h5", ".hdf5", ".pkl", ".mat"]


class Group(bp.Base):
    def __init__(self, n, seed, name=None):
        super().__init__(name=name)
        rng = np.random.default_rng(seed)
        self.V = bm.Variable(bm.asarray(rng.normal(size=n).astype(np.float32)))
        self.spike = bm.Variable(bm.asarray(rng.random(n) < 0.5))
        self.count = bm.Variable(bm.asarray(rng.integers(-5, 5, size=(n, 2)).astype(np.int32)))
        self.t = bm.Variable(bm.asarray(np.float32(rng.random())))  # 0-d


class Syn(bp.Base):
    def __init__(self, pre, post, seed):
        super().__init__()
        self.pre, self.post = pre, post
        self.g = bm.Variable(bm.asarray(np.random.default_rng(seed).random((3, 4)).astype(np.float32)))


class Net(bp.Base):
    def __init__(self, seed):
        super().__init__()
        self.E = Group(4, seed)
        self.I = Group(3, seed + 1)
        self.E2I = Syn(self.E, self.I, seed + 2)


def _snapshot(model):
    return {k: np.asarray(v.value).copy() for k, v in model.vars("relative").items()}


@pytest.mark.parametrize("ext", FORMATS)
def test_round_trip_bit_exact(tmp_path, ext):
    a, b = Net(0), Net(100)
    fname = str(tmp_path / f"net{ext}")
    a.save_states(fname)
    before = _snapshot(a)
    assert any(not np.array_equal(before[k], np.asarray(v.value)) for k, v in b.vars("relative").items())
    b.load_states(fname)
    after = _snapshot(b)
    assert set(after) == set(before)
    for k in before:
        assert after[k].dtype == before[k].dtype and after[k].shape == before[k].shape
        assert after[k].tobytes() == before[k].tobytes(), k


def test_check_missing_and_verbose(tmp_path, capsys, caplog):
    a, b = Net(0), Net(1)
    fname = str(tmp_path / "net.npz")
    a.save_states(fname)  # relative paths, duplicates removed: E2I.pre.* / E2I.post.* are not saved
    with caplog.at_level(logging.WARNING, logger="brainpy.base.io"):
        b.load_states(fname, verbose=True, check_missing=True)
    assert caplog.records[0].name == "brainpy.base.io"
    msg = caplog.records[0].getMessage()
    assert msg.startswith(f"There are variable states missed in {fname}. The missed variables are: ['E2I.pre.V',")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Loading E.V ..." and "Loading E2I.g ..." in out
    assert np.array_equal(np.asarray(b.E2I.pre.V.value), np.asarray(a.E.V.value))


def test_explicit_variables_and_all_var_alias(tmp_path):
    a, b = Net(0), Net(1)
    fname = str(tmp_path / "only_g.pkl")
    a.save_states(fname, all_var={"E2I.g": a.E2I.g})
    b.load_states(fname)
    assert np.array_equal(np.asarray(b.E2I.g.value), np.asarray(a.E2I.g.value))
    assert not np.array_equal(np.asarray(b.E.V.value), np.asarray(a.E.V.value))


def test_errors(tmp_path):
    a = Net(0)
    with pytest.raises(ValueError, match="Supported formats"):
        a.save_states(str(tmp_path / "net.txt"))
    with pytest.raises(FileNotFoundError):
        a.load_states(str(tmp_path / "none.npz"))
    other = Group(4, 0)
    fname = str(tmp_path / "group.npz")
    other.save_states(fname)
    with pytest.raises(bp.base.StateLoadError, match="match no Variable"):
        a.load_states(fname)  # keys 'V', 'spike', ... are not relative paths of Net
    small = Group(2, 0)
    with pytest.raises(bp.base.StateLoadError, match="has shape"):
        small.load_states(fname)
    np.savez(str(tmp_path / "bad.npz"), V=np.zeros(4, dtype=np.int32))
    g = Group(4, 0)
    with pytest.raises(bp.base.StateLoadError, match="dtype"):
        g.load_states(str(tmp_path / "bad.npz"))
    with pytest.raises(TypeError):
        bio.save_as_npz(str(tmp_path / "x.npz"), [g.V])


def test_module_functions(tmp_path):
    assert bio.SUPPORTED_FORMATS == [".h5", ".hdf5", ".npz", ".pkl", ".mat"]
    g1, g2 = Group(3, 0), Group(3, 9)
    for ext, save, load in [
        (".h5", bio.save_as_h5, bio.load_by_h5),
        (".npz", bio.save_as_npz, bio.load_by_npz),
        (".pkl", bio.save_as_pkl, bio.load_by_pkl),
        (".mat", bio.save_as_mat, bio.load_by_mat),
    ]:
        fname = str(tmp_path / f"g{ext}")
        save(fname, g1.vars("relative"))
        load(fname, g2.vars("relative"))
        assert np.array_equal(np.asarray(g2.count.value), np.asarray(g1.count.value))
    bio.save_as_npz(str(tmp_path / "c.npz"), g1.vars("relative"), compressed=True)
    assert bp.base.save_as_mat is bio.save_as_mat
