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
# A docstring may list a reference without citing it in the text.
suppress_warnings = ["myst.header", "ref.citation"]
nitpicky = False

html_theme = "alabaster"
html_title = project

# "Attributes" sections become :ivar: fields, so a documented property is not described twice.
napoleon_use_ivar = True

import re  # noqa: E402

_CITATION = re.compile(r"\.\. \[(\d+)\]")
_CITE_REF = re.compile(r"\[(\d+)\]_")


def _unique_citations(app, what, name, obj, options, lines):
    """Prefix the numbered references of each docstring (``.. [1]``) with the object's name.

    NumPy-style docstrings number their references from 1; on a page holding several models the
    labels would clash ("Duplicate explicit target name"). ``[1]`` of ``HH`` becomes ``[HH-xxxx-1]``,
    ``xxxx`` a short hash of the full name (two models may share a short name).
    """
    import hashlib

    short = re.sub(r"[^A-Za-z0-9]+", "-", name.rsplit(".", 1)[-1]).strip("-") or "ref"
    prefix = f"{short}-{hashlib.md5(name.encode()).hexdigest()[:4]}"
    for i, line in enumerate(lines):
        line = _CITATION.sub(lambda m: f".. [{prefix}-{m.group(1)}]", line)
        lines[i] = _CITE_REF.sub(lambda m: f"[{prefix}-{m.group(1)}]_", line)


def setup(app):
    app.connect("autodoc-process-docstring", _unique_citations, priority=600)
