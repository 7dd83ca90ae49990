r"""Saving and loading Variable data: ``.h5``/``.hdf5``, ``.npz``, ``.pkl`` and ``.mat``.

Every format stores, for each key, the exact bytes of the Variable's data
(shape and dtype included), so ``save`` followed by ``load`` restores the
Variables bit for bit. Loading checks every entry before writing any: an
entry that names no Variable, or whose shape differs, raises
:class:`StateLoadError` and leaves the model untouched.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Mapping
from typing import Any

import jax.numpy as jnp
import numpy as np

from brainpy.errors import ArgumentTypeError, BrainPyError, InvalidArgumentError, PackageMissingError

__all__ = [
    "SUPPORTED_FORMATS",
    "StateLoadError",
    "save_states",
    "load_states",
    "save_as_h5",
    "save_as_npz",
    "save_as_pkl",
    "save_as_mat",
    "load_by_h5",
    "load_by_npz",
    "load_by_pkl",
    "load_by_mat",
]

logger = logging.getLogger("brainpy.base.io")

#: The file extensions understood by ``save_states`` / ``load_states``.
SUPPORTED_FORMATS = [".h5", ".hdf5", ".npz", ".pkl", ".mat"]

_MAT_KEYS = "brainpy_keys"
_MAT_SHAPES = "brainpy_shapes"
_MAT_DTYPES = "brainpy_dtypes"


class StateLoadError(BrainPyError, KeyError):
    r"""A state file does not match the model it is loaded into (or cannot be read)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


def _to_numpy(variables: Any) -> dict[str, np.ndarray]:
    if not isinstance(variables, Mapping):
        raise ArgumentTypeError(
            f"The variables to save must be a dict (or TensorCollector) of key -> Variable, but got "
            f"{type(variables).__name__}. Use, for example, model.vars('relative')."
        )
    out = {}
    for key, var in variables.items():
        if not isinstance(key, str):
            raise ArgumentTypeError(f"Keys of the variables to save must be str, but got {key!r}.")
        out[key] = np.asarray(var.value if hasattr(type(var), "value") else var)
    return out


def _check_target(target: Any, where: str) -> None:
    if not isinstance(target, Mapping):
        raise ArgumentTypeError(
            f"{where}: the target must be a dict of key -> Variable, but got {type(target).__name__}."
        )


def _assign(
    filename: str, data: dict[str, np.ndarray], target: Mapping[str, Any], verbose: bool, check_missing: bool
) -> None:
    unknown = [k for k in data if k not in target]
    if unknown:
        raise StateLoadError(
            f"The file {filename} has entries that match no Variable of the model: {unknown}. "
            f"The model's Variables are {list(target)}. Save and load with the same model "
            f"structure (keys are relative paths such as 'pre.V')."
        )
    for key, arr in data.items():
        var = target[key]
        shape = tuple(np.shape(var))
        if tuple(arr.shape) != shape:
            raise StateLoadError(
                f"The entry {key!r} of {filename} has shape {tuple(arr.shape)}, but the Variable "
                f"{key!r} of the model has shape {shape}."
            )
        dtype = np.dtype(getattr(var, "dtype", arr.dtype))
        if arr.dtype != dtype:
            raise StateLoadError(
                f"The entry {key!r} of {filename} has dtype {arr.dtype}, but the Variable {key!r} of "
                f"the model has dtype {dtype}. Load it into a model built with the same dtype "
                f"settings (bm.enable_x64(), bm.set_dfloat(...))."
            )
    if check_missing:
        missing = [k for k in target if k not in data]
        if missing:
            logger.warning(f"There are variable states missed in {filename}. The missed variables are: {missing}.")
    for key, arr in data.items():
        if verbose:
            print(f"Loading {key} ...")
        target[key].value = jnp.asarray(arr)


def _need(module: str, fmt: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise PackageMissingError(
            f"Saving or loading {fmt} files needs the package {module!r}, which is not installed. "
            f"Install it (python3 -m pip install {module}) or use the '.npz' format."
        ) from exc


# ---------------------------------------------------------------------- savers
def save_as_h5(filename: str, variables: Mapping[str, Any]) -> None:
    r"""Save Variable data into an HDF5 file (``.h5``/``.hdf5``; needs h5py), one dataset per key."""
    h5py = _need("h5py", "HDF5")
    data = _to_numpy(variables)
    with h5py.File(filename, "w") as f:
        for key, arr in data.items():
            f.create_dataset(key, data=arr)


def save_as_npz(filename: str, variables: Mapping[str, Any], compressed: bool = False) -> None:
    r"""Save Variable data into a NumPy ``.npz`` archive (``compressed=True`` to compress)."""
    data = _to_numpy(variables)
    (np.savez_compressed if compressed else np.savez)(filename, **data)


def save_as_pkl(filename: str, variables: Mapping[str, Any]) -> None:
    r"""Save Variable data with Python's ``pickle`` (a dict of key -> ``numpy.ndarray``)."""
    with open(filename, "wb") as f:
        pickle.dump(_to_numpy(variables), f, protocol=pickle.HIGHEST_PROTOCOL)


def save_as_mat(filename: str, variables: Mapping[str, Any]) -> None:
    r"""Save Variable data into a MATLAB ``.mat`` file (needs scipy).

    MATLAB names cannot contain ``'.'``, so the arrays are stored as ``v0``,
    ``v1``, ... next to the list of original keys, shapes and dtypes, which
    :func:`load_by_mat` uses to restore them exactly.
    """
    sio = _need("scipy.io", "MATLAB")
    data = _to_numpy(variables)
    payload: dict[str, Any] = {}
    for i, arr in enumerate(data.values()):
        payload[f"v{i}"] = arr.reshape(-1)
    keys = np.empty(len(data), dtype=object)
    keys[:] = list(data)
    payload[_MAT_KEYS] = keys
    shapes = np.empty(len(data), dtype=object)
    shapes[:] = [np.asarray(a.shape, dtype=np.int64) for a in data.values()]
    payload[_MAT_SHAPES] = shapes
    dtypes = np.empty(len(data), dtype=object)
    dtypes[:] = [a.dtype.str for a in data.values()]
    payload[_MAT_DTYPES] = dtypes
    sio.savemat(filename, payload)


# ---------------------------------------------------------------------- readers
def _read_h5(filename: str) -> dict[str, np.ndarray]:
    h5py = _need("h5py", "HDF5")
    with h5py.File(filename, "r") as f:
        return {key: np.asarray(f[key][()]) for key in f.keys()}


def _read_npz(filename: str) -> dict[str, np.ndarray]:
    with np.load(filename, allow_pickle=False) as f:
        return {key: np.asarray(f[key]) for key in f.files}


def _read_pkl(filename: str) -> dict[str, np.ndarray]:
    with open(filename, "rb") as f:
        data = pickle.load(f)
    if not isinstance(data, Mapping):
        raise StateLoadError(f"{filename} does not hold a dict of key -> array (it holds a {type(data).__name__}).")
    return {k: np.asarray(v) for k, v in data.items()}


def _read_mat(filename: str) -> dict[str, np.ndarray]:
    sio = _need("scipy.io", "MATLAB")
    raw = sio.loadmat(filename)
    if _MAT_KEYS not in raw:
        raise StateLoadError(f"{filename} was not written by brainpy's save_as_mat (no '{_MAT_KEYS}' entry).")
    keys = [str(np.asarray(k).reshape(-1)[0]) for k in raw[_MAT_KEYS].reshape(-1)]
    shapes = [tuple(int(s) for s in np.asarray(x).reshape(-1)) for x in raw[_MAT_SHAPES].reshape(-1)]
    dtypes = [str(np.asarray(d).reshape(-1)[0]) for d in raw[_MAT_DTYPES].reshape(-1)]
    out = {}
    for i, (key, shape, dtype) in enumerate(zip(keys, shapes, dtypes)):
        out[key] = np.asarray(raw[f"v{i}"]).reshape(shape).astype(np.dtype(dtype))
    return out


_READERS = {".h5": _read_h5, ".hdf5": _read_h5, ".npz": _read_npz, ".pkl": _read_pkl, ".mat": _read_mat}


def _loader(reader: Any, doc: str) -> Any:
    def load(filename: str, target: Mapping[str, Any], verbose: bool = False, check_missing: bool = False) -> None:
        _check_target(target, reader.__name__)
        _assign(filename, reader(filename), target, verbose, check_missing)

    load.__doc__ = doc
    return load


load_by_h5 = _loader(_read_h5, r"""Load an HDF5 state file into ``target`` (dict of key -> Variable).""")
load_by_npz = _loader(_read_npz, r"""Load a ``.npz`` state file into ``target`` (dict of key -> Variable).""")
load_by_pkl = _loader(_read_pkl, r"""Load a pickle state file into ``target`` (dict of key -> Variable).""")
load_by_mat = _loader(_read_mat, r"""Load a MATLAB ``.mat`` state file into ``target`` (dict of key -> Variable).""")
for _f, _n in (
    (load_by_h5, "load_by_h5"),
    (load_by_npz, "load_by_npz"),
    (load_by_pkl, "load_by_pkl"),
    (load_by_mat, "load_by_mat"),
):
    _f.__name__ = _f.__qualname__ = _n
del _f, _n

_SAVERS = {".h5": save_as_h5, ".hdf5": save_as_h5, ".npz": save_as_npz, ".pkl": save_as_pkl, ".mat": save_as_mat}


def _extension(filename: str) -> str:
    ext = os.path.splitext(str(filename))[1].lower()
    if ext not in _SAVERS:
        raise InvalidArgumentError(
            f"Unknown file format {ext!r} of {filename!r}. Supported formats are {SUPPORTED_FORMATS}; "
            f"name the file, for example, 'net.npz'."
        )
    return ext


def save_states(filename: str, variables: Mapping[str, Any], **setting: Any) -> None:
    r"""Save ``variables`` (dict of key -> Variable) into ``filename``; the format follows its extension."""
    _SAVERS[_extension(filename)](filename, variables, **setting)


def load_states(filename: str, target: Mapping[str, Any], verbose: bool = False, check_missing: bool = False) -> None:
    r"""Load ``filename`` into ``target`` (dict of key -> Variable); the format follows its extension.

    Raises
    ------
    StateLoadError
        If the file has an entry that names no Variable of ``target``, or whose size differs.
    FileNotFoundError
        If the file does not exist.
    """
    ext = _extension(filename)
    _check_target(target, "load_states")
    if not os.path.exists(filename):
        raise FileNotFoundError(f"No state file {filename!r}. Save one first with model.save_states({filename!r}).")
    _assign(filename, _READERS[ext](filename), target, verbose, check_missing)
