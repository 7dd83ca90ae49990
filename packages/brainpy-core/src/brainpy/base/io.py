"""Module path of BrainPy 2.1 (``brainpy.base.io``); the code lives in ``_io``."""

from brainpy.base._io import (
    SUPPORTED_FORMATS,
    load_by_h5,
    load_by_mat,
    load_by_npz,
    load_by_pkl,
    save_as_h5,
    save_as_mat,
    save_as_npz,
    save_as_pkl,
)

__all__ = [
    "SUPPORTED_FORMATS",
    "save_as_h5",
    "save_as_npz",
    "save_as_pkl",
    "save_as_mat",
    "load_by_h5",
    "load_by_npz",
    "load_by_pkl",
    "load_by_mat",
]
