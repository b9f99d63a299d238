"""The tree stays readable (issue 12): no function over 80 lines and no
module over 600 lines in models/, extractors/, pipeline/; the folders read
as the flow; dependencies point one way."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("models", "extractors", "pipeline")
MAX_FUNCTION, MAX_MODULE = 80, 600
SOURCES = sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))


def _rel(p: Path) -> str:
    return str(p.relative_to(ROOT))


@pytest.mark.parametrize("path", SOURCES, ids=_rel)
def test_module_and_function_sizes(path):
    src = path.read_text(encoding="utf-8")
    n = len(src.splitlines())
    assert n <= MAX_MODULE, f"{_rel(path)}: {n} lines > {MAX_MODULE}"
    long = [f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(ast.parse(src))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION]
    assert not long, f"{_rel(path)}: functions over {MAX_FUNCTION} lines: {', '.join(long)}"


# layer → the layers it must not import (models ← extractors ← readers/stages ← exports ← batch ← cli)
# (the review server sits on top beside the CLI: nothing below imports it)
FORBIDDEN = {
    "models": ("extractors", "pipeline"),
    "extractors": ("pipeline",),
    "pipeline/readers": ("pipeline.stages", "pipeline.exports", "pipeline.batch", "pipeline.cli",
                         "pipeline.review"),
    "pipeline/stages": ("pipeline.exports", "pipeline.batch", "pipeline.cli", "pipeline.review"),
    "pipeline/exports": ("pipeline.batch", "pipeline.cli", "pipeline.review"),
    "pipeline/batch": ("pipeline.cli", "pipeline.review"),
    "pipeline/review": ("pipeline.cli",),
}


def _imports(path: Path) -> set[str]:
    mods: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            mods.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            mods.add(node.module)
    return mods


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_dependencies_point_one_way(layer):
    bad = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        for mod in _imports(path):
            if any(mod == f or mod.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{_rel(path)} imports {mod}")
    assert not bad, "\n".join(bad)
