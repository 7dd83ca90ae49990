r"""The module path the spec shows for :class:`JointEq` (re-exports :mod:`brainpy.integrators._joint_eq`)."""

from brainpy.integrators._joint_eq import JointEq

__all__ = ["JointEq"]
