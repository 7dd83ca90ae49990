"""Command line: ``python -m brainpy plugins`` lists registered plugins."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the ``brainpy`` command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m brainpy", description="BrainPy toolkit utilities.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("plugins", help="list the registered plugins: kind, name, distribution, version")
    sub.add_parser("version", help="print the versions of the installed brainpy distributions")
    args = parser.parse_args(argv)
    if args.command == "plugins":
        import brainpy.plugins

        print(brainpy.plugins.format_info())
        print()
        print("plugins: " + ", ".join(f"{o.plugin}-{o.distribution}-{o.version}" for o in brainpy.plugins.plugins()))
    else:
        from brainpy.plugins import FIRST_PARTY

        try:
            import importlib_metadata as metadata
        except ImportError:  # pragma: no cover
            from importlib import metadata  # type: ignore[no-redef]
        for dist in FIRST_PARTY:
            try:
                print(f"{dist} {metadata.version(dist)}")
            except metadata.PackageNotFoundError:
                print(f"{dist} (not installed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
