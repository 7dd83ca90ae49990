r"""``brainpy.tools``: argument checks, sizes, a dot-access dict, progress bars, errors in jit.

Submodules as in BrainPy 2.1: :mod:`brainpy.tools.checking`,
:mod:`brainpy.tools.others`, :mod:`brainpy.tools.errors`. Every public name is
also available here directly.
"""

from brainpy.tools import checking, errors, others
from brainpy.tools._checking import *  # noqa: F403
from brainpy.tools._checking import __all__ as _checking_all
from brainpy.tools._errors import check_error_in_jit
from brainpy.tools._others import DictPlus, init_progress_bar, size2num, to_size

__all__ = [
    "checking",
    "others",
    "errors",
    *_checking_all,
    "check_error_in_jit",
    "to_size",
    "size2num",
    "DictPlus",
    "init_progress_bar",
]
