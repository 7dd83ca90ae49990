r"""``brainpy.check``: the switch for optional numerical checking.

When checking is on (the default), toolkit functions may run extra validation
of their inputs and results (for example, NaN detection in runners). Turning it
off trades these checks for speed.

Examples
--------
>>> import brainpy as bp
>>> bp.check.is_checking()
True
>>> bp.check.turn_off()
>>> bp.check.is_checking()
False
>>> bp.check.turn_on()
"""

from __future__ import annotations

__all__ = ["is_checking", "turn_on", "turn_off"]


class _CheckState:
    """Holds the one flag (an object attribute, so no ``global`` statement is needed)."""

    __slots__ = ("enabled",)

    def __init__(self) -> None:
        self.enabled = True


_STATE = _CheckState()


def is_checking() -> bool:
    r"""Whether optional numerical checking is turned on."""
    return _STATE.enabled


def turn_on() -> None:
    r"""Turn optional numerical checking on."""
    _STATE.enabled = True


def turn_off() -> None:
    r"""Turn optional numerical checking off."""
    _STATE.enabled = False
