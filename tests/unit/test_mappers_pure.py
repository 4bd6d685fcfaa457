"""Connectors as client + mapper (issue 11): each platform's ``normalise`` lives in a module
that needs no store login, no HTTP and no keyring, and the connector's ``normalise`` is that
function (real sandbox payloads, the same Order either way)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ecdesk.sandbox.fuzz import collect

MAPPERS = {"shopify": "shopify_mapper", "woocommerce": "woocommerce_mapper",
           "shopee": "shopee_mapper", "lazada": "lazada_mapper", "custom": "custom_mapper"}
TRANSPORT = ("httpx", "keyring", "ecdesk.secrets", "ecdesk.sync.http", "ecdesk.db")


@pytest.mark.parametrize("platform", sorted(MAPPERS))
def test_a_mapper_imports_no_transport(platform):
    module = importlib.import_module(f"ecdesk.sync.connectors.{MAPPERS[platform]}")
    tree = ast.parse(Path(module.__file__).read_text("utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m and m.startswith(TRANSPORT)}, imported


@pytest.mark.parametrize("platform", sorted(MAPPERS))
def test_the_connector_normalises_through_its_mapper(platform):
    target = collect(platform, orders=6)
    mapper = importlib.import_module(f"ecdesk.sync.connectors.{MAPPERS[platform]}")
    extra = {"tz": ZoneInfo("Asia/Kuala_Lumpur")} if platform in ("shopee", "lazada") else {}
    compared = 0
    for payload in target.payloads:
        try:
            expected = target.connector.normalise(payload)
        except Exception:  # noqa: BLE001 - a refusal: the mapper refuses the same way
            with pytest.raises(Exception):  # noqa: B017
                mapper.normalise(payload, **extra)
            continue
        assert mapper.normalise(payload, **extra) == expected
        compared += 1
    assert compared >= 3
