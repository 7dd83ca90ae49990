"""The pluggy markers of project ``brainpy``, created once."""

import pluggy

PROJECT = "brainpy"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
