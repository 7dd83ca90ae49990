r"""``Runner``: the base of the runners; it resolves monitored and input Variables by path.

A path names a Variable of the runner's target, first *relative* to the
target (``'E.V'``: attribute ``E`` of the target, then ``V``), then *absolute*
(``'LIF0.V'``: the node named ``LIF0`` anywhere in the target). Anything else
is an error raised when the runner is built, before any compilation.
"""

from __future__ import annotations

from typing import Any

from brainpy.errors import RunningError
from brainpy.running._monitor import Monitor

__all__ = ["Runner", "find_variable"]


def _is_variable(x: Any) -> bool:
    from brainpy.math import Variable

    return isinstance(x, Variable)


def find_variable(target: Any, key: str, what: str = "monitor") -> Any:
    r"""Find the ``bm.Variable`` named by ``key`` in ``target`` (relative path first, then absolute).

    Parameters
    ----------
    target : brainpy.Base
        The simulated object.
    key : str
        ``'V'``, ``'E.spike'`` (relative) or ``'LIF0.V'`` (absolute).
    what : str
        ``'monitor'`` or ``'input'``, used in the messages.

    Returns
    -------
    bm.Variable

    Raises
    ------
    RunningError
        If nothing is found under ``key``, or what is found is not a Variable.
    """
    if not isinstance(key, str):
        raise RunningError(f"The {what} target must be a path string such as 'V' or 'E.spike', but got {key!r}.")
    for method in ("relative", "absolute"):
        found = target.vars(method=method)
        if key in found:
            return found[key]
    # not a Variable: say whether it exists at all
    node_path, _, attr = key.rpartition(".")
    for method in ("relative", "absolute"):
        nodes = target.nodes(method=method)
        if node_path in nodes:
            node = nodes[node_path]
            if attr in node.__dict__ and not _is_variable(node.__dict__[attr]):
                raise RunningError(
                    f'"{attr}" in {node!r} is not a dynamically changed Variable, its value will not change, '
                    f"we think there is no need to monitor its trajectory."
                    if what == "monitor"
                    else f'"{attr}" in {node!r} is not a bm.Variable, so inputs cannot be given to it. Make '
                    f"it a Variable in the model: self.{attr} = bm.Variable(...)."
                )
    available = sorted(target.vars(method="relative"))
    shown = ", ".join(available[:30]) + (", ..." if len(available) > 30 else "")
    raise RunningError(
        f"Cannot find target {key} in {what} of {target!r}, please check. Variables of the target "
        f"(relative paths; absolute paths '<node name>.<var>' work too): {shown or 'none'}."
    )


class Runner:
    r"""Base Runner.

    It keeps the simulated ``target``, the monitor, the functional monitors
    and the options shared by the runners (``DSRunner``, ``ReportRunner``, ...).

    Parameters
    ----------
    target : brainpy.Base
        The object to run.
    monitors : list, tuple, dict or Monitor, optional
        What to record (see :class:`brainpy.running.Monitor`).
    fun_monitors : dict, optional
        Name -> function ``f(_t, _dt)`` whose result is recorded every step
        (in ``runner.mon[name]``).
    jit : bool
        Whether to compile the run. Default True.
    progress_bar : bool or None
        Show a tqdm progress bar: ``None`` (default) for long runs only,
        ``True`` always, ``False`` never.
    dyn_vars : Variable, list or dict, optional
        Extra Variables changed by the target that its attributes do not reach.
    numpy_mon_after_run : bool
        Keep the recorded trajectories as NumPy arrays (default); else convert
        them to JAX arrays after each run.

    Raises
    ------
    RunningError
        If ``target`` is not a ``brainpy.Base`` object, or an option has the wrong type.
    """

    def __init__(
        self,
        target: Any,
        monitors: Any = None,
        fun_monitors: dict | None = None,
        jit: bool = True,
        progress_bar: bool | None = None,
        dyn_vars: Any = None,
        numpy_mon_after_run: bool = True,
    ) -> None:
        from brainpy.base import Base

        if not isinstance(target, Base):
            raise RunningError(
                f"The runner target must be a brainpy object (a brainpy.dyn.DynamicalSystem), but got a "
                f"{type(target).__name__}: {target!r}."
            )
        self.target = target
        self.mon = Monitor.from_spec(monitors)
        fun_monitors = {} if fun_monitors is None else fun_monitors
        if not isinstance(fun_monitors, dict) or not all(
            isinstance(k, str) and callable(f) for k, f in fun_monitors.items()
        ):
            raise RunningError(f"fun_monitors must be a dict of name -> function f(_t, _dt), but got {fun_monitors!r}.")
        clash = [k for k in fun_monitors if k in self.mon.item_names]
        if clash:
            raise RunningError(f"fun_monitors names {clash} are also Variable monitors; rename them.")
        self.fun_monitors = fun_monitors
        for opt, val in (("jit", jit), ("numpy_mon_after_run", numpy_mon_after_run)):
            if not isinstance(val, bool):
                raise RunningError(f"{opt} must be True or False, but got {val!r}.")
        if progress_bar is not None and not isinstance(progress_bar, bool):
            raise RunningError(f"progress_bar must be True, False or None (automatic), but got {progress_bar!r}.")
        self.jit = jit
        self.progress_bar = progress_bar
        self.numpy_mon_after_run = numpy_mon_after_run
        from brainpy.math._varcollect import collect_vars

        try:
            self.dyn_vars = collect_vars(dyn_vars, "dyn_vars")
        except TypeError as exc:
            raise RunningError(str(exc)) from None

    def _monitor_targets(self) -> list[tuple[str, Any, Any]]:
        r"""(key, Variable, indices) for every Variable monitor, checked against the target."""
        out = []
        for key, idx in zip(self.mon.item_names, self.mon.item_indices):
            var = find_variable(self.target, key, "monitor")
            if idx is not None and len(idx) and (idx.min() < -var.size or idx.max() >= var.size):
                raise RunningError(
                    f"The indices of monitor {key!r} go up to {int(idx.max())}, but the Variable has "
                    f"{var.size} elements (indices refer to the flattened Variable)."
                )
            out.append((key, var, idx))
        return out
