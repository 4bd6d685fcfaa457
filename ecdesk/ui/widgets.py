"""Small widgets the tabs share: a message banner, a store chooser, page tabs and the
"settled by hand" note prompt."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ecdesk.service import Service

BANNER_STYLES = {
    "info": "background:#e0f2fe; color:#0c4a6e; border:1px solid #7dd3fc;",
    "ok": "background:#dcfce7; color:#14532d; border:1px solid #86efac;",
    "warn": "background:#fef3c7; color:#78350f; border:1px solid #fcd34d;",
    "error": "background:#fee2e2; color:#7f1d1d; border:1px solid #fca5a5;",
}


class Banner(QFrame):
    """A one-paragraph message in plain words, hidden until there is something to say."""

    def __init__(self, parent: QWidget | None = None, closable: bool = True) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        self.kind = "info"
        if closable:
            close = QToolButton(self)
            close.setText("✕")
            close.setAutoRaise(True)
            close.setToolTip(self.tr("Hide this message"))
            close.setAccessibleName(self.tr("Hide this message"))
            close.clicked.connect(self.hide)
            layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setStyleSheet(f"Banner {{{BANNER_STYLES[kind]} border-radius:4px;}}")
        self.label.setText(text)
        self.show()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()


class StoreCombo(QComboBox):
    """Store names; optionally a first entry (``all_label``, already translated: "All
    stores") whose data is None."""

    def __init__(self, service: Service, all_label: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.all_label = all_label
        self.setMinimumContentsLength(14)
        self.reload()

    def reload(self) -> None:
        current = self.current()
        self.blockSignals(True)
        self.clear()
        if self.all_label:
            self.addItem(self.all_label, None)
        for name in self.service.store_names():
            self.addItem(name, name)
        self.blockSignals(False)
        self.select(current)

    def current(self) -> str | None:
        return self.currentData()

    def select(self, name: str | None) -> None:
        i = self.findData(name) if name is not None else (0 if self.all_label else -1)
        if i >= 0:
            self.setCurrentIndex(i)


class PageTabs(QTabWidget):
    """Tabs whose pages sit in scroll areas, so a tall page never squeezes the held grid.
    ``currentWidget``/``setCurrentWidget`` speak of the pages, not of their scroll areas."""

    def add_page(self, page: QWidget, title: str) -> None:
        area = QScrollArea()
        area.setWidget(page)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        self.addTab(area, title)

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt's name
        area = super().currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else area

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        for i in range(self.count()):
            area = self.widget(i)
            if area is page or (isinstance(area, QScrollArea) and area.widget() is page):
                self.setCurrentIndex(i)
                return


def ask_note(parent: QWidget, what: str) -> str | None:
    """Ask for the "settled by hand" note; ``what`` says which orders leave the list.
    None when the clerk cancels."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("ask_note", "Settled by hand"))
    dialog.setLabelText(what + "\n" + QCoreApplication.translate(
        "ask_note", "Note for the log (e.g. the AutoCount document you keyed):"))
    dialog.setOkButtonText(QCoreApplication.translate("ask_note", "OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("ask_note", "Cancel"))
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()
