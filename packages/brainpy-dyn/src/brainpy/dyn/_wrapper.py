r"""``ContainerWrapper``: a reusable recipe for a model composed of child models.

BrainPy 2.1.10 introduced it together with the channel models: a conductance
-based neuron is a :class:`~brainpy.dyn.channels.CondNeuGroup` (the *master*)
holding ion channels (the *children*). ``ContainerWrapper`` binds the classes
once, and builds a new composed model, children first, for each size.
"""

from __future__ import annotations

from typing import Any

from brainpy.dyn._base import DynamicalSystem
from brainpy.errors import ArgumentTypeError

__all__ = ["ContainerWrapper"]


class ContainerWrapper:
    r"""A model class composed of a master class and child classes.

    ``ContainerWrapper(master, **children)`` stores the classes; calling it
    with a size builds every child (``child_cls(size, ...)``), then the master
    with the children as keyword arguments (``master(size, ..., **children)``),
    and returns the master instance. So

    .. code-block:: python

        HH = bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=ch.INa, IK=ch.IK_DR, IL=ch.IL)
        hh = HH(100, V_initializer=-65., IK=dict(g_max=36.))

    is ``bp.dyn.CondNeuGroup(100, V_initializer=-65., INa=ch.INa(100),
    IK=ch.IK_DR(100, g_max=36.), IL=ch.IL(100))``. A child may itself be a
    ``ContainerWrapper`` (a calcium dynamics with its calcium channels:
    ``Ca=bp.dyn.ContainerWrapper(ch.CalciumDetailed, ICaT=ch.ICaT)``); it is
    built the same way, with its own keyword dictionary.

    The wrapper is a recipe, not a dynamical system: it holds no state and
    is not run. The model it returns is an ordinary master instance, whose
    children are reachable as attributes (``hh.INa``).

    Parameters
    ----------
    master : type
        A :class:`~brainpy.dyn.DynamicalSystem` subclass whose constructor takes
        the size first and the children as keyword arguments
        (:class:`~brainpy.dyn.channels.CondNeuGroup`, a calcium dynamics).
    **children : type or ContainerWrapper
        The child classes (each a ``DynamicalSystem`` subclass taking the size
        first), or nested wrappers, under the keywords the master receives.

    Raises
    ------
    TypeError
        If ``master`` is not a ``DynamicalSystem`` subclass, or a child is
        neither such a class nor a ``ContainerWrapper``.

    Examples
    --------
    >>> import brainpy as bp
    >>> ch = bp.dyn.channels
    >>> HH = bp.dyn.ContainerWrapper(bp.dyn.CondNeuGroup, INa=ch.INa_v2, IK=ch.IK2, IL=ch.IL)
    >>> HH
    CondNeuGroup(INa=INa_v2, IK=IK2, IL=IL)
    >>> hh = HH(2, V_initializer=-65., IK=dict(E=-77., g_max=36.), IL=dict(E=-54.387, g_max=0.03))
    >>> float(hh.IK.g_max)
    36.0
    """

    def __init__(self, master: type, **children: Any) -> None:
        if not (isinstance(master, type) and issubclass(master, DynamicalSystem)):
            raise ArgumentTypeError(
                f"ContainerWrapper(master, **children): master must be a brainpy.dyn.DynamicalSystem subclass "
                f"(a class, not an instance), such as bp.dyn.CondNeuGroup, but got {master!r}."
            )
        for key, child in children.items():
            if isinstance(child, ContainerWrapper):
                continue
            if not (isinstance(child, type) and issubclass(child, DynamicalSystem)):
                hint = (
                    f" Pass the class, {type(child).__name__}, instead." if isinstance(child, DynamicalSystem) else ""
                )
                raise ArgumentTypeError(
                    f"ContainerWrapper({master.__name__}, ...): child {key}={child!r} must be a "
                    f"brainpy.dyn.DynamicalSystem subclass (such as bp.dyn.channels.INa) or a ContainerWrapper.{hint}"
                )
        self.master = master
        self.children_cls = dict(children)

    def __call__(self, size: Any, *shared_args: Any, shared_kwargs: dict | None = None, **idv_args: Any) -> Any:
        r"""Build the children, then the master, for one size.

        Parameters
        ----------
        size : int or tuple of int
            The geometry, passed first to every child and to the master.
        *shared_args
            Further positional arguments, passed to every child and to the master.
        shared_kwargs : dict, optional
            Keyword arguments passed to every child and to the master.
        **idv_args
            A keyword naming a child gives that child's own keyword arguments
            (a dict: ``IK=dict(g_max=36.)``); every other keyword goes to the
            master (``V_initializer=-65.``, ``name='hh'``).

        Returns
        -------
        DynamicalSystem
            The master instance, holding the children.

        Raises
        ------
        TypeError
            If a child's arguments are not given as a dict.
        """
        shared_kwargs = {} if shared_kwargs is None else dict(shared_kwargs)
        built: dict[str, Any] = {}
        for key, cls in self.children_cls.items():
            own = idv_args.pop(key, {})
            if not isinstance(own, dict):
                raise ArgumentTypeError(
                    f"{self!r}: the arguments of the child {key!r} must be a dict of keyword arguments "
                    f"({key}=dict(g_max=1.)), but got {own!r}."
                )
            if isinstance(cls, ContainerWrapper):  # a nested recipe shares the same shared_kwargs
                built[key] = cls(size, *shared_args, shared_kwargs=shared_kwargs, **own)
            else:
                built[key] = cls(size, *shared_args, **shared_kwargs, **own)
        return self.master(size, *shared_args, **shared_kwargs, **idv_args, **built)

    def __repr__(self) -> str:
        def label(child: Any) -> str:
            return repr(child) if isinstance(child, ContainerWrapper) else child.__name__

        children = ", ".join(f"{key}={label(child)}" for key, child in self.children_cls.items())
        return f"{self.master.__name__}({children})"
