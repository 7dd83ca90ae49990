"""Naming system of brainpy.Base (spec L2225-2247, L6739-6757)."""

import gc

import brainpy as bp
import brainpy.math as bm
import pytest
from brainpy.base import check_name_uniqueness, get_unique_name


class FHN(bp.Base):
    def __init__(self, num, name=None):
        super().__init__(name=name)
        self.V = bm.Variable(bm.zeros(num))


class FitzHughNagumoModel(bp.Base):
    pass


@pytest.fixture(autouse=True)
def fresh_names():
    bp.clear_name_cache()
    yield
    bp.clear_name_cache()


def test_explicit_and_automatic_names():
    assert FHN(10, name="X").name == "X"
    assert FHN(10, name="Y").name == "Y"
    keep = [FHN(10), FHN(10)]
    assert [k.name for k in keep] == ["FHN0", "FHN1"]
    assert FitzHughNagumoModel().name == "FitzHughNagumoModel0"
    names = [FitzHughNagumoModel().name for _ in range(3)]
    assert names == ["FitzHughNagumoModel1", "FitzHughNagumoModel2", "FitzHughNagumoModel3"]


def test_clash_with_live_object_raises_spec_text():
    fhn2 = FitzHughNagumoModel(name="X")
    with pytest.raises(bp.errors.UniqueNameError) as info:
        FitzHughNagumoModel(name="X")
    text = str(info.value)
    lines = text.split("\n")
    assert lines[0].startswith("In BrainPy, each object should have a unique name. However, we detect that <")
    assert "FitzHughNagumoModel object at 0x" in lines[0]
    assert lines[0].endswith('has a used name "X".')
    assert lines[1:] == [
        "If you try to run multiple trials, you may need",
        ">>> brainpy.base.clear_name_cache()",
        "to clear all cached names.",
    ]
    assert isinstance(info.value, ValueError)
    assert fhn2.name == "X"


def test_name_of_collected_object_is_reusable():
    a = FHN(3, name="Z")
    del a
    gc.collect()
    assert FHN(3, name="Z").name == "Z"


def test_name_of_object_in_reference_cycle_is_reusable():
    class Cyclic(bp.Base):
        def __init__(self, name=None):
            super().__init__(name=name)
            self.me = self.update  # bound method -> cycle, freed only by gc

        def update(self):
            pass

    Cyclic(name="C")
    assert Cyclic(name="C").name == "C"  # the clash check collects garbage once before failing


def test_automatic_name_skips_live_explicit_name():
    keep = FHN(1, name="FHN0")
    assert FHN(1).name == "FHN1"
    assert keep.name == "FHN0"


def test_clear_name_cache_resets_counters_and_names():
    keep = [FHN(1), FHN(1, name="Q")]
    bp.clear_name_cache()
    assert bp.base.clear_name_cache is bp.clear_name_cache
    assert FHN(1, name="Q").name == "Q"  # allowed after clearing
    assert get_unique_name("FHN") == "FHN0"
    del keep


def test_rename_releases_old_name():
    a = FHN(1, name="Old")
    a.name = "New"
    assert a.name == "New"
    assert FHN(1, name="Old").name == "Old"
    with pytest.raises(bp.errors.UniqueNameError):
        FHN(1, name="New")


def test_invalid_names():
    with pytest.raises(TypeError):
        FHN(1, name=3)
    with pytest.raises(bp.errors.UniqueNameError):
        FHN(1, name="a.b")
    obj = FHN(1)
    check_name_uniqueness(obj.name, obj)  # re-checking its own name is fine
