r"""Classification losses."""

from __future__ import annotations

from typing import Any

import jax
import jax.numpy as jnp

from brainpy.errors import MathError
from brainpy.losses._utils import check_reduction, reduce, unwrap

__all__ = ["cross_entropy_loss"]


def cross_entropy_loss(logits: Any, targets: Any, weight: Any = None, reduction: str = "mean") -> Any:
    r"""This criterion combines ``LogSoftmax`` and ``NLLLoss`` in one single function.

    For logits :math:`x_n \in \mathbb{R}^C` of sample :math:`n` and a target given either as a
    class index :math:`y_n` or as a distribution :math:`t_n` over the :math:`C` classes
    (one-hot or soft labels), the per-sample loss is

    .. math::

        \ell_n = -\sum_{c=1}^{C} w_c\, t_{n,c} \log \frac{\exp(x_{n,c})}{\sum_{k} \exp(x_{n,k})}
               = \sum_{c} w_c\, t_{n,c} \Big(\log\sum_k e^{x_{n,k}} - x_{n,c}\Big),

    with :math:`t_{n,c} = \delta_{c, y_n}` for class indices and :math:`w_c = 1` without
    ``weight``. ``reduction='mean'`` divides :math:`\sum_n \ell_n` by :math:`N`, or, for
    class-index targets with ``weight``, by :math:`\sum_n w_{y_n}` (a weighted mean);
    ``'sum'`` adds the :math:`\ell_n` and ``'none'`` returns them.

    Parameters
    ----------
    logits : ArrayType
        Unnormalised scores, shape ``(..., C)``.
    targets : ArrayType
        Class indices of shape ``(...)`` (integers in ``[0, C)``), or probabilities of shape
        ``(..., C)``.
    weight : ArrayType, optional
        A manual rescaling weight for each class, shape ``(C,)``.
    reduction : str
        ``'mean'`` (default), ``'sum'`` or ``'none'``.

    Returns
    -------
    jax.Array
        A scalar, or the per-sample losses for ``reduction='none'``.

    Raises
    ------
    brainpy.errors.UnsupportedError
        If ``reduction`` is unknown.
    brainpy.errors.MathError
        If the shapes of ``logits``, ``targets`` and ``weight`` do not fit together.

    Examples
    --------
    >>> import brainpy as bp
    >>> round(float(bp.losses.cross_entropy_loss([[0., 0.]], [1])), 6)   # log 2
    0.693147

    References
    ----------
    .. [1] Bishop, C. M. (2006). Pattern Recognition and Machine Learning, Sec. 4.3.4. Springer.
    """
    check_reduction(reduction)
    logits = unwrap(logits)
    targets = unwrap(targets)
    num_classes = logits.shape[-1] if logits.ndim else 0
    indexed = targets.ndim + 1 == logits.ndim
    if not indexed and targets.shape != logits.shape:
        raise MathError(
            f"cross_entropy_loss got logits of shape {logits.shape} and targets of shape {targets.shape}. "
            f"Expected class indices of shape {logits.shape[:-1]} or probabilities of shape {logits.shape}."
        )
    w = None if weight is None else unwrap(weight)
    if w is not None and w.shape != (num_classes,):
        raise MathError(
            f"cross_entropy_loss got weight of shape {w.shape}; expected one weight per class, shape ({num_classes},)."
        )
    log_probs = logits - jax.scipy.special.logsumexp(logits, axis=-1, keepdims=True)
    if indexed:
        idx = targets.astype(jnp.int32)
        loss = -jnp.take_along_axis(log_probs, idx[..., None], axis=-1)[..., 0]
        if w is not None:
            sample_w = w[idx]
            loss = loss * sample_w
            if reduction == "mean":
                return jnp.sum(loss) / jnp.sum(sample_w)
    else:
        scaled = targets if w is None else targets * w
        loss = -jnp.sum(scaled * log_probs, axis=-1)
    return reduce(loss, reduction)
