r"""Training algorithms of ``brainpy.nn`` (``bp.nn.algorithms``).

Offline algorithms (``'ridge'``, ``'linear'``, ``'lstsq'``) fit a readout to
all the data at once; online algorithms (``'rls'``, ``'force'``, ``'lms'``)
update it step by step. Trainers accept an instance, a name, or a dict
``dict(name='ridge', beta=1e-6)``. Names come from the plugin registry
``training_algorithms`` (hook ``brainpy_training_algorithms``), so plugins
add algorithms; :func:`register_offline_method` and
:func:`register_online_method` add one at run time.
"""

from brainpy.nn.algorithms._offline import LinearRegression, OfflineAlgorithm, RidgeRegression
from brainpy.nn.algorithms._online import LMS, RLS, ForceLearning, OnlineAlgorithm
from brainpy.nn.algorithms._registry import (
    get,
    get_supported_offline_methods,
    get_supported_online_methods,
    register_offline_method,
    register_online_method,
)

__all__ = [
    "OfflineAlgorithm",
    "RidgeRegression",
    "LinearRegression",
    "OnlineAlgorithm",
    "RLS",
    "ForceLearning",
    "LMS",
    "get",
    "get_supported_offline_methods",
    "get_supported_online_methods",
    "register_offline_method",
    "register_online_method",
]
