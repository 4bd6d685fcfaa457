"""Runs each store at its cadence while the window is open.

A ``QTimer`` asks ``Service.due_stores()`` which stores are due and hands them to the
background runner as one job; it skips a tick while any run is in progress, and the
store lease in the engine keeps two PCs from syncing one store at once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from ecdesk.service import Service
from ecdesk.ui.ops import Operations

TICK_MS = 60_000


class Scheduler(QObject):
    triggered = Signal(list)  # store names started

    def __init__(self, service: Service, ops: Operations, parent: QObject | None = None,
                 interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.service = service
        self.ops = ops
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.paused = False

    def start(self, first_tick_ms: int = 2000) -> None:
        self.timer.start()
        QTimer.singleShot(first_tick_ms, self.tick)

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> list[str]:
        """Start the due stores now (answers their names; empty when none or busy)."""
        if self.paused or self.ops.busy:
            return []
        due = self.service.due_stores()
        if due and self.ops.sync_many(due, trigger="schedule") is not None:
            self.triggered.emit(due)
            return due
        egress = self.service.stock.due()  # stock and tracking at each store's egress_minutes
        if egress and self.ops.egress_many(egress) is not None:
            self.triggered.emit(egress)
            return egress
        return []
