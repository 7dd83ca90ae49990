"""Errors and warnings of the BrainPy toolkit.

Every error raised on purpose by the toolkit derives from :class:`BrainPyError`
and, where one fits, from the matching builtin (``ValueError``, ``TypeError``,
...), so ``except ValueError`` keeps working. Warnings derive from
:class:`BrainPyWarning`.
"""

from __future__ import annotations

__all__ = [
    "BrainPyError",
    "BrainPyWarning",
    "BrainPyPluginWarning",
    "PluginError",
    "DistributionNotInstalledError",
    "ModelBuildError",
    "RunningError",
    "IntegratorError",
    "DiffEqError",
    "CodeError",
    "AnalyzerError",
    "PackageMissingError",
    "BackendNotInstalled",
    "UniqueNameError",
    "UnsupportedError",
    "NoImplementationError",
    "NoLongerSupportError",
    "ConnectorError",
    "MonitorError",
    "MathError",
    "JaxTracerError",
    "ConcretizationTypeError",
    "UnknownNameError",
    "InvalidArgumentError",
    "ArgumentTypeError",
]


class BrainPyError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class BrainPyWarning(UserWarning):
    """Base class of the toolkit's warnings."""


class BrainPyPluginWarning(BrainPyWarning):
    """A plugin failed to load, returned the wrong type, or clashed with another."""


class PluginError(BrainPyError, TypeError):
    """A plugin declaration is invalid (raised by explicit registration calls)."""


class DistributionNotInstalledError(BrainPyError, ModuleNotFoundError):
    """A name was asked for whose distribution is not installed.

    Parameters
    ----------
    message : str
        What was asked for and which distribution to install.
    distribution : str
        The name of the distribution to install (for example ``'brainpy-dyn'``).
    """

    def __init__(self, message: str, distribution: str = "") -> None:
        super().__init__(message)
        self.distribution = distribution


class UnknownNameError(BrainPyError, AttributeError):
    """A name looked up in a registry or a module does not exist."""


class ModelBuildError(BrainPyError, ValueError):
    """A model was built with wrong arguments."""


class RunningError(BrainPyError, RuntimeError):
    """A runner was given wrong arguments or failed while running."""


class IntegratorError(BrainPyError, ValueError):
    """An integrator was defined or called wrongly."""


class DiffEqError(BrainPyError, ValueError):
    """A differential equation is malformed."""


class CodeError(BrainPyError, ValueError):
    """Code given to the toolkit cannot be analysed."""


class AnalyzerError(BrainPyError, ValueError):
    """An analyzer was given wrong arguments."""


class PackageMissingError(BrainPyError, ImportError):
    """An optional third-party package needed for this call is not installed."""


class BackendNotInstalled(BrainPyError, ImportError):
    """A computing backend is not installed."""


class UniqueNameError(BrainPyError, ValueError):
    """Two live objects were given the same name."""


class UnsupportedError(BrainPyError, ValueError):
    """The requested feature is not supported in this setting."""


class NoImplementationError(BrainPyError, NotImplementedError):
    """A method that a subclass must implement was not implemented."""


class NoLongerSupportError(BrainPyError, AttributeError):
    """A feature of an older BrainPy release that is no longer supported."""


class ConnectorError(BrainPyError, ValueError):
    """A connector was given wrong arguments or asked for an unknown structure."""


class MonitorError(BrainPyError, ValueError):
    """A monitor target is wrong."""


class InvalidArgumentError(BrainPyError, ValueError):
    """An argument has a valid type but an invalid value (a ValueError too)."""


class ArgumentTypeError(BrainPyError, TypeError):
    """An argument has the wrong type (a TypeError too)."""


class MathError(BrainPyError, ValueError):
    """An array or Variable operation is invalid (shape, dtype, mutation in jit, ...)."""


class JaxTracerError(MathError):
    """A Variable was changed inside a jitted function without being declared.

    Parameters
    ----------
    variables : dict, optional
        The Variables that should have been declared as ``dyn_vars``.
    """

    def __init__(self, variables: object = None, message: str | None = None) -> None:
        if message is None:
            message = (
                "There is an unexpected tracer: a Variable or JaxArray was changed inside a "
                "jitted function without being declared. Declare it in 'dyn_vars' of bm.jit "
                "(or make it an attribute of the jitted object)."
            )
            if variables is not None:
                message += f" Variables: {variables}"
        super().__init__(message)


class ConcretizationTypeError(BrainPyError, TypeError):
    """A traced value was used where a concrete Python value is needed."""

    def __init__(self, message: str | None = None) -> None:
        if message is None:
            message = (
                "This problem may be caused by several ways:\n"
                "1. Your if-else conditional statement relies on instances of brainpy.math.Variable.\n"
                "2. Your if-else conditional statement relies on functional arguments which do not "
                'set in "static_argnames" when applying JIT compilation. More details please see '
                "https://jax.readthedocs.io/en/latest/errors.html#jax.errors.ConcretizationTypeError\n"
                '3. The static variables which set in the "static_argnames" are provided as '
                'arguments, not keyword arguments, like "jit_f(v1, v2)" [<- wrong]. Please write '
                'it as "jit_f(static_k1=v1, static_k2=v2)" [<- right].'
            )
        super().__init__(message)
