"""The event kernels' handlers come from numba's on-disk cache in later processes, and bad cache files are harmless.

Each step runs in a fresh interpreter with ``NUMBA_CACHE_DIR`` set to a temporary directory (numba reads
it when it is imported), calls one kernel through ``jax.ffi`` and reports whether the handler was loaded
from the cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from brainpy_ops import _event_kernels

pytestmark = pytest.mark.native

CHILD = r"""
import json, warnings
warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    import jax, jax.numpy as jnp, numpy as np
    from brainpy_ops import _ffi
    from brainpy_ops._event_kernels import event_target
    name = event_target("sum", "int32", "float32")
    events = jnp.array([True, False, True, True, False, False, False, False, True])
    indptr = jnp.array([0, 2, 3, 3, 5, 5, 5, 5, 5, 7], jnp.int32)
    indices = jnp.array([0, 3, 1, 2, 2, 1, 3], jnp.int32)
    out = jax.ffi.ffi_call(name, jax.ShapeDtypeStruct((4,), jnp.float32))(events, indices, indptr, jnp.float32(0.5))
print(json.dumps({"hits": _ffi._TARGETS[name].cache_hits, "out": np.asarray(out).tolist(),
                  "warnings": [f"{w.category.__name__}: {w.message}" for w in caught]}))
"""
EXPECTED = [0.5, 0.5, 1.0, 1.0]  # spiking rows 0 -> (0, 3), 2 -> (), 3 -> (2, 2), 8 -> (1, 3)


def run_child(cache_dir):
    env = dict(os.environ, NUMBA_CACHE_DIR=str(cache_dir))
    proc = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    np.testing.assert_allclose(result["out"], EXPECTED)
    return result


def cache_files(cache_dir, suffix):
    return sorted(p for p in cache_dir.rglob(f"*_sum_u32_f32-*{suffix}"))


def test_handler_is_cached_on_disk_and_bad_cache_files_are_replaced(tmp_path):
    cold = run_child(tmp_path)
    assert cold["hits"] == 0 and not cold["warnings"]
    index, data = cache_files(tmp_path, ".nbi"), cache_files(tmp_path, ".nbc")
    assert len(index) == 1 and len(data) == 1

    warm = run_child(tmp_path)
    assert warm["hits"] == 1 and not warm["warnings"]

    data[0].write_bytes(data[0].read_bytes()[:100])  # truncated machine code
    truncated = run_child(tmp_path)
    assert truncated["hits"] == 0
    assert any("BrainPyWarning" in w and "could not be read" in w for w in truncated["warnings"])

    index[0].write_bytes(b"not a pickle")
    garbled = run_child(tmp_path)
    assert garbled["hits"] == 0
    assert any("BrainPyWarning" in w and "could not be read" in w for w in garbled["warnings"])

    healed = run_child(tmp_path)  # the bad files were replaced
    assert healed["hits"] == 1 and not healed["warnings"]


def test_handlers_are_module_level_functions_numba_can_cache():
    for (op, bits, value_dtype), handler in _event_kernels._HANDLERS.items():
        assert getattr(_event_kernels, handler.__name__) is handler
        assert handler.__closure__ is None
        assert handler.__name__ == f"_{op}_u{bits}_f{value_dtype[-2:]}"
