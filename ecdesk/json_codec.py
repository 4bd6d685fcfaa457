"""JSON with exact money: Decimals in, raw JSON numbers out (docs/decisions.md §3).

One codec for the HTTP client, the database's JSON columns and the sandboxes: every
non-integer number reads as ``Decimal``, and a Decimal is written as a bare number, never a
quoted string or a float.
"""

from __future__ import annotations

import json
from decimal import Decimal
from json.encoder import encode_basestring as _string  # json.dumps(str, ensure_ascii=False)
from typing import Any


def dumps(payload: Any) -> bytes:
    """JSON with Decimals as raw numbers (docs/decisions.md §3: never quoted decimals)."""
    return _encode(payload).encode("utf-8")


def _encode(obj: Any) -> str:
    # the common types first, each as ``json.dumps(obj, ensure_ascii=False)`` writes it (that
    # call builds an encoder each time: a stored payload has hundreds of values)
    kind = type(obj)
    if kind is str:
        return _string(obj)
    if kind is Decimal:
        if not obj.is_finite():
            raise ValueError(f"cannot send {obj} as a JSON number")
        return format(obj, "f")
    if kind is dict:
        return "{" + ",".join([_string(str(k)) + ":" + _encode(v) for k, v in obj.items()]) + "}"
    if kind is list:
        return "[" + ",".join([_encode(v) for v in obj]) + "]"
    if kind is int:
        return int.__repr__(obj)
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, Decimal):
        return _encode(Decimal(obj))
    if isinstance(obj, dict):
        return _encode(dict(obj))
    if isinstance(obj, list | tuple):
        return _encode(list(obj))
    return json.dumps(obj, ensure_ascii=False)


def loads(data: bytes | str) -> Any:
    """JSON with every non-integer number as Decimal."""
    return json.loads(data, parse_float=Decimal)
