r"""How a node receives its feedforward (and feedback) inputs.

A node may have several feedforward senders. Its :attr:`Node.data_pass`
decides what :meth:`Node.forward` gets as ``ff`` (and ``fb``):

* :class:`SingleData` (``PASS_ONLY_ONE``): the one input tensor itself; the
  node refuses a second sender;
* :class:`MultipleData` with ``return_type='sequence'`` (``PASS_SEQUENCE``):
  a list of tensors, in the order of the senders;
* :class:`MultipleData` with ``return_type='name_dict'`` (``PASS_NAME_DICT``):
  a dict ``{sender name: tensor}``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brainpy.errors import InvalidArgumentError, ModelBuildError

__all__ = ["DataType", "SingleData", "MultipleData", "PASS_ONLY_ONE", "PASS_SEQUENCE", "PASS_NAME_DICT"]

PASS_ONLY_ONE = "PASS_ONLY_ONE"
PASS_SEQUENCE = "PASS_SEQUENCE"
PASS_NAME_DICT = "PASS_NAME_DICT"


class DataType:
    r"""Base class for data types: the rule that packs a node's inputs.

    Subclasses implement :meth:`pack`, which receives the names of the senders
    and their tensors (same order) and returns what ``forward`` gets.
    """

    #: The label shown in node representations.
    label: str = ""

    def pack(self, owner: Any, names: Sequence[str], values: Sequence[Any]) -> Any:
        """Pack ``values`` (from the senders ``names``) for ``owner.forward``."""
        raise NotImplementedError(f"{type(self).__name__} does not implement pack().")

    def check_num(self, owner: Any, num: int) -> None:
        """Check that ``owner`` may receive ``num`` inputs (every number is fine by default)."""

    def __repr__(self) -> str:
        return self.label or type(self).__name__


class SingleData(DataType):
    r"""Pass the only one data into the node.

    ``forward(ff)`` receives the tensor itself. A node with this data type
    accepts exactly one feedforward sender.
    """

    label = PASS_ONLY_ONE

    def check_num(self, owner: Any, num: int) -> None:
        if num > 1:
            raise ModelBuildError(
                f"{owner.name} passes its inputs as SingleData, so it takes one input, but {num} "
                f"were connected. Concatenate them first (bp.nn.Concat()) or give the node "
                f"data_pass=bp.nn.MultipleData()."
            )

    def pack(self, owner: Any, names: Sequence[str], values: Sequence[Any]) -> Any:
        self.check_num(owner, len(values))
        return values[0] if len(values) else None


class MultipleData(DataType):
    r"""Pass a list/tuple of data into the node.

    Parameters
    ----------
    return_type : {'sequence', 'name_dict'}
        ``'sequence'``: ``forward`` receives a list of tensors in sender order;
        ``'name_dict'``: a dict ``{sender name: tensor}``.
    """

    def __init__(self, return_type: str = "sequence") -> None:
        if return_type not in ("sequence", "name_dict"):
            raise InvalidArgumentError(
                f"MultipleData(return_type={return_type!r}) is not supported; expected 'sequence' or 'name_dict'."
            )
        self.return_type = return_type
        self.label = PASS_SEQUENCE if return_type == "sequence" else PASS_NAME_DICT

    def pack(self, owner: Any, names: Sequence[str], values: Sequence[Any]) -> Any:
        if self.return_type == "sequence":
            return list(values)
        return dict(zip(names, values))
