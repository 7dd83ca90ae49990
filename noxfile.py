"""Development sessions: ``python3 -m nox -s <name>`` (``nox -l`` lists them).

* ``tests-<dist>``: one distribution's tests in a venv holding only that distribution, what it
  declares (with its extras) and the test tools, so an undeclared dependency fails.
* ``tests_all``: everything installed together, the example plugin included; every test of the
  repository. This is what CI runs (through ``.ci/run``).
* ``plugin``: the example plugin's tests against core + integrators + dyn + ops.
* ``lint``, ``demo``, ``bench``, ``docs``.

Virtual environments are reused between runs (``reuse_venv``), so a second run starts fast.
Our distributions are always installed from their local paths in ONE pip call, so the resolver
never substitutes the unrelated ``brainpy``/``brainpy-core`` releases on the package index.
"""

from __future__ import annotations

import nox

nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests_all"]

DISTS = ("core", "integrators", "dyn", "nn", "analysis", "ops")
#: distribution -> the first-party distributions it needs, and its extras
NEEDS = {
    "core": ((), "h5,mat,progress"),
    "integrators": (("core",), "progress"),
    "dyn": (("core", "integrators"), "plot,progress"),
    "nn": (("core", "integrators"), "graph,progress"),
    "analysis": (("core", "integrators", "dyn"), "plot"),
    "ops": (("core",), ""),
}
# optax: the spec's interoperation cell (brainpy-core test_optax_interop.py) uses it
TEST_TOOLS = ("pytest>=8", "hypothesis>=6", "pytest-xdist>=3", "optax>=0.2")
PLUGIN = "examples/plugins/brainpy-plugin-example"


def _path(dist: str, extras: str = "") -> str:
    return f"./packages/brainpy-{dist}" + (f"[{extras}]" if extras else "")


def _editable(*specs: str) -> list[str]:
    args: list[str] = []
    for spec in specs:
        args += ["-e", spec]
    return args


def _pytest(session: nox.Session, *paths: str) -> None:
    session.run(
        "python",
        "-m",
        "pytest",
        "-n",
        "2",
        "--dist",
        "loadfile",
        *paths,
        *session.posargs,
        env={"MPLBACKEND": "Agg", "XLA_FLAGS": "--xla_force_host_platform_device_count=1"},
    )


for _dist in DISTS:

    @nox.session(name=f"tests-{_dist}")
    def _tests(session: nox.Session, dist: str = _dist) -> None:
        deps, extras = NEEDS[dist]
        session.install(*TEST_TOOLS, *_editable(*[_path(d) for d in deps], _path(dist, extras)))
        _pytest(session, f"packages/brainpy-{dist}/tests")


@nox.session
def tests_all(session: nox.Session) -> None:
    """Every test, with all six distributions, all extras and the example plugin installed."""
    session.install(
        *TEST_TOOLS, "build>=1", "hatchling>=1.25", *_editable(*[_path(d, NEEDS[d][1]) for d in DISTS], PLUGIN)
    )
    _pytest(session, "tests", *[f"packages/brainpy-{d}/tests" for d in DISTS], f"{PLUGIN}/tests")


@nox.session
def plugin(session: nox.Session) -> None:
    """The example plugin's tests, with the distributions whose kinds it extends."""
    session.install(*TEST_TOOLS, *_editable(*[_path(d) for d in ("core", "integrators", "dyn", "nn", "ops")], PLUGIN))
    _pytest(session, f"{PLUGIN}/tests")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the repository."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def demo(session: nox.Session) -> None:
    """The README's main job: the E-I balanced network of the quickstart."""
    session.install(*_editable(*[_path(d, NEEDS[d][1]) for d in ("core", "integrators", "dyn", "ops")]))
    session.run("python", "examples/ei_network.py", *session.posargs, env={"MPLBACKEND": "Agg"})


@nox.session
def bench(session: nox.Session) -> None:
    """Every benchmark in benchmarks/ (ratios against baselines measured in the same run).

    Brian2 2.9.0 (the E-I network's baseline in ``bench_ei``) needs numpy < 2.4 on Python 3.11.
    """
    session.install("brian2==2.9.0", "numpy>=2,<2.4", *_editable(*[_path(d, NEEDS[d][1]) for d in DISTS]))
    session.run("python", "benchmarks/run_all.py", *session.posargs, env={"MPLBACKEND": "Agg"})


@nox.session
def docs(session: nox.Session) -> None:
    """The Sphinx site, warnings as errors, into docs/_build/html."""
    session.install("sphinx>=7", "myst-parser>=3", *_editable(*[_path(d, NEEDS[d][1]) for d in DISTS]))
    session.run(
        "python",
        "-m",
        "sphinx",
        "-W",
        "--keep-going",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
        env={"MPLBACKEND": "Agg"},
    )
