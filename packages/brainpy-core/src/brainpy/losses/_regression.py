r"""Regression losses: absolute, squared, Huber and logarithmic errors, and the L2 norm.

Every function accepts JAX arrays, NumPy arrays, :class:`brainpy.math.JaxArray` and
:class:`brainpy.math.Variable`; the element-wise and mean losses also accept pytrees
(dicts, lists, tuples) of arrays with the same structure. They return JAX arrays.
"""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.losses._utils import as_tree, check_reduction, is_leaf, reduce, tree_map2, tree_sum, unwrap

__all__ = [
    "l1_loss",
    "l1_loos",
    "l2_loss",
    "l2_norm",
    "huber_loss",
    "mean_absolute_error",
    "mean_squared_error",
    "mean_squared_log_error",
]


def l1_loss(logits: Any, targets: Any, reduction: str = "sum") -> Any:
    r"""Creates a criterion that measures the mean absolute error (MAE) between each element in
    the logits :math:`x` and targets :math:`y`.

    The first axis indexes samples. Each sample's error is the L1 norm of its difference,

    .. math:: \ell_n = \lVert x_n - y_n \rVert_1 = \sum_k \lvert x_{n,k} - y_{n,k} \rvert,

    and the per-sample errors :math:`\ell = (\ell_1, \dots, \ell_N)` are reduced with
    ``reduction``: ``'sum'`` gives :math:`\sum_n \ell_n`, ``'mean'`` gives
    :math:`\frac{1}{N}\sum_n \ell_n`, ``'none'`` returns :math:`\ell`.

    ``l1_loos`` (the spelling of BrainPy 2.1) is the same function.

    Parameters
    ----------
    logits : ArrayType
        Predictions, shape ``(N, ...)``.
    targets : ArrayType
        Targets, the same shape as ``logits``.
    reduction : str
        ``'sum'`` (default), ``'mean'`` or ``'none'``.

    Returns
    -------
    jax.Array
        A scalar, or the ``(N,)`` per-sample errors for ``reduction='none'``.

    Raises
    ------
    brainpy.errors.UnsupportedError
        If ``reduction`` is not one of the three choices.

    Examples
    --------
    >>> import brainpy as bp
    >>> float(bp.losses.l1_loss([[1., 2.], [3., 4.]], [[0., 0.], [3., 5.]]))
    4.0
    """
    check_reduction(reduction)
    diff = unwrap(logits) - unwrap(targets)
    diff = diff.reshape((diff.shape[0] if diff.ndim else 1, -1))
    return reduce(jnp.sum(jnp.abs(diff), axis=1), reduction)


#: The name used by BrainPy 2.1 (sic); the same function as :func:`l1_loss`.
l1_loos = l1_loss


def l2_loss(predicts: Any, targets: Any) -> Any:
    r"""Computes the L2 loss.

    The element-wise half squared error,

    .. math:: \ell_i = \tfrac{1}{2}\,(p_i - t_i)^2,

    is returned unreduced (with the same structure as the inputs), so that
    ``l2_loss(p, t).mean()`` or ``.sum()`` picks the reduction. The factor
    :math:`\tfrac12` makes the gradient :math:`p_i - t_i`.

    Parameters
    ----------
    predicts : ArrayType or pytree of ArrayType
        Predictions.
    targets : ArrayType or pytree of ArrayType
        Targets, the same shape (and structure) as ``predicts``.

    Returns
    -------
    jax.Array or pytree
        The element-wise losses.

    References
    ----------
    .. [1] Bishop, C. M. (2006). Pattern Recognition and Machine Learning, Sec. 1.5.5. Springer.
    """
    return tree_map2(lambda p, t: 0.5 * (p - t) ** 2, predicts, targets)


def l2_norm(x: Any) -> Any:
    r"""Computes the L2 loss.

    The Euclidean norm of all entries of an array or of a whole pytree,

    .. math:: \lVert x \rVert_2 = \sqrt{\sum_{\text{leaves } l} \sum_i x_{l,i}^2},

    as used for weight regularisation: ``bp.losses.l2_norm(model.train_vars().unique().dict()) ** 2``.

    Parameters
    ----------
    x : ArrayType or pytree of ArrayType
        An array, or a dict/list/tuple of arrays (for example the train variables of a model).

    Returns
    -------
    jax.Array
        A scalar.

    Examples
    --------
    >>> import brainpy as bp
    >>> float(bp.losses.l2_norm({'a': [3.], 'b': [[4.]]}))
    5.0
    """
    leaves = jax.tree_util.tree_leaves(as_tree(x), is_leaf=is_leaf)
    squares = [jnp.sum(jnp.real(jnp.conj(v) * v)) for v in map(unwrap, leaves)]
    total = squares[0] if squares else jnp.asarray(0.0)
    for s in squares[1:]:
        total = total + s
    return jnp.sqrt(total)


def huber_loss(predicts: Any, targets: Any, delta: float = 1.0) -> Any:
    r"""Huber loss.

    Quadratic for small errors and linear for large ones, which makes it robust to outliers.
    Element-wise, with :math:`e = \lvert p - t \rvert`,

    .. math::

        \ell_\delta(e) = \begin{cases}
            \tfrac12 e^2, & e \le \delta, \\
            \delta\,(e - \tfrac12 \delta), & e > \delta .
        \end{cases}

    Parameters
    ----------
    predicts : ArrayType or pytree of ArrayType
        Predictions.
    targets : ArrayType or pytree of ArrayType
        Targets, the same shape (and structure) as ``predicts``.
    delta : float
        The error at which the loss turns from quadratic to linear. Default 1.

    Returns
    -------
    jax.Array or pytree
        The element-wise losses (unreduced).

    References
    ----------
    .. [1] Huber, P. J. (1964). Robust estimation of a location parameter. The Annals of
           Mathematical Statistics 35(1), 73-101. https://doi.org/10.1214/aoms/1177703732
    """

    def loss(p: Any, t: Any) -> Any:
        e = jnp.abs(p - t)
        return jnp.where(e > delta, delta * (e - 0.5 * delta), 0.5 * e**2)

    return tree_map2(loss, predicts, targets)


def _mean_loss(f: Any, x: Any, y: Any, axis: Any) -> Any:
    return tree_sum(tree_map2(lambda a, b: jnp.mean(f(a, b), axis=axis), x, y))


def mean_absolute_error(x: Any, y: Any, axis: int | tuple[int, ...] | None = None) -> Any:
    r"""Computes the mean absolute error between x and y.

    .. math:: \mathrm{MAE}(x, y) = \frac{1}{n} \sum_{i=1}^{n} \lvert x_i - y_i \rvert

    For pytrees, the means of the leaves are added up.

    Parameters
    ----------
    x : ArrayType or pytree of ArrayType
        Predictions.
    y : ArrayType or pytree of ArrayType
        Targets, the same shape (and structure) as ``x``.
    axis : int or tuple of int, optional
        Axes to average over; all of them by default.

    Returns
    -------
    jax.Array
        The error (a scalar when ``axis`` is ``None``).
    """
    return _mean_loss(lambda a, b: jnp.abs(a - b), x, y, axis)


def mean_squared_error(predicts: Any, targets: Any, axis: int | tuple[int, ...] | None = None) -> Any:
    r"""Computes the mean squared error between x and y.

    .. math:: \mathrm{MSE}(p, t) = \frac{1}{n} \sum_{i=1}^{n} (p_i - t_i)^2

    For pytrees, the means of the leaves are added up.

    Parameters
    ----------
    predicts : ArrayType or pytree of ArrayType
        Predictions.
    targets : ArrayType or pytree of ArrayType
        Targets, the same shape (and structure) as ``predicts``.
    axis : int or tuple of int, optional
        Axes to average over; all of them by default.

    Returns
    -------
    jax.Array
        The error (a scalar when ``axis`` is ``None``).

    Examples
    --------
    >>> import brainpy as bp
    >>> float(bp.losses.mean_squared_error([1., 2., 3.], [1., 2., 6.]))
    3.0
    """
    return _mean_loss(lambda a, b: (a - b) ** 2, predicts, targets, axis)


def mean_squared_log_error(y_true: Any, y_pred: Any, axis: int | tuple[int, ...] | None = None) -> Any:
    r"""Computes the mean squared logarithmic error between y_true and y_pred.

    .. math:: \mathrm{MSLE}(y, \hat y) = \frac{1}{n} \sum_{i=1}^{n} \big(\log(1 + y_i) - \log(1 + \hat y_i)\big)^2

    It compares relative rather than absolute errors; the inputs must exceed -1.
    For pytrees, the means of the leaves are added up.

    Parameters
    ----------
    y_true : ArrayType or pytree of ArrayType
        Targets.
    y_pred : ArrayType or pytree of ArrayType
        Predictions, the same shape (and structure) as ``y_true``.
    axis : int or tuple of int, optional
        Axes to average over; all of them by default.

    Returns
    -------
    jax.Array
        The error (a scalar when ``axis`` is ``None``).
    """
    return _mean_loss(lambda a, b: (jnp.log1p(a) - jnp.log1p(b)) ** 2, y_true, y_pred, axis)
