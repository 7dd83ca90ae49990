r"""``brainpy.math.linalg``: NumPy's linear algebra on JAX, JaxArray-aware.

Every function is the ``jax.numpy.linalg`` function of the same name wrapped by
:func:`brainpy.math._numpy_wrap.wrap_function`: JaxArray arguments are accepted
and array results (also inside the tuples returned by ``eig``, ``svd``, ``qr``,
``slogdet``, ``lstsq``, ...) come back as :class:`~brainpy.math.JaxArray`.
"""

from __future__ import annotations

import jax.numpy as jnp

from brainpy.math._numpy_wrap import wrap_function

_NAMES = (
    "cholesky",
    "cond",
    "det",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "svd",
    "lstsq",
    "matrix_power",
    "matrix_rank",
    "norm",
    "pinv",
    "qr",
    "solve",
    "slogdet",
    "tensorinv",
    "tensorsolve",
    "multi_dot",
)

__all__ = list(_NAMES)

for _name in _NAMES:
    globals()[_name] = wrap_function(getattr(jnp.linalg, _name), _name, module=__name__)
del _name
