"""Sphinx configuration of the BrainPy toolkit documentation (built by ``nox -s docs``)."""

from __future__ import annotations

project = "BrainPy toolkit"
author = "The BrainPy toolkit developers"
copyright = "2026, " + author

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
myst_enable_extensions = ["colon_fence", "dollarmath"]
exclude_patterns = ["_build"]

napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_rtype = False
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "description"
# The same classes are re-exported under several public paths (bp.Base and brainpy.base.Base);
# each is documented on one page only (the ``:no-index:`` pages below), so cross-references stay unique.
suppress_warnings = ["myst.header"]
nitpicky = False

html_theme = "alabaster"
html_title = project
