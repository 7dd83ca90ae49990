r"""``bp.JointEq``: several derivative functions integrated as one system."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brainpy.errors import DiffEqError
from brainpy.integrators._utils import FuncSignature, as_tuple, read_signature

__all__ = ["JointEq"]


def _flatten(eqs: Sequence[Any]) -> list[Any]:
    out: list[Any] = []
    for eq in eqs:
        if isinstance(eq, (list, tuple)):
            out.extend(_flatten(eq))
        else:
            out.append(eq)
    return out


class JointEq:
    r"""Make a joint equation from multiple derivative functions.

    Each function follows the ODE/SDE convention (variables before ``t``, parameters
    after it). The joint equation's variables are the variables of all functions, in
    order; its parameters are the remaining arguments after ``t``, in order of first
    appearance. An argument after ``t`` that is a variable of another function receives
    that variable's current value, so every stage of a Runge-Kutta method sees all
    variables at the same time.

    Parameters
    ----------
    *eqs : callable, or list/tuple of callables
        The derivative functions (nested lists and ``JointEq`` objects are flattened).
    eqs : list or tuple, optional
        The same, as a keyword (``bp.JointEq(eqs=(dV, du))``).

    Raises
    ------
    brainpy.errors.DiffEqError
        If no function is given, or two functions declare the same variable.

    Examples
    --------
    >>> import brainpy as bp
    >>> a, b = 0.02, 0.20
    >>> dV = lambda V, t, u, Iext: 0.04 * V * V + 5 * V + 140 - u + Iext
    >>> du = lambda u, t, V: a * (b * V - u)
    >>> joint_eq = bp.JointEq(eqs=(dV, du))
    >>> joint_eq.variables, joint_eq.parameters
    (('V', 'u'), ('Iext',))
    """

    def __init__(self, *eqs: Any, **kwargs: Any) -> None:
        if "eqs" in kwargs:
            eqs = (*eqs, kwargs.pop("eqs"))
        if kwargs:
            raise DiffEqError(
                f"JointEq got unexpected keyword argument(s) {sorted(kwargs)}; pass the equations "
                f"positionally or as eqs=(...)."
            )
        self.eqs = tuple(_flatten(eqs))
        if not self.eqs:
            raise DiffEqError("JointEq needs at least one derivative function, e.g. bp.JointEq(dV, du).")
        sigs = [read_signature(eq, "equation of the JointEq") for eq in self.eqs]
        variables: list[str] = []
        for eq, sig in zip(self.eqs, sigs):
            for v in sig.variables:
                if v in variables:
                    raise DiffEqError(
                        f"The variable {v!r} is declared by more than one equation of the JointEq "
                        f"(again by {getattr(eq, '__name__', eq)!r}). Each variable must have exactly "
                        f"one derivative function; use distinct names for distinct variables."
                    )
                variables.append(v)
        parameters: list[str] = []
        defaults: dict[str, Any] = {}
        for sig in sigs:
            for p in sig.parameters:
                if p not in variables and p not in parameters:
                    parameters.append(p)
                if p in sig.defaults and p not in defaults:
                    defaults[p] = sig.defaults[p]
        self._sigs = sigs
        self.variables = tuple(variables)
        self.parameters = tuple(parameters)
        self.signature = FuncSignature(
            self.variables, self.parameters, defaults, var_positional=any(s.var_positional for s in sigs)
        )
        self.__name__ = "joint_eq"

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        names = [*self.variables, "t", *self.parameters]
        values = dict(zip(names, args))
        extra = args[len(names) :]
        values.update(kwargs)
        for p, d in self.signature.defaults.items():
            values.setdefault(p, d)
        missing = [n for n in names if n not in values]
        if missing:
            raise DiffEqError(f"The JointEq of {self.variables} is missing the argument(s) {missing}.")
        out: list[Any] = []
        for eq, sig in zip(self.eqs, self._sigs):
            call = (
                [values[v] for v in sig.variables] + [values["t"]] + [values[p] for p in sig.parameters if p in values]
            )
            if sig.var_positional:
                call += list(extra)
            result = eq(*call)
            out.extend(as_tuple(result, len(sig.variables), f"The equation {getattr(eq, '__name__', eq)!r}"))
        return tuple(out)

    def __repr__(self) -> str:
        return f"<brainpy.integrators.joint_eq.JointEq object at {hex(id(self))}>"
