"""The window talks to ``ecdesk.service`` only: no SQLAlchemy, no httpx in ``ecdesk/ui``."""

from __future__ import annotations

import ast
from pathlib import Path

import ecdesk.ui

FORBIDDEN = ("sqlalchemy", "httpx", "ecdesk.db", "ecdesk.sync", "ecdesk.secrets")


def test_ui_imports_only_the_service_layer():
    root = Path(ecdesk.ui.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "screenshots.py":
            continue  # sets up its own demo world (sandboxes, file keyring), like the CLI
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith(FORBIDDEN)]
    assert offenders == []
