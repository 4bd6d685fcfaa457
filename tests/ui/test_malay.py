"""The window in Bahasa Malaysia (and Chinese): no English left in the main window's tabs and
the held grid, after a real sync has filled them (held reasons included)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from ecdesk.demo import configure, start_sandboxes
from ecdesk.service import Service
from ecdesk.sync.http import HttpClient
from ecdesk.ui import i18n
from ecdesk.ui.i18n_update import messages

FAST_AUTOCOUNT = {"autocount": {"rate_limit": 1_000_000}}
# Names that stay as they are in every language: products, platforms, codes, keys.
ALLOWED = {"autocount", "shopify", "woocommerce", "shopee", "lazada", "sku", "docno",
           "ecdesk", "excel", "uom", "url", "api", "id", "ok", "ctrl", "home", "end", "enter",
           "tab", "del", "esc", "cloud", "accounting", "open", "asia", "kuala", "lumpur",
           "english", "bahasa", "malaysia", "https", "xlsx", "myr", "sgd", "none"}
QUOTED = re.compile(r"'[^']*'|“[^”]*”|\"[^\"]*\"")
# Columns holding the store's own data (names, SKUs, methods exactly as the store sends
# them), and the sync log's "What happened": the engine's record, not yet kept as codes.
def data_columns(w) -> dict[QWidget, set[int]]:
    return {w.mapping.view: {1, 3, 4, 5}, w.held.view: {0}, w.stores.view: {0},
            w.tools.log_view: {1, 3}}


def vocabulary(lang: str, side: str) -> set[str]:
    words: set[str] = set()
    for (_ctx, source), tr in messages(i18n.catalogue(lang)).items():
        text = source if side == "source" else (tr.text or "")
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{2,}", text)}
    return words


@pytest.fixture(scope="module")
def world():
    w = start_sandboxes(["shopify"], orders=40, seed_value=3, options=FAST_AUTOCOUNT)
    yield w
    w.stop()


def synced_window(qtbot, world, tmp_path, monkeypatch, lang: str):
    from ecdesk.ui.main_window import MainWindow

    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    assert i18n.install(lang)
    svc = Service(f"sqlite:///{tmp_path / 'lang.sqlite'}", http=HttpClient(sleep=lambda s: None))
    configure(svc, world)
    w = MainWindow(svc, schedule=False, refresh_ms=10)
    qtbot.addWidget(w)
    w.show()
    w.ops.sync()
    qtbot.waitUntil(lambda: not w.ops.busy, timeout=60_000)
    w.refresh()
    return w, svc


@pytest.fixture
def malay(qtbot, world, tmp_path, monkeypatch):
    w, svc = synced_window(qtbot, world, tmp_path, monkeypatch, "ms")
    yield w
    w.ops.shutdown()
    svc.close()
    i18n.uninstall()


def visible_texts(w) -> list[tuple[str, str]]:
    """(where, text) for every string the clerk can read on each tab and the held grid."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str | None) -> None:
        if text:
            found.append((where, re.sub(r"<[^>]*>", " ", text)))

    def widget_texts(root: QWidget, name: str) -> None:
        for wd in [root, *root.findChildren(QWidget)]:
            if not wd.isVisibleTo(w):
                continue
            where = f"{name}/{type(wd).__name__}"
            add(where + ".toolTip", wd.toolTip())
            add(where + ".accessibleName", wd.accessibleName())
            if isinstance(wd, QLabel):
                add(where, wd.text())
            elif isinstance(wd, QAbstractButton):
                add(where, wd.text().replace("&", ""))
            elif isinstance(wd, QGroupBox):
                add(where, wd.title())
            elif isinstance(wd, QLineEdit):
                add(where + ".placeholder", wd.placeholderText())
            elif isinstance(wd, QComboBox):
                for i in range(wd.count()):
                    add(where + f"[{i}]", wd.itemText(i))
            elif isinstance(wd, QAbstractSpinBox):
                add(where + ".suffix", getattr(wd, "suffix", lambda: "")())
            if isinstance(wd, QAbstractItemView) \
                    and not isinstance(wd, (QListWidget, QHeaderView)):
                model = wd.model()
                data = data_columns(w).get(wd, set())
                for c in range(model.columnCount()):
                    add(where + ".header", model.headerData(c, Qt.Orientation.Horizontal))
                    if c in data:
                        continue
                    for r in range(min(model.rowCount(), 60)):
                        index = model.index(r, c)
                        add(where + f"[{r},{c}]", model.data(index))
                        add(where + f"[{r},{c}].tip", model.data(
                            index, Qt.ItemDataRole.ToolTipRole))

    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        add("tab", w.tabs.tabText(i))
        widget_texts(w.tabs.currentWidget(), w.tabs.tabText(i))
    widget_texts(w.held, "held")
    add("menu", w.help_menu.title().replace("&", ""))
    add("title", w.windowTitle())
    add("status", w.status.text())
    return found


def english_left(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str]]:
    english = vocabulary(lang, "source") - vocabulary(lang, "translation") - ALLOWED
    left = []
    for where, text in texts:
        words = {x.lower() for x in re.findall(r"[A-Za-z]{2,}", QUOTED.sub(" ", text))}
        if words & english:
            left.append((where, text))
    return left


def test_no_english_left_in_the_tabs_and_held_grid_in_malay(malay):
    w = malay
    assert w.held.model.total > 0  # the grid has real held orders, with their reasons
    texts = visible_texts(w)
    assert len(texts) > 300
    reasons = [t for where, t in texts if where.startswith("held/") and ",4]" in where]
    assert reasons and all(r.startswith(("SKU belum dipetakan", "Kaedah", "Kadar", "Jumlah",
                                         "Baris", "Mata wang", "Persediaan"))
                           for r in reasons), reasons[:3]
    left = english_left(texts, "ms")
    assert left == [], "\n".join(f"{a}: {b}" for a, b in left)
    assert QCoreApplication.translate("HeldPanel", "All reasons") == "Semua sebab"


def test_the_check_finds_english_when_nothing_is_translated(qtbot, world, tmp_path,
                                                            monkeypatch):
    w, svc = synced_window(qtbot, world, tmp_path, monkeypatch, "en")
    try:
        left = english_left(visible_texts(w), "ms")
        assert len(left) > 100  # the same window in English fails the Malay check
    finally:
        w.ops.shutdown()
        svc.close()
        i18n.uninstall()


def test_an_old_hold_row_shows_its_stored_text(malay):
    from ecdesk.ui.hold_text import hold_text

    assert hold_text("", {}, "SKU 'A' has no AutoCount item") == \
        "SKU 'A' has no AutoCount item"
    assert hold_text("unmapped_sku", {"sku": "A", "line": "Kap"}, "old").startswith(
        "SKU 'A' (baris 'Kap') tiada kod item AutoCount.")


def test_book_code_and_sanity_holds_read_in_malay_words_included(malay):
    from dataclasses import replace
    from decimal import Decimal as D

    from ecdesk.sync.book_codes import Origin, missing_code
    from ecdesk.sync.matching import Limits, Maps, sanity_holds
    from ecdesk.ui.hold_text import hold_text
    from tests.unit.test_matching import order

    sample = order()
    big = replace(sample, lines=[replace(sample.lines[0], unit_price=D("2000000")),
                                 *sample.lines[1:]])
    [price] = sanity_holds(big, Limits())
    assert hold_text(price.key, price.params, price.detail).startswith(
        "Baris 'Cotton T-shirt Red M' mempunyai harga seunit MYR 2,000,000.00, melebihi had")
    [fee] = missing_code("item", "FEE", big, Maps(), Origin("Shop", fee_item="FEE"),
                         said="ProductCode (ProductCode = FEE) not exists")
    text = hold_text(fee.key, fee.params, fee.detail)
    assert text.startswith("Dokumen ini menggunakan kod item 'FEE', yang tiada dalam buku "
                           "AutoCount (kata AutoCount: ProductCode"), text
    assert "does not have" in fee.detail  # the stored English, for the CLI and old builds
