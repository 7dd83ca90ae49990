r"""``brainpy.base``: the root class :class:`Base`, collectors, the naming system and state I/O.

Public names
------------
* :class:`Base`, :class:`Function`;
* :class:`Collector`, :class:`TensorCollector` (alias :data:`ArrayCollector`);
* naming: :func:`check_name_uniqueness`, :func:`get_unique_name`, :func:`clear_name_cache`;
* I/O: :func:`save_as_h5`, :func:`save_as_npz`, :func:`save_as_pkl`, :func:`save_as_mat`,
  :func:`load_by_h5`, :func:`load_by_npz`, :func:`load_by_pkl`, :func:`load_by_mat`,
  :data:`SUPPORTED_FORMATS`.

The module paths of BrainPy 2.1 (``brainpy.base.base``, ``brainpy.base.collector``,
``brainpy.base.io``, ``brainpy.base.naming``, ``brainpy.base.function``) exist as
re-exporting modules.
"""

from brainpy.base._base import Base
from brainpy.base._collector import ArrayCollector, Collector, TensorCollector
from brainpy.base._function import Function
from brainpy.base._io import (
    SUPPORTED_FORMATS,
    StateLoadError,
    load_by_h5,
    load_by_mat,
    load_by_npz,
    load_by_pkl,
    save_as_h5,
    save_as_mat,
    save_as_npz,
    save_as_pkl,
)
from brainpy.base._naming import check_name_uniqueness, clear_name_cache, get_unique_name

__all__ = [
    "Base",
    "Function",
    "Collector",
    "TensorCollector",
    "ArrayCollector",
    "check_name_uniqueness",
    "get_unique_name",
    "clear_name_cache",
    "SUPPORTED_FORMATS",
    "StateLoadError",
    "save_as_h5",
    "save_as_npz",
    "save_as_pkl",
    "save_as_mat",
    "load_by_h5",
    "load_by_npz",
    "load_by_pkl",
    "load_by_mat",
]
