"""``python -m ecdesk screenshots --out DIR``: the window on demo data, one PNG per screen.

Starts every sandbox this build has (``ecdesk.demo``), sets up a temporary database and a
file keyring in a temporary folder (never the user's), runs one sync through the window
so some orders are posted and some held, then saves each tab, the held-orders grid and
one held order's detail. Runs headless (Qt's offscreen platform) when there is no display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZE = (1280, 860)
SETTLE_PASSES = 10


def _headless() -> None:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) \
            and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app, until, limit_ms: int = 120_000) -> bool:
    """Run the event loop until ``until()`` holds (checked every 20 ms) or time runs out;
    a nested QEventLoop rather than a busy processEvents() spin."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    if until():
        return True
    loop = QEventLoop()
    clock = QElapsedTimer()
    clock.start()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if until() or clock.hasExpired(limit_ms)
                         else None)
    poll.start()
    loop.exec()
    poll.stop()
    return bool(until())


def main(out_dir: str | Path, *, orders: int = 60, lang: str = "en") -> int:
    """Save the PNGs into ``out_dir``; 0 when every one was written. ``orders`` per store;
    ``lang`` the window's language (en, ms, zh_CN)."""
    _headless()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ecdesk-shots-") as tmp:
        return _shoot(out, Path(tmp), orders, lang)


def _shoot(out: Path, tmp: Path, orders: int, lang: str = "en") -> int:
    import keyring

    from ecdesk.demo import configure, start_sandboxes
    from ecdesk.secrets import FileKeyring
    from ecdesk.service import Service
    from ecdesk.ui import i18n
    from ecdesk.ui.app import application
    from ecdesk.ui.main_window import MainWindow

    previous = keyring.get_keyring()
    previous_file = os.environ.get("ECDESK_KEYRING_FILE")
    os.environ["ECDESK_KEYRING_FILE"] = str(tmp / "keyring.json")
    keyring.set_keyring(FileKeyring())
    world = start_sandboxes(orders=orders)
    service = Service(f"sqlite:///{tmp / 'demo.sqlite'}")
    app = application()
    if lang != "en" and not i18n.install(lang, app):
        print(f"No compiled translations for {lang} (make translations).", file=sys.stderr)
        return 1
    written: list[Path] = []
    try:
        configure(service, world)
        window = MainWindow(service, schedule=False, refresh_ms=50)
        window.resize(*SIZE)
        window.show()
        _wait(app, lambda: window.isVisible())
        window.ops.sync()
        if not _wait(app, lambda: not window.ops.busy):
            print("The demo sync did not finish in time.", file=sys.stderr)
            return 1
        window.refresh()
        app.processEvents()

        def save(widget, name: str) -> None:
            for _ in range(SETTLE_PASSES):  # a tab just shown lays out over several passes
                app.processEvents()  # (grabbed at once, it shows a scrollbar it then drops)
            path = out / f"{name}.png"
            if not widget.grab().save(str(path)):
                raise OSError(f"could not write {path}")
            written.append(path)

        first = service.store_names()[0] if service.store_names() else None
        window.stores.view.selectRow(0)
        save(window, "main-window")
        for i, (tab, name) in enumerate(((window.stores, "stores"),
                                         (window.integration, "integration"),
                                         (window.automation, "automation"),
                                         (window.mapping, "mapping"),
                                         (window.tools, "tools")), start=1):
            window.tabs.setCurrentWidget(tab)
            if tab is window.integration and first:
                window.integration.select(first)
            if tab is window.tools:
                window.tools.reload_log()
            if tab is window.mapping:
                window.mapping.refresh()
            save(window, f"tab-{i}-{name}")
        _stock_shot(app, window, service, world, tmp, save=save)
        window.tabs.setCurrentWidget(window.stores)
        save(window.held_box, "held-orders")
        held = window.held.model
        ids = [held.order_id(r) for r in range(min(held.rowCount(), 200))]
        holds = service.held_holds(ids)
        fixable = [i for i in ids if any(h.code == "unmapped_sku" for h in holds.get(i, []))]
        target = (fixable or ids or [None])[0]
        if target is not None:
            dialog = window.open_order(target)
            _wait(app, dialog.isVisible, 5000)
            save(dialog, "order-detail")
            dialog.close()
        window.close()
    finally:
        i18n.uninstall(app)
        service.close()
        world.stop()
        keyring.set_keyring(previous)
        if previous_file is None:
            os.environ.pop("ECDESK_KEYRING_FILE", None)
        else:
            os.environ["ECDESK_KEYRING_FILE"] = previous_file
    for path in written:
        print(path)
    return 0


def _stock_shot(app, window, service, world, tmp: Path, *, save) -> None:
    """The Stock view after a count and a push, one refused SKU listed first."""
    import csv

    from ecdesk.sandbox.seed import catalog

    count = tmp / "stock-count.csv"
    with count.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["ItemCode", "Location", "Qty"])
        out.writerows((row["item_code"], "", 40 + 7 * i) for i, row in enumerate(catalog()))
    service.stock.import_counts(count)
    for name in service.store_names():
        service.update_store(name, settings={"push_stock": "yes"})
    refusing = next((sb for sb in world.stores().values() if hasattr(sb, "refuse")), None)
    if refusing is not None:
        refusing.refuse[catalog()[8]["sku"]] = "Item is in a locked campaign."
    service.stock.push()
    window.tabs.setCurrentWidget(window.stock)
    window.stock.reload()
    _wait(app, lambda: window.stock.model.rowCount() > 0, 20_000)
    save(window.stock, "stock-view")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
