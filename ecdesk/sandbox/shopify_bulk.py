"""The Shopify sandbox's bulk query operations (shopify.dev, "Perform bulk operations with the
GraphQL Admin API"; objects BulkOperation, BulkOperationRunQueryPayload, BulkOperationUserError;
enums BulkOperationStatus, BulkOperationErrorCode, BulkOperationUserErrorCode).

* ``mutation { bulkOperationRunQuery(query: "...") { bulkOperation { id status } userErrors {
  field message code } } }``: the mutation costs what any mutation costs (10 points plus its
  fields); the bulk query itself is *not* priced against the 1000-point single-query limit or
  the bucket. Its connections need no ``first``: every node is exported.
* What Shopify refuses, as ``userErrors`` with ``field: ["query"]`` and code ``INVALID``: a query
  that does not parse or validate ("Invalid bulk query: ..."), more than one top-level field,
  the top-level ``node``/``nodes``, no connection at all, more than five connections, connections
  nested more than two levels deep, a connection inside a list field (``refunds {
  refundLineItems }``), and a nested connection whose parent does not select an unaliased
  ``id``. Message wordings are from public reports of Shopify's answers (verify).
* Concurrency: from API version 2026-01 up to five bulk query operations run at once per shop
  (``LIMIT_REACHED`` beyond); before 2026-01 only one (``OPERATION_IN_PROGRESS``, naming the
  running operation). Both as ``userErrors``; nothing is created.
* Polling: ``node(id:)`` (``... on BulkOperation``) or ``currentBulkOperation`` answer the
  status CREATED -> RUNNING -> COMPLETED (or FAILED with ``errorCode``, CANCELED after
  ``bulkOperationCancel``, EXPIRED seven days after completion), ``objectCount`` (running),
  ``rootObjectCount``, ``fileSize`` and ``url``. Time is the sandbox clock: an operation waits
  :attr:`bulk_startup` seconds, then exports :attr:`bulk_rate` objects a second (illustrative
  figures, not Shopify's); it also completes at its :attr:`bulk_polls`-th poll (default 3), so
  a demo or test whose waits do not move the sandbox clock never polls for long (``None``:
  the clock alone decides, as the bench and the timeout test need).
* The result: JSONL, one object a line; each node of a nested connection is its own line
  carrying ``__parentId`` (the parent node's ``id``) and comes after its parent;
  ``groupObjects: false`` (the default from 2026-01) writes every top-level line first,
  ``true`` puts children right after their parent. ``url`` is a loopback address of this
  sandbox, signed like a storage link: it needs no Shopify token, a wrong signature is 403.
* :attr:`bulk_fail` (an error code, or ``None``) makes the next operation end FAILED with that
  ``errorCode`` (``partialDataUrl`` with the first half of the lines, except for
  ``ACCESS_DENIED``).
"""

from __future__ import annotations

import hashlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graphql import (
    FieldNode,
    GraphQLError,
    GraphQLObjectType,
    OperationDefinitionNode,
    execute,
    get_named_type,
    parse,
    validate,
)

from ecdesk.json_codec import dumps
from ecdesk.sandbox.server import Request, Response
from ecdesk.sandbox.shopify_schema import SCHEMA, _is_connection, _is_list, _Walker

#: set while a bulk query runs: connections then need no ``first`` and export every node
BULK_MODE: ContextVar[bool] = ContextVar("shopify_bulk_mode", default=False)

MAX_CONNECTIONS = 5
MAX_DEPTH = 2
FIVE_AT_ONCE_FROM = "2026-01"  # API version from which five bulk queries may run at once
URL_DAYS = 7  # url and partialDataUrl expire seven days after completion
RUNNING = ("CREATED", "RUNNING")


@dataclass
class BulkOp:
    number: int
    query: str
    created: float
    document: Any = None  # the parsed bulk query, exported once the operation starts
    group: bool = False
    lines: list[bytes] | None = None  # the JSONL lines, once exported
    roots: int = 0
    fail: str | None = None
    canceled: bool = False
    polls: int = 0
    finished: float | None = None  # clock when it completed, failed or was canceled
    version: str = ""
    signature: str = field(default="")

    @property
    def gid(self) -> str:
        return f"gid://shopify/BulkOperation/{self.number}"


class BulkQueryError(ValueError):
    """A bulk query Shopify refuses before running it (``userErrors``, code INVALID)."""


def check_bulk_query(document: Any) -> None:
    """Raise :class:`BulkQueryError` for what Shopify's bulk query rules refuse."""
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(ops) != 1 or ops[0].operation.value != "query":
        raise BulkQueryError("Invalid bulk query: a bulk query must be one query operation.")
    walker = _Walker({}, {})
    top = walker.fields(ops[0].selection_set)
    if len(top) != 1:
        raise BulkQueryError("Invalid bulk query: bulk queries must select exactly one "
                             "top-level field.")
    if top[0].name.value in ("node", "nodes"):
        raise BulkQueryError("Invalid bulk query: the top-level 'node' and 'nodes' fields "
                             "can't be used in bulk queries.")
    found: list[tuple[str, int]] = []  # (connection, depth)
    root = SCHEMA.query_type
    assert root is not None
    _scan(walker, ops[0].selection_set, root, depth=0, in_list=False, found=found)
    if not found:
        raise BulkQueryError("Bulk queries must contain at least one connection.")
    if len(found) > MAX_CONNECTIONS:
        raise BulkQueryError(f"Bulk queries cannot contain more than {MAX_CONNECTIONS} "
                             f"connections (this one has {len(found)}).")
    deep = [name for name, depth in found if depth > MAX_DEPTH]
    if deep:
        raise BulkQueryError(f"Bulk queries cannot contain connections nested more than "
                             f"{MAX_DEPTH} levels deep: {', '.join(deep)}.")


def _scan(walker: _Walker, sel: Any, parent: Any, *, depth: int, in_list: bool,
          found: list[tuple[str, int]]) -> None:
    for node, owner in walker.owned(sel, parent):
        field_def = getattr(owner, "fields", {}).get(node.name.value)
        if field_def is None:
            continue
        type_ = get_named_type(field_def.type)
        if not isinstance(type_, GraphQLObjectType):
            continue
        name = node.name.value
        if _is_connection(type_):
            if in_list:
                raise BulkQueryError("Queries that contain a connection field within a list "
                                     f"field are not currently supported ({name}).")
            found.append((name, depth + 1))
            for sub in walker.fields(node.selection_set):
                item = _connection_item(type_, sub)
                if item is None:
                    continue
                item_type, item_sel = item
                if _has_connection(walker, item_sel, item_type) and not _selects_id(
                        walker, item_sel, item_type):
                    raise BulkQueryError(
                        "The parent 'node' field for a nested connection must select the 'id' "
                        "field without an alias and must be of 'ID' return type. Connection "
                        f"fields without 'id': {name}.")
                _scan(walker, item_sel, item_type, depth=depth + 1, in_list=False, found=found)
        else:
            _scan(walker, node.selection_set, type_, depth=depth,
                  in_list=in_list or _is_list(field_def.type), found=found)


def _connection_item(conn_type: GraphQLObjectType, sub: FieldNode) -> tuple[Any, Any] | None:
    """(node type, its selection) for ``nodes { }`` or ``edges { node { } }``."""
    if sub.name.value == "nodes":
        return get_named_type(conn_type.fields["nodes"].type), sub.selection_set
    if sub.name.value == "edges" and sub.selection_set:
        edge_type = get_named_type(conn_type.fields["edges"].type)
        for inner in sub.selection_set.selections:
            if isinstance(inner, FieldNode) and inner.name.value == "node":
                return get_named_type(edge_type.fields["node"].type), inner.selection_set
    return None


def _has_connection(walker: _Walker, sel: Any, parent: Any) -> bool:
    for node, owner in walker.owned(sel, parent):
        field_def = getattr(owner, "fields", {}).get(node.name.value)
        if field_def is not None and _is_connection(get_named_type(field_def.type)):
            return True
    return False


def _selects_id(walker: _Walker, sel: Any, parent: Any) -> bool:
    return any(n.name.value == "id" and n.alias is None for n, _ in walker.owned(sel, parent))


def to_jsonl(document: Any, data: dict[str, Any], *, group: bool) -> tuple[list[bytes], int]:
    """The executed bulk query's data as Shopify's JSONL lines, and the top-level count."""
    op = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    walker = _Walker({}, {})
    root = SCHEMA.query_type
    top = walker.fields(op.selection_set)[0]
    key = (top.alias or top.name).value
    conn_type = get_named_type(root.fields[top.name.value].type)  # type: ignore[union-attr]
    roots: list[bytes] = []
    children: list[bytes] = []
    count = 0
    for item in _items(walker, top, conn_type, data.get(key)):
        count += 1
        lines: list[bytes] = []
        _flatten(walker, *item, parent_id=None, out=lines)
        roots.append(lines[0])
        children.extend(lines[1:])
        if group:
            roots.extend(children)
            children = []
    return roots + children, count


def _items(walker: _Walker, conn_node: FieldNode, conn_type: Any,
           value: Any) -> list[tuple[Any, Any, dict[str, Any]]]:
    """(selection, type, node data) of each node of a connection's value."""
    out = []
    for sub in walker.fields(conn_node.selection_set):
        item = _connection_item(conn_type, sub)
        if item is None or not value:
            continue
        item_type, item_sel = item
        key = (sub.alias or sub.name).value
        if sub.name.value == "nodes":
            out += [(item_sel, item_type, n) for n in value.get(key) or []]
        else:
            inner = next(i for i in sub.selection_set.selections  # type: ignore[union-attr]
                         if isinstance(i, FieldNode) and i.name.value == "node")
            node_key = (inner.alias or inner.name).value
            out += [(item_sel, item_type, e[node_key]) for e in value.get(key) or []]
    return out


def _flatten(walker: _Walker, sel: Any, type_: Any, obj: dict[str, Any], *,
             parent_id: str | None, out: list[bytes]) -> None:
    """One line for ``obj`` (its nested connections cut out), then one per nested node."""
    line = dict(obj)
    nested: list[tuple[Any, Any, dict[str, Any]]] = []
    for node, owner in walker.owned(sel, type_):
        field_def = getattr(owner, "fields", {}).get(node.name.value)
        if field_def is None:
            continue
        ftype = get_named_type(field_def.type)
        if isinstance(ftype, GraphQLObjectType) and _is_connection(ftype):
            key = (node.alias or node.name).value
            nested += _items(walker, node, ftype, line.pop(key, None))
    if parent_id is not None:
        line["__parentId"] = parent_id
    out.append(dumps(line))
    for item_sel, item_type, child in nested:
        _flatten(walker, item_sel, item_type, child, parent_id=obj.get("id"), out=out)


class ShopifyBulk:
    """Mixed into :class:`~ecdesk.sandbox.shopify.ShopifySandbox`."""

    clock: Any
    api_version_served: str = "2026-10"
    url: str
    route: Any  # SandboxServer's
    _root: Any  # the sandbox's resolvers

    def _init_bulk(self, startup: float, rate: float, polls: int | None) -> None:
        self.bulk_startup = startup
        self.bulk_rate = rate
        self.bulk_polls = polls
        self.bulk_fail: str | None = None
        self.bulk_ops: list[BulkOp] = []
        self.route("GET", r"/bulk-results/(?P<number>\d+)(?P<part>-partial)?\.jsonl",
                   self._bulk_download)

    def bulk_root(self) -> dict[str, Any]:
        return {"bulkOperationRunQuery": self._bulk_run,
                "bulkOperationCancel": self._bulk_cancel,
                "currentBulkOperation": self._bulk_current}

    # --- mutation ----------------------------------------------------------------------------
    def _bulk_run(self, info: Any, query: str, groupObjects: bool = False) -> dict[str, Any]:
        try:
            document = parse(query)
        except GraphQLError as exc:
            return _refused("INVALID", f"Invalid bulk query: {exc.message}")
        problems = validate(SCHEMA, document)
        if problems:
            return _refused("INVALID", f"Invalid bulk query: {problems[0].message}")
        try:
            check_bulk_query(document)
        except BulkQueryError as exc:
            return _refused("INVALID", str(exc))
        version = self.api_version_served
        running = [op for op in self.bulk_ops if self._status(op) in RUNNING]
        if version >= FIVE_AT_ONCE_FROM and len(running) >= 5:
            return _refused("LIMIT_REACHED", "Bulk operations limit reached. Please try again "
                                             "later.")
        if version < FIVE_AT_ONCE_FROM and running:
            return _refused("OPERATION_IN_PROGRESS", "A bulk query operation for this app and "
                            f"shop is already in progress: {running[0].gid}.")
        op = BulkOp(len(self.bulk_ops) + 1, query, self.clock(), document=document,
                    group=bool(groupObjects), fail=self.bulk_fail, version=version)
        op.signature = hashlib.sha256(f"bulk:{op.number}:{op.created}".encode()).hexdigest()[:20]
        self.bulk_fail = None
        self.bulk_ops.append(op)
        # answered at once, as Shopify does: the export runs when the operation starts
        return {"bulkOperation": self._bulk_object(op, polled=False), "userErrors": []}

    def _export(self, op: BulkOp) -> list[bytes]:
        """Run the bulk query once (every node of its connections) into JSONL lines."""
        if op.lines is None:
            token = BULK_MODE.set(True)
            try:
                result = execute(SCHEMA, op.document, root_value=self._root())
            finally:
                BULK_MODE.reset(token)
            if result.errors:
                op.lines, op.roots = [], 0
                op.fail = op.fail or "ACCESS_DENIED"  # a field the app may not read
            else:
                op.lines, op.roots = to_jsonl(op.document, result.data or {}, group=op.group)
        return op.lines

    def _bulk_cancel(self, info: Any, id: str) -> dict[str, Any]:
        op = self._bulk_by_gid(id)
        if op is None:
            return {"bulkOperation": None, "userErrors": [
                {"field": ["id"], "message": "Bulk operation does not exist"}]}
        if self._status(op) not in RUNNING:
            return {"bulkOperation": self._bulk_object(op, polled=False), "userErrors": [
                {"field": None, "message": "A bulk operation cannot be canceled when it is "
                                           f"{self._status(op).lower()}"}]}
        op.canceled = True
        op.finished = self.clock()
        return {"bulkOperation": self._bulk_object(op, polled=False), "userErrors": []}

    # --- reads -------------------------------------------------------------------------------
    def _bulk_current(self, info: Any, type: str = "QUERY") -> dict[str, Any] | None:
        if type != "QUERY" or not self.bulk_ops:
            return None
        return self._bulk_object(self.bulk_ops[-1])

    def bulk_node(self, gid: str) -> dict[str, Any] | None:
        op = self._bulk_by_gid(gid)
        return None if op is None else self._bulk_object(op)

    def _bulk_by_gid(self, gid: str) -> BulkOp | None:
        prefix = "gid://shopify/BulkOperation/"
        if not gid.startswith(prefix) or not gid[len(prefix):].isdigit():
            return None
        n = int(gid[len(prefix):])
        return self.bulk_ops[n - 1] if 1 <= n <= len(self.bulk_ops) else None

    def _runtime(self, op: BulkOp) -> float:
        return self.bulk_startup + len(self._export(op)) / max(self.bulk_rate, 1e-9)

    def _status(self, op: BulkOp) -> str:
        now = self.clock()
        if op.canceled:
            return "CANCELED"
        done_by_polls = self.bulk_polls is not None and op.polls >= self.bulk_polls
        if now - op.created < self.bulk_startup and not done_by_polls:
            return "RUNNING" if op.polls else "CREATED"
        if now - op.created < self._runtime(op) and not done_by_polls:
            return "RUNNING"
        if op.finished is None:  # when it finished: its time ran out, or the polls did
            op.finished = min(now, op.created + self._runtime(op))
        if op.fail:
            return "FAILED"
        if now - op.finished > URL_DAYS * 86400:
            return "EXPIRED"
        return "COMPLETED"

    def _bulk_object(self, op: BulkOp, polled: bool = True) -> dict[str, Any]:
        if polled:
            op.polls += 1
        status = self._status(op)
        total = len(op.lines or [])
        if status == "RUNNING":
            done = int(max(0.0, self.clock() - op.created - self.bulk_startup) * self.bulk_rate)
            count = min(total - 1, done) if total else 0
        elif status == "CREATED":
            count = 0
        elif status == "FAILED":
            count = total // 2
        else:
            count = total
        link = f"{self.url}/bulk-results/{op.number}%s.jsonl?sig={op.signature}"
        completed = status == "COMPLETED"
        partial = status == "FAILED" and op.fail != "ACCESS_DENIED" and count > 0
        return {
            "__typename": "BulkOperation", "id": op.gid, "status": status,
            "errorCode": op.fail if status == "FAILED" else None, "type": "QUERY",
            "query": op.query, "createdAt": _iso(op.created),
            "completedAt": _iso(op.finished) if completed and op.finished else None,
            "objectCount": str(count), "rootObjectCount": str(op.roots if completed else 0),
            "fileSize": str(sum(len(line) + 1 for line in op.lines or [])) if completed and total
            else None,
            "url": link % "" if completed and total else None,
            "partialDataUrl": link % "-partial" if partial else None,
        }

    def _bulk_download(self, req: Request) -> Response:
        n = int(req.match["number"]) if req.match else 0
        op = self.bulk_ops[n - 1] if 1 <= n <= len(self.bulk_ops) else None
        if op is None or req.arg("sig") != op.signature:
            return Response.text("<Error><Code>SignatureDoesNotMatch</Code></Error>", 403,
                                 "application/xml")
        status = self._status(op)
        partial = bool(req.match and req.match["part"])
        if (partial and status != "FAILED") or (not partial and status != "COMPLETED"):
            return Response.text("<Error><Code>AccessDenied</Code></Error>", 403,
                                 "application/xml")
        lines = op.lines or []
        lines = lines[:len(lines) // 2] if partial else lines
        body = b"".join(line + b"\n" for line in lines)
        return Response(200, body, {"Content-Type": "application/jsonl"})


def _refused(code: str, message: str) -> dict[str, Any]:
    """Nothing created; the reason as Shopify's ``userErrors`` entry."""
    return {"bulkOperation": None, "userErrors": [
        {"code": code, "field": ["query"] if code == "INVALID" else None, "message": message}]}


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
