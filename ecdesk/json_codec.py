"""JSON with exact money: Decimals in, raw JSON numbers out (docs/decisions.md §3).

One codec for the HTTP client, the database's JSON columns and the sandboxes: every
non-integer number reads as ``Decimal``, and a Decimal is written as a bare number, never a
quoted string or a float.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def dumps(payload: Any) -> bytes:
    """JSON with Decimals as raw numbers (docs/decisions.md §3: never quoted decimals)."""
    return _encode(payload).encode("utf-8")


def _encode(obj: Any) -> str:
    if isinstance(obj, Decimal):
        if not obj.is_finite():
            raise ValueError(f"cannot send {obj} as a JSON number")
        return format(obj, "f")
    if isinstance(obj, dict):
        return "{" + ",".join(
            json.dumps(str(k), ensure_ascii=False) + ":" + _encode(v) for k, v in obj.items()
        ) + "}"
    if isinstance(obj, list | tuple):
        return "[" + ",".join(_encode(v) for v in obj) + "]"
    return json.dumps(obj, ensure_ascii=False)


def loads(data: bytes | str) -> Any:
    """JSON with every non-integer number as Decimal."""
    return json.loads(data, parse_float=Decimal)
