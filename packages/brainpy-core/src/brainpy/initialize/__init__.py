r"""``brainpy.initialize`` (also ``bp.init``): methods to initialize weights.

You can access them through ``brainpy.init.XXX``.

Base classes: :class:`Initializer`, :class:`InterLayerInitializer` (weights between two
layers, shape ``(m, n)``), :class:`IntraLayerInitializer` (weights within one population of
shape ``(n1, ..., nd)``, returned as a ``(prod, prod)`` matrix).

Regular initializers: :class:`ZeroInit`, :class:`OneInit`, :class:`Identity`.

Random initializers: :class:`Normal`, :class:`Uniform`, :class:`VarianceScaling`,
:class:`KaimingUniform`, :class:`KaimingNormal`, :class:`XavierUniform`,
:class:`XavierNormal`, :class:`LecunUniform`, :class:`LecunNormal`, :class:`Orthogonal`,
:class:`DeltaOrthogonal`.

Decay initializers: :class:`GaussianDecay`, :class:`DOGDecay`.

Initializers from plugins (hook ``brainpy_initializers``) are found here too, as
``bp.init.<Name>``.
"""

from typing import Any

from brainpy.initialize import _base, _decay, _orthogonal, _random, _regular, _variance_scaling
from brainpy.initialize._base import *  # noqa: F403
from brainpy.initialize._decay import *  # noqa: F403
from brainpy.initialize._orthogonal import *  # noqa: F403
from brainpy.initialize._random import Normal, Uniform
from brainpy.initialize._regular import *  # noqa: F403
from brainpy.initialize._variance_scaling import *  # noqa: F403

__all__ = [
    *_base.__all__,
    *_regular.__all__,
    "Normal",
    "Uniform",
    *_variance_scaling.__all__,
    *_orthogonal.__all__,
    *_decay.__all__,
]


def __getattr__(name: str) -> Any:
    """Fall back to the initializers registered by plugins (``bp.init.TheirInit``)."""
    if name.startswith("__"):
        raise AttributeError(name)
    from brainpy.plugins import get_registry

    registry = get_registry("initializers")
    if name in registry:
        return registry.get(name)
    from brainpy.errors import UnknownNameError

    raise UnknownNameError(registry.unknown_message(name, what="an initializer of brainpy.init"))
