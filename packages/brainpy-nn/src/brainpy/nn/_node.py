r"""``bp.nn.Node`` and ``bp.nn.RecurrentNode``: the elements of node graphs.

A node has feedforward inputs, feedback inputs, one state and one output.
Its variables are created in two stages, so that computing and compiling are
kept apart from building:

1. construction stores the settings (``Dense(num_unit=100)``);
2. :meth:`Node.initialize` infers the input shapes, calls :meth:`Node.init_ff`
   (and :meth:`Node.init_fb` when the node receives feedback), which create the
   parameters and set the output shape, then :meth:`Node.init_state` creates
   the batch-dependent state.

Afterwards calling the node runs :meth:`Node.forward` on one time step.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

from brainpy.base import Base
from brainpy.errors import InvalidArgumentError, ModelBuildError, NoImplementationError
from brainpy.nn._datatypes import DataType, MultipleData
from brainpy.nn._utils import init_param, to_size

__all__ = ["Node", "RecurrentNode"]

_FB_SUPPORT: dict[type, bool] = {}


def _shape_tuple(shape: Any) -> tuple:
    return tuple(None if s is None else int(s) for s in shape)


class Node(Base):
    r"""Basic Node class for neural network building in BrainPy.

    A node is a unit of a graph, connected to other nodes by feedforward edges
    (``a >> b``) and feedback edges (``a << b``, delivered one step later). It
    has four components: feedforward inputs, feedback inputs, a state and an
    output. Shapes carry the batch axis first, written ``None``:
    ``output_shape == (None, 100)``.

    Subclasses implement :meth:`init_ff` (create parameters, call
    :meth:`set_output_shape`) and :meth:`forward`; recurrent nodes add
    :meth:`init_state`; nodes receiving feedback add :meth:`init_fb` and a
    ``fb`` argument of ``forward``.

    Parameters
    ----------
    name : str, optional
        The unique name. Default ``ClassName<k>``.
    input_shape : int or tuple of int, optional
        The shape of the (one) feedforward input without the batch axis.
        Needed when the node is used alone; inferred in networks.
    trainable : bool
        Whether the node's parameters are ``bm.TrainVar`` (trainable) or
        plain ``JaxArray``. Default False.

    Attributes
    ----------
    feedforward_shapes, feedback_shapes : tuple of shapes or None
    output_shape : tuple or None
    state : bm.Variable or None
        The state (batch axis first); None for stateless nodes.
    fb_output : bm.Variable or None
        The output sent through feedback edges (one step delayed); None when
        the node sends no feedback.
    data_pass : DataType
        How ``forward`` receives several inputs (default: a list, ``PASS_SEQUENCE``).
    """

    data_pass: DataType = MultipleData("sequence")
    #: Built-in nodes show only their name and shapes.
    _short_repr: bool = False

    def __init__(self, name: str | None = None, input_shape: Any = None, trainable: bool = False) -> None:
        super().__init__(name=name)
        self.trainable = bool(trainable)
        self.state = None
        self.fb_output = None
        self._feedforward_shapes: tuple | None = None
        self._feedback_shapes: tuple | None = None
        self._output_shape: tuple | None = None
        self._ff_names: tuple[str, ...] = ()
        self._fb_names: tuple[str, ...] = ()
        self._is_ff_initialized = False
        self._is_fb_initialized = False
        self._is_state_initialized = False
        if input_shape is not None:
            self.set_feedforward_shapes({"input": (None,) + to_size(input_shape)})

    # ------------------------------------------------------------------ shapes
    @property
    def feedforward_shapes(self) -> tuple | None:
        """The shapes of the feedforward inputs (batch axis ``None`` first)."""
        return self._feedforward_shapes

    @property
    def feedback_shapes(self) -> tuple | None:
        """The shapes of the feedback inputs, or None without feedback."""
        return self._feedback_shapes

    @property
    def output_shape(self) -> tuple | None:
        """The output shape (batch axis ``None`` first), or None before it is known."""
        return self._output_shape

    def set_output_shape(self, shape: Sequence[Any]) -> None:
        """Set the output shape; the first axis is the batch axis."""
        shape = _shape_tuple(shape)
        self._output_shape = (None,) + shape[1:] if len(shape) else shape

    def _set_shapes(self, kind: str, shapes: Any) -> tuple[tuple, tuple]:
        if isinstance(shapes, Mapping):
            names, values = tuple(shapes.keys()), tuple(_shape_tuple(s) for s in shapes.values())
        else:
            values = tuple(_shape_tuple(s) for s in shapes)
            names = tuple(f"{kind}{i}" for i in range(len(values)))
        for s in values:
            if len(s) == 0:
                raise ModelBuildError(f"{self.name} got a scalar {kind} shape; shapes need a batch axis first.")
        return names, tuple((None,) + s[1:] for s in values)

    def set_feedforward_shapes(self, shapes: Any) -> None:
        """Set the feedforward input shapes (a sequence, or a dict ``sender name -> shape``)."""
        names, values = self._set_shapes("ff", shapes)
        if self._is_ff_initialized and values != self._feedforward_shapes:
            raise ModelBuildError(
                f"{self.name} was initialized for feedforward inputs of shapes {self._feedforward_shapes}, "
                f"but now receives {values}. Create a new node for the new input shapes."
            )
        self.data_pass.check_num(self, len(values))
        self._feedforward_shapes, self._ff_names = values, names

    def set_feedback_shapes(self, shapes: Any) -> None:
        """Set the feedback input shapes (a sequence, or a dict ``sender name -> shape``)."""
        names, values = self._set_shapes("fb", shapes)
        if self._is_fb_initialized and values != self._feedback_shapes:
            raise ModelBuildError(
                f"{self.name} was initialized for feedback inputs of shapes {self._feedback_shapes}, "
                f"but now receives {values}. Create a new node for the new feedback shapes."
            )
        self._feedback_shapes, self._fb_names = (values, names) if len(values) else (None, ())

    # ----------------------------------------------------------------- queries
    @property
    def support_feedback(self) -> bool:
        """Whether :meth:`forward` takes a ``fb`` argument (feedback inputs)."""
        cls = type(self)
        if cls not in _FB_SUPPORT:
            _FB_SUPPORT[cls] = "fb" in inspect.signature(cls.forward).parameters
        return _FB_SUPPORT[cls]

    @property
    def is_initialized(self) -> bool:
        """Whether :meth:`initialize` has created the parameters and the state."""
        return self._is_ff_initialized and self._is_state_initialized

    @property
    def is_ff_initialized(self) -> bool:
        return self._is_ff_initialized

    @property
    def is_fb_initialized(self) -> bool:
        return self._is_fb_initialized

    @property
    def is_state_initialized(self) -> bool:
        return self._is_state_initialized

    # ---------------------------------------------------------- initialization
    def init_ff(self) -> None:
        """Create the feedforward parameters from :attr:`feedforward_shapes` and set the output shape."""
        raise NoImplementationError(
            f"{type(self).__name__} must implement init_ff(): create its parameters from "
            f"self.feedforward_shapes and call self.set_output_shape(...)."
        )

    def init_fb(self) -> None:
        """Create the feedback parameters from :attr:`feedback_shapes`."""
        raise NoImplementationError(f"{type(self).__name__} receives feedback, so it must implement init_fb().")

    def init_state(self, num_batch: int = 1) -> None:
        """Create the state for ``num_batch`` samples (stateless nodes do nothing)."""

    def set_state(self, state: Any) -> None:
        r"""Set the state, creating the ``bm.Variable`` on first use.

        A state of a new batch size replaces the data of the same Variable.
        """
        import brainpy.math as bm

        value = bm.as_jax(state)
        if self.state is None:
            self.state = bm.Variable(value)
        elif tuple(self.state.shape) == tuple(value.shape):
            self.state.value = value.astype(self.state.dtype)
        else:
            self.state._value = value
        self._is_state_initialized = True

    def init_fb_output(self, num_batch: int = 1) -> None:
        """Create :attr:`fb_output` (zeros) for a node that sends feedback."""
        import brainpy.math as bm

        if self._output_shape is None:
            raise ModelBuildError(f"{self.name} sends feedback, but its output shape is unknown.")
        value = bm.zeros((num_batch,) + tuple(self._output_shape[1:]), dtype=bm.get_dfloat())
        if self.fb_output is None:
            self.fb_output = bm.Variable(value)
        else:
            self.fb_output._value = bm.as_jax(value)

    def _init_ff_once(self) -> None:
        if self._is_ff_initialized:
            return
        if self._feedforward_shapes is None:
            raise ModelBuildError(
                f"Cannot infer the input shape of {self.name}. Give it input_shape=..., or connect an "
                f"input node to it (bp.nn.Input(shape) >> node)."
            )
        self.init_ff()
        self._is_ff_initialized = True

    def _init_fb_once(self) -> None:
        if self._is_fb_initialized or self._feedback_shapes is None:
            return
        self.init_fb()
        self._is_fb_initialized = True

    def initialize(self, num_batch: int = 1) -> None:
        r"""Initialize the node: parameters (once), then the state for ``num_batch`` samples.

        Calling it again keeps the parameters and only re-creates the state
        (for example with another batch size).

        Parameters
        ----------
        num_batch : int
            The batch size. Default 1.
        """
        num_batch = _check_batch(num_batch)
        self._init_ff_once()
        self._init_fb_once()
        self.init_state(num_batch)
        self._is_state_initialized = True

    # ------------------------------------------------------------------ calling
    def forward(self, ff: Any, **shared_kwargs: Any) -> Any:
        """Compute the output of one step from the feedforward inputs ``ff``."""
        raise NoImplementationError(f"{type(self).__name__} must implement forward(ff, **shared_kwargs).")

    def _call(self, ff: Sequence[Any], fb: Sequence[Any] | None, **shared_kwargs: Any) -> Any:
        ff_names = self._ff_names if len(self._ff_names) == len(ff) else tuple(f"ff{i}" for i in range(len(ff)))
        packed = self.data_pass.pack(self, ff_names, ff)
        if fb is not None and len(fb):
            fb_names = self._fb_names if len(self._fb_names) == len(fb) else tuple(f"fb{i}" for i in range(len(fb)))
            return self.forward(packed, fb=self.data_pass.pack(self, fb_names, fb), **shared_kwargs)
        return self.forward(packed, **shared_kwargs)

    def __call__(
        self,
        ff: Any,
        fb: Any = None,
        forced_states: Any = None,
        forced_feedbacks: Any = None,
        monitors: Any = None,
        **shared_kwargs: Any,
    ) -> Any:
        r"""Run one step: the output for the feedforward input ``ff``.

        Parameters
        ----------
        ff : tensor, list of tensors or dict
            The feedforward input(s), batch axis first.
        fb : tensor, list of tensors or dict, optional
            Feedback inputs (only for nodes that support feedback).
        forced_states : tensor, optional
            A value that replaces :attr:`state` before the step.
        **shared_kwargs
            Passed to :meth:`forward` (e.g. ``train=False``).
        """
        if not self.is_initialized:
            raise ModelBuildError(f"{self.name} is not initialized. Call {self.name}.initialize(num_batch) first.")
        if forced_states is not None and self.state is not None:
            self.state.value = forced_states
        ffs = _as_list(ff)
        self._check_ff(ffs)
        fbs = None if fb is None else _as_list(fb)
        out = self._call(ffs, fbs, **shared_kwargs)
        if self.fb_output is not None:
            self.fb_output.value = out
        return out

    def _check_ff(self, ffs: Sequence[Any]) -> None:
        shapes = self._feedforward_shapes or ()
        if len(shapes) != len(ffs):
            return
        for x, s in zip(ffs, shapes):
            xs = tuple(getattr(x, "shape", ()))
            if len(xs) != len(s) or any(a is not None and a != b for a, b in zip(s[1:], xs[1:])):
                raise InvalidArgumentError(
                    f"{self.name} expects inputs of shape {s} (batch axis first), but got shape {xs}."
                )

    # ------------------------------------------------------------- training
    def offline_init(self) -> None:
        """Prepare offline training (nodes that support it override this)."""

    def offline_fit(self, target: Any, ffs: Any, fbs: Any = None) -> None:
        """Fit the node's parameters at once; implemented by trainable readouts."""
        raise NoImplementationError(f"{type(self).__name__} does not support offline training.")

    def online_init(self) -> None:
        """Prepare online training (nodes that support it override this)."""

    def online_fit(self, target: Any, ff: Any, fb: Any = None) -> None:
        """Update the node's parameters from one step; implemented by trainable readouts."""
        raise NoImplementationError(f"{type(self).__name__} does not support online training.")

    # ------------------------------------------------------------- operators
    def __rshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import ff_connect

        return ff_connect(self, other)

    def __rrshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import ff_connect

        return ff_connect(other, self)

    def __irshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import ff_connect

        return ff_connect(self, other, inplace=True)

    def __lshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import fb_connect

        return fb_connect(other, self)

    def __rlshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import fb_connect

        return fb_connect(self, other)

    def __ilshift__(self, other: Any) -> Any:
        from brainpy.nn._operations import fb_connect

        return fb_connect(other, self, inplace=True)

    def __and__(self, other: Any) -> Any:
        from brainpy.nn._operations import merge

        return merge(self, other)

    def __rand__(self, other: Any) -> Any:
        from brainpy.nn._operations import merge

        return merge(other, self)

    def __iand__(self, other: Any) -> Any:
        from brainpy.nn._operations import merge

        return merge(self, other, inplace=True)

    def __getitem__(self, index: Any) -> Any:
        from brainpy.nn._operations import select

        return select(self, index)

    # ------------------------------------------------------------------ repr
    def _repr_shapes(self) -> str:
        return f"forwards={self._feedforward_shapes}, feedbacks={self._feedback_shapes}, output={self._output_shape}"

    def __repr__(self) -> str:
        if self._short_repr:
            return f"{type(self).__name__}(name={self.name}, {self._repr_shapes()})"
        return (
            f"{type(self).__name__}(name={self.name}, trainable={self.trainable}, {self._repr_shapes()}, "
            f"support_feedback={self.support_feedback}, data_pass_type={self.data_pass!r})"
        )


class RecurrentNode(Node):
    r"""Basic class for recurrent node: a node with its own state and a self-connection.

    Parameters
    ----------
    name, input_shape, trainable
        As :class:`Node` (recurrent nodes are trainable by default).
    state_trainable : bool
        If True, the node gets :attr:`train_state`, a ``bm.TrainVar`` without
        batch axis, and :meth:`init_state` fills every row of :attr:`state` with it.
    """

    def __init__(
        self, name: str | None = None, input_shape: Any = None, trainable: bool = True, state_trainable: bool = False
    ) -> None:
        super().__init__(name=name, input_shape=input_shape, trainable=trainable)
        self.state_trainable = bool(state_trainable)
        self.train_state = None

    def make_train_state(self, initializer: Any, size: Sequence[int]) -> None:
        """Create :attr:`train_state` (once) from ``initializer`` when ``state_trainable``."""
        import brainpy.math as bm

        if self.state_trainable and self.train_state is None:
            self.train_state = bm.TrainVar(init_param(initializer, tuple(size)))

    def init_state_from(self, initializer: Any, size: Sequence[int], num_batch: int) -> None:
        """Set the state: rows of :attr:`train_state`, or ``initializer`` of shape ``(num_batch,) + size``."""
        import brainpy.math as bm

        size = tuple(size)
        if self.state_trainable:
            self.make_train_state(initializer, size)
            value = bm.broadcast_to(bm.as_jax(self.train_state)[None], (num_batch,) + size)
        else:
            value = init_param(initializer, (num_batch,) + size)
        self.set_state(value)


def _as_list(x: Any) -> list:
    if isinstance(x, Mapping):
        return list(x.values())
    if isinstance(x, (list, tuple)):
        return list(x)
    return [x]


def _check_batch(num_batch: Any) -> int:
    if isinstance(num_batch, bool) or not isinstance(num_batch, int) or num_batch < 1:
        raise ModelBuildError(f"num_batch must be a positive int, but got {num_batch!r}.")
    return num_batch
