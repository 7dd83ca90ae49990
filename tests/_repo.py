"""Facts about the repository's layout, shared by the repository-level tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / "packages"

#: distribution -> the distributions its source may import (design.md, "Layering rules")
ALLOWED = {
    "brainpy-core": {"brainpy-core"},
    "brainpy-integrators": {"brainpy-core", "brainpy-integrators"},
    "brainpy-dyn": {"brainpy-core", "brainpy-integrators", "brainpy-dyn"},
    "brainpy-nn": {"brainpy-core", "brainpy-integrators", "brainpy-nn"},
    "brainpy-analysis": {"brainpy-core", "brainpy-integrators", "brainpy-dyn", "brainpy-analysis"},
    "brainpy-ops": {"brainpy-core", "brainpy-ops"},
}


def owner(module: str) -> str | None:
    """The distribution that ships ``module`` (a dotted import path), or None if not ours."""
    if module == "brainpy_ops" or module.startswith("brainpy_ops."):
        return "brainpy-ops"
    parts = module.split(".")
    if parts[0] != "brainpy":
        return None
    if len(parts) == 1:
        return "brainpy-core"
    for dist_dir in PACKAGES.iterdir():
        if (dist_dir / "src" / "brainpy" / parts[1]).is_dir() or (
            dist_dir / "src" / "brainpy" / f"{parts[1]}.py"
        ).is_file():
            return dist_dir.name
    return None


def source_files(dist: str) -> list[Path]:
    """Every Python file shipped by ``dist``."""
    return sorted((PACKAGES / dist / "src").rglob("*.py"))
