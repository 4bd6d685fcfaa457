"""The service layer by subject, behind the thin :class:`ecdesk.service.Service` facade.

Each module holds one subject (stores, credentials, AutoCount connection, mappings, order
queries, sync operations, reports) over one shared :class:`~ecdesk.services.context.Context`
(database, clock, HTTP client, engine dependencies). Everything returned is a plain
dataclass from :mod:`ecdesk.services.records`; nothing here imports Qt.
"""
