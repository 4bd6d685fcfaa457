"""The window's language: English, Bahasa Malaysia or Simplified Chinese.

Strings go through Qt's translator (``self.tr`` / ``QCoreApplication.translate``); the
catalogues are ``resources/i18n/ecdesk_<lang>.ts``, compiled to ``.qm`` by
``make translations`` (``pyside6-lrelease``). When no current ``.qm`` sits beside the
``.ts`` (a checkout that skipped the make step), it is compiled on first use into the
data folder. The language is the clerk's choice in Tools (kept per PC in ``ui.json`` in
the data folder), else the system locale's; it applies the next time the window opens.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ecdesk.resources import resource_path
from ecdesk.service import data_dir

log = logging.getLogger(__name__)

# Each language named in its own words (never translated).
LANGUAGES: dict[str, str] = {"en": "English", "ms": "Bahasa Malaysia", "zh_CN": "简体中文"}
DEFAULT = "en"
SETTINGS_FILE = "ui.json"


def catalogue(lang: str) -> Path:
    """The ``.ts`` source of ``lang``'s translations."""
    return resource_path(f"i18n/ecdesk_{lang}.ts")


def system_language(locale: QLocale | None = None) -> str:
    """The language this PC's locale asks for, among those ecdesk has (else English)."""
    name = (locale or QLocale.system()).name()  # "ms_MY", "zh_CN", "en_US"...
    if name.startswith("ms"):
        return "ms"
    if name.startswith("zh"):
        return "zh_CN"
    return DEFAULT


def settings_path() -> Path:
    return data_dir() / SETTINGS_FILE


def saved_language(path: Path | None = None) -> str | None:
    """The clerk's choice in Tools, or None to follow the system."""
    try:
        value = json.loads((path or settings_path()).read_text("utf-8")).get("language")
    except (OSError, ValueError, AttributeError):
        return None
    return value if value in LANGUAGES else None


def save_language(lang: str | None, path: Path | None = None) -> None:
    """Remember ``lang`` (None: follow the system) for the next start."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    if lang is None:
        data.pop("language", None)
    else:
        data["language"] = lang
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2), "utf-8")


def chosen_language(path: Path | None = None) -> str:
    return saved_language(path) or system_language()


def lrelease() -> str | None:
    """The ``pyside6-lrelease`` beside this Python (the venv's), else on PATH."""
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else shutil.which("pyside6-lrelease")


def compile_catalogue(ts: Path, qm: Path) -> bool:
    tool = lrelease()
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                          check=False)
    return done.returncode == 0 and qm.exists()


def compiled(lang: str, cache: Path | None = None) -> Path | None:
    """A current ``.qm`` for ``lang``: the built one, else one compiled now into the data
    folder's cache (None when neither can be had: the window stays in English)."""
    ts = catalogue(lang)
    if not ts.exists():
        return None
    built = ts.with_suffix(".qm")
    if built.exists() and built.stat().st_mtime >= ts.stat().st_mtime:
        return built
    cached = (cache or data_dir() / "i18n") / built.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    if built.exists() and getattr(sys, "frozen", False):
        return built  # the installed app: whatever the build compiled
    return cached if compile_catalogue(ts, cached) else None


LOCALES = {"en": "en_MY", "ms": "ms_MY", "zh_CN": "zh_CN"}
_installed: list[QTranslator] = []
_previous_locale: list[QLocale] = []


def install(lang: str, app: QCoreApplication | None = None) -> bool:
    """Translate the window into ``lang`` from now on (replacing any earlier language).
    Answers False when its catalogue could not be loaded (English is shown)."""
    app = app or QCoreApplication.instance()
    if app is None:
        return False
    uninstall(app)
    qm = compiled(lang) if lang in LANGUAGES else None
    if qm is None:
        if lang in LANGUAGES:
            log.warning("no compiled translations for %s; the window stays in English", lang)
        return False
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        log.warning("could not load %s; the window stays in English", qm)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    _previous_locale.append(QLocale())
    QLocale.setDefault(QLocale(LOCALES[lang]))  # month names in dates, calendar popups
    return True


def uninstall(app: QCoreApplication | None = None) -> None:
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    while _previous_locale:
        QLocale.setDefault(_previous_locale.pop())


def plural(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` (both already translated) with ``{n}`` filled in: plurals stay
    right in English without a compiled catalogue; Malay and Chinese give both the same."""
    return (one if n == 1 else many).format(n=f"{n:,}")
