"""The package's folders are its layers: each imports only from the layers before it, and only
the MkDocs layer (and the command that builds the offline edition) imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "showcase"
LAYERS = ("core", "schema", "model", "load", "derive", "output", "mkdocs", "tools")
MKDOCS_USERS = {"mkdocs"}  # layers that may import MkDocs at module level


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(absolute module, line, at module level) for every import in a file of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in tree.body}
    package = ["showcase", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((module, node.lineno, id(node) in top))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno, id(node) in top) for alias in node.names)
    return found


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "showcase":
        return None
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else ""


def test_every_module_lives_in_a_layer():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
    assert loose == [], f"modules outside the layer folders: {loose}"
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS)


def test_layers_import_only_downward():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if len(rel.parts) == 1:
            continue
        own = LAYERS.index(rel.parts[0])
        for module, line, _ in _imports(path):
            layer = _layer(module)
            if layer is None:
                continue
            assert layer != "", f"{rel}:{line} imports {module}: import from a layer, not the package root"
            assert LAYERS.index(layer) <= own, f"{rel}:{line}: {rel.parts[0]}/ may not import {module} ({layer}/ comes later)"


def test_only_the_mkdocs_layer_imports_mkdocs():
    """The data layers can be tested alone and could move to another generator."""
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        layer = rel.parts[0] if len(rel.parts) > 1 else ""
        for module, line, top_level in _imports(path):
            if module == "mkdocs" or module.startswith("mkdocs."):
                # tools/ may build the offline edition, importing MkDocs inside that command only
                allowed = layer in MKDOCS_USERS or (layer == "tools" and not top_level)
                assert allowed, f"{rel}:{line} imports {module}"
