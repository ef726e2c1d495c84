"""MkDocs registers every top-level ``on_*`` callable in a hook file as an event handler."""

from __future__ import annotations

import ast
from pathlib import Path

HOOK = Path(__file__).resolve().parent.parent / "hooks" / "site.py"
EVENTS = {
    "on_startup", "on_shutdown", "on_serve", "on_config", "on_pre_build", "on_files", "on_nav", "on_env",
    "on_post_build", "on_build_error", "on_pre_template", "on_template_context", "on_post_template",
    "on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content", "on_page_context", "on_post_page",
}


def test_hook_file_defines_only_real_handlers():
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert functions
    for fn in functions:
        assert fn.name in EVENTS, f"{fn.name} is not an MkDocs event"
        assert fn.args.kwarg is not None, f"{fn.name} must accept **kwargs"


def test_hook_imports_package_at_top_level():
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    imports = [n for n in tree.body if isinstance(n, ast.ImportFrom)]
    assert any(n.module and n.module.startswith("showcase") for n in imports)
