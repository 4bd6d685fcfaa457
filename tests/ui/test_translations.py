"""Every user-visible UI string is in resources/i18n/*.ts and translated into ms and zh_CN.

Add a string: write self.tr("…") (QCoreApplication.translate outside a QObject), then run
`make translations-update` and fill its <translation> in ecdesk_ms.ts and ecdesk_zh_CN.ts.
"""
from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

from ecdesk.ui import i18n
from ecdesk.ui.i18n_update import (
    ROOT,
    catalogues,
    language_of,
    lupdate,
    messages,
    sources,
    unfinished,
)

TRANSLATED = ("ms", "zh_CN")  # English shows the source text itself
FIELD = re.compile(r"\{[a-z_]*\}")

# Qt calls whose first text argument (index) a clerk reads.
TEXT_CALLS = {
    "setText": 0, "setToolTip": 0, "setPlaceholderText": 0, "setWindowTitle": 0,
    "setStatusTip": 0, "setWhatsThis": 0, "setAccessibleName": 0,
    "setAccessibleDescription": 0, "setSuffix": 0, "setPrefix": 0, "setTitle": 0,
    "setLabelText": 0, "addItem": 0, "insertItem": 1, "addTab": 1, "add_page": 1,
    "addRow": 0, "show_message": 0, "_say": 0, "showMessage": 0, "setTabText": 1,
    "addAction": 0, "addMenu": 0, "setOkButtonText": 0, "setCancelButtonText": 0,
    "setSpecialValueText": 0, "setHorizontalHeaderLabels": 0, "QLabel": 0,
    "QPushButton": 0, "QCheckBox": 0, "QRadioButton": 0, "QGroupBox": 0, "QAction": 0,
    "QMenu": 0, "QListWidgetItem": 0, "ask_note": 1, "StoreCombo": 1,
}
# Words that stay as they are in every language.
PROPER = {"SKU", "UOM", "DocNo", "AutoCount", "Shopify", "WooCommerce", "Shopee", "Lazada",
          "ecdesk", "Excel", "URL", "API", "ID"}


def _words(text: str) -> set[str]:
    text = re.sub(r"<[^>]*>", " ", text)  # rich-text tags are not words
    return {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in PROPER}


def _bare(node: ast.AST) -> bool:
    """A literal (or f-string, or literal.format()) with words in it: not translated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(_words(node.value)) and not node.value.startswith(("http", "font-",
                                                                          "color:"))
    if isinstance(node, ast.JoinedStr):
        return any(_bare(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "format":
        return _bare(node.func.value)
    if isinstance(node, ast.BinOp):
        return _bare(node.left) or _bare(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_bare(e) for e in node.elts)
    return False


def bare_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        at = TEXT_CALLS.get(name)
        if at is not None and len(node.args) > at and _bare(node.args[at]):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    return found


# Modules still being moved onto the translator (this list only shrinks).
NOT_YET: set[str] = set()


def test_no_user_visible_string_bypasses_the_translator():
    ui = ROOT / "ecdesk/ui"
    found = [hit for p in sources() if p.is_relative_to(ui)
             and str(p.relative_to(ui)) not in NOT_YET for hit in bare_strings(p)]
    assert not found, "wrap these in self.tr() (see this module's docstring):\n" + \
        "\n".join(found)


def test_the_lint_sees_a_bare_string(tmp_path):
    sample = ROOT / "ecdesk/ui/_lint_sample.py"  # inside the tree so paths resolve
    sample.write_text('b = QPushButton("Retry selected")\nx.setText(f"Sync of {s}")\n'
                      'ok = QPushButton(self.tr("Retry"))\n', "utf-8")
    try:
        assert len(bare_strings(sample)) == 2
    finally:
        sample.unlink()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """Every translatable string the code has now, as lupdate finds it."""
    ts = tmp_path_factory.mktemp("ts") / "ecdesk_xx.ts"
    subprocess.run([lupdate(), *map(str, sources()), "-ts", str(ts), "-locations", "none",
                    "-silent"], check=True)
    return set(messages(ts))


def test_every_language_has_a_catalogue():
    assert {language_of(ts) for ts in catalogues()} == set(i18n.LANGUAGES)


@pytest.mark.parametrize("lang", list(i18n.LANGUAGES))
def test_every_ui_string_is_in_the_catalogue(extracted, lang):
    have = messages(i18n.catalogue(lang))
    missing = sorted(extracted - set(have))
    assert not missing, f"run `make translations-update`; not in ecdesk_{lang}.ts: {missing}"
    if lang in TRANSLATED:
        todo = sorted(m for m in extracted if unfinished(have[m]))
        assert not todo, f"translate these in ecdesk_{lang}.ts: {todo}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_fields_and_one_mnemonic(lang):
    wrong = []
    for (ctx, source), tr in messages(i18n.catalogue(lang)).items():
        text = tr.text or ""
        if sorted(FIELD.findall(source)) != sorted(FIELD.findall(text)):
            wrong.append((ctx, source, text))
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            wrong.append((ctx, source, text))
    assert not wrong


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_compiles_and_translates(qapp, tmp_path, lang):
    from PySide6.QtCore import QTranslator

    qm = tmp_path / f"ecdesk_{lang}.qm"
    assert i18n.compile_catalogue(i18n.catalogue(lang), qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("HeldPanel", "All reasons") not in ("", "All reasons")


def test_language_follows_the_system_until_the_clerk_chooses(tmp_path):
    from PySide6.QtCore import QLocale

    assert i18n.system_language(QLocale("ms_MY")) == "ms"
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("en_US")) == "en"
    path = tmp_path / "ui.json"
    assert i18n.saved_language(path) is None
    i18n.save_language("zh_CN", path)
    assert i18n.saved_language(path) == "zh_CN"
    i18n.save_language(None, path)
    assert i18n.saved_language(path) is None


def test_a_missing_qm_is_compiled_on_first_use(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "catalogue", lambda lang: tmp_path / f"ecdesk_{lang}.ts")
    (tmp_path / "ecdesk_ms.ts").write_bytes(i18n.resource_path("i18n/ecdesk_ms.ts")
                                            .read_bytes())
    qm = i18n.compiled("ms", cache=tmp_path / "cache")
    assert qm == tmp_path / "cache" / "ecdesk_ms.qm" and qm.exists()


def test_the_tools_tab_switch_keeps_the_language_for_the_next_start(window, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setenv("ECDESK_HOME", str(tmp_path))
    combo = window.tools.language
    combo.setCurrentIndex(combo.findData("ms"))
    assert i18n.saved_language() == "ms" and i18n.chosen_language() == "ms"
    combo.setCurrentIndex(combo.findData(None))  # back to the system's language
    assert i18n.saved_language() is None
