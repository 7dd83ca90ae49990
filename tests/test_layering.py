"""design.md's layering rules and style.md's source rules, enforced from the source."""

from __future__ import annotations

import ast

import pytest
from _repo import ALLOWED, PACKAGES, owner, source_files
from brainpy._lazy import LAZY_SUBPACKAGES


def _imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:  # ``from brainpy import dyn``
                if node.module == "brainpy":
                    yield node.lineno, f"brainpy.{alias.name}"


def _lazy_attribute_uses(path):
    """``bp.dyn`` / ``brainpy.nn`` style attribute access, which imports a distribution lazily."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id in ("bp", "brainpy") and node.attr in LAZY_SUBPACKAGES:
                yield node.lineno, LAZY_SUBPACKAGES[node.attr][0]


@pytest.mark.parametrize("dist", sorted(ALLOWED))
def test_imports_go_down_the_layers(dist):
    bad = []
    for path in source_files(dist):
        for lineno, module in [*_imports(path), *_lazy_attribute_uses(path)]:
            target = owner(module)
            if target is not None and target not in ALLOWED[dist]:
                bad.append(f"{path.relative_to(PACKAGES)}:{lineno} imports {module} ({target})")
    assert not bad, f"{dist} may import only {sorted(ALLOWED[dist])}:\n" + "\n".join(bad)


def test_owner_mapping_knows_every_subpackage():
    assert owner("brainpy.math") == "brainpy-core"
    assert owner("brainpy.dyn.neurons") == "brainpy-dyn"
    assert owner("brainpy.datasets") == "brainpy-integrators"
    assert owner("brainpy_ops._plugin") == "brainpy-ops"
    assert owner("brainpy.compat.models") == "brainpy-dyn"  # not brainpy-core's private brainpy._compat
    assert owner("brainpy.math.compat") == "brainpy-core"
    assert owner("numpy") is None


@pytest.mark.parametrize("name", sorted(LAZY_SUBPACKAGES))
def test_lazy_subpackages_name_their_owner(name):
    """``bp.<name>`` reports the distribution that really ships the module (its error names it)."""
    module, dist = LAZY_SUBPACKAGES[name]
    assert owner(module) == dist, f"bp.{name} -> {module} is shipped by {owner(module)}, not {dist}"


def test_only_core_ships_the_namespace_root():
    roots = sorted(p.relative_to(PACKAGES).parts[0] for p in PACKAGES.glob("*/src/brainpy/__init__.py"))
    assert roots == ["brainpy-core"]


@pytest.mark.parametrize("dist", sorted(ALLOWED))
def test_source_rules(dist):
    """No exec/eval, no global statement, modules under the 600-line ceiling."""
    problems = []
    for path in source_files(dist):
        text = path.read_text()
        n = text.count("\n")
        if n > 600:
            problems.append(f"{path.name}: {n} lines (> 600)")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Global):
                problems.append(f"{path.name}:{node.lineno}: global statement")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("exec", "eval"):
                problems.append(f"{path.name}:{node.lineno}: {node.func.id}()")
    assert not problems, "\n".join(problems)


def test_each_distribution_has_its_metadata():
    for dist in ALLOWED:
        d = PACKAGES / dist
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
            assert (d / name).is_file(), f"{dist} lacks {name}"
        assert (d / "tests").is_dir()
