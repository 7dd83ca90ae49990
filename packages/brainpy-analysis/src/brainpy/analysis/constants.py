r"""Option keys of the low-dimensional analyzers (``bp.analysis.C``).

``options={bp.analysis.C.y_by_x_in_fy: lambda V, a=0.7, b=0.8: (V + a) / b}`` gives a
closed-form nullcline: the 2-D fixed-point search then becomes a 1-D root search.
The function's first argument is the independent variable; its other arguments are
filled by name from the analysed variables and parameters (their defaults otherwise).
"""

from __future__ import annotations

__all__ = [
    "x_by_y_in_fx",
    "y_by_x_in_fx",
    "x_by_y_in_fy",
    "y_by_x_in_fy",
    "escape_sympy_solver",
    "sympy_solver_timeout",
    "lim_scale",
    "ALL_OPTIONS",
]

#: :math:`x = F(y)` solves :math:`f_x(x, y) = 0`.
x_by_y_in_fx = "fx::x=f(y)"
#: :math:`y = F(x)` solves :math:`f_x(x, y) = 0`.
y_by_x_in_fx = "fx::y=f(x)"
#: :math:`x = F(y)` solves :math:`f_y(x, y) = 0`.
x_by_y_in_fy = "fy::x=f(y)"
#: :math:`y = F(x)` solves :math:`f_y(x, y) = 0`.
y_by_x_in_fy = "fy::y=f(x)"
#: Accepted for compatibility: no SymPy solver is used, so there is nothing to escape.
escape_sympy_solver = "escape_sympy_solver"
#: Accepted for compatibility (no SymPy solver is used).
sympy_solver_timeout = "sympy_solver_timeout"
#: Accepted for compatibility: the plotting margin is the analyzer's ``lim_scale`` argument.
lim_scale = "lim_scale"

ALL_OPTIONS = (
    x_by_y_in_fx,
    y_by_x_in_fx,
    x_by_y_in_fy,
    y_by_x_in_fy,
    escape_sympy_solver,
    sympy_solver_timeout,
    lim_scale,
)
