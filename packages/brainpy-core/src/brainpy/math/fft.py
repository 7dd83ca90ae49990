r"""``brainpy.math.fft``: NumPy's discrete Fourier transforms on JAX, JaxArray-aware.

Every function is the ``jax.numpy.fft`` function of the same name wrapped by
:func:`brainpy.math._numpy_wrap.wrap_function`: JaxArray arguments are accepted
and array results come back as :class:`~brainpy.math.JaxArray`.
"""

from __future__ import annotations

import jax.numpy as jnp

from brainpy.math._numpy_wrap import wrap_function

_NAMES = (
    "fft",
    "fft2",
    "fftfreq",
    "fftn",
    "fftshift",
    "hfft",
    "ifft",
    "ifft2",
    "ifftn",
    "ifftshift",
    "ihfft",
    "irfft",
    "irfft2",
    "irfftn",
    "rfft",
    "rfft2",
    "rfftfreq",
    "rfftn",
)

__all__ = list(_NAMES)

for _name in _NAMES:
    globals()[_name] = wrap_function(getattr(jnp.fft, _name), _name, module=__name__)
del _name
