"""The tutorial pages (``docs/tutorials/*.md``) run as written.

Every ```` ```python ```` block of a page runs, in order, in one fresh namespace, as a reader
pasting them one after another would. The numbers a page promises are ``assert`` statements
inside its snippets, so a reader sees them and this test checks them. One test per page.
Executing the documentation's own snippets is the point of this test; library code never execs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _repo import ROOT

TUTORIALS = ROOT / "docs" / "tutorials"
PAGES = sorted(TUTORIALS.glob("*.md"))
_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})python\s*$")


def python_blocks(page: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(first line number, source)`` for each ```` ```python ```` block of a MyST page."""
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opened = _FENCE_OPEN.match(lines[i].strip())
        if not opened:
            i += 1
            continue
        fence, start, body = opened.group(1), i + 2, []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise AssertionError(f"{page.name}:{start - 1}: the ```python block is never closed")
        yield start, "\n".join(body) + "\n"
        i += 1


def test_every_page_has_code_and_is_in_the_toctree():
    assert PAGES, f"no tutorial pages under {TUTORIALS}"
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in PAGES:
        blocks = list(python_blocks(page))
        assert blocks, f"{page.name} has no ```python blocks"
        assert any("assert " in src for _, src in blocks), f"{page.name} states no checked numbers"
        assert f"tutorials/{page.stem}" in index, f"{page.name} is missing from the toctree of docs/index.md"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_tutorial_page_runs(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MPLBACKEND", "Agg")
    import matplotlib

    matplotlib.use("Agg")
    import brainpy as bp
    import matplotlib.pyplot as plt

    bp.clear_name_cache()
    namespace: dict = {"__name__": f"tutorial_{page.stem}"}
    try:
        for line, source in python_blocks(page):
            # The file name and line padding make a traceback point at the page and its line.
            code = compile("\n" * (line - 1) + source, str(page.relative_to(ROOT)), "exec")
            exec(code, namespace)  # noqa: S102 -- running the documentation's own snippets
    finally:
        plt.close("all")
        bp.clear_name_cache()
