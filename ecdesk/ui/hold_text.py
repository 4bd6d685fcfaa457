"""Hold reasons in the window's language: the English template of ``ecdesk.messages``
through Qt's translator, then filled with the values the hold recorded."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from ecdesk import messages


def hold_title(code: str, fallback: str = "") -> str:
    english = messages.HOLD_TITLES.get(code)
    if english is None:
        return fallback or messages.title(code)
    return QCoreApplication.translate(messages.CONTEXT, english)


def hold_text(key: str, params: Mapping[str, object], fallback: str = "") -> str:
    """The hold's sentence, translated; ``fallback`` (its stored English ``detail``) for a
    row recorded before holds kept their values, or a key this build does not know."""
    english = messages.TEMPLATES.get(key) if key else None
    if english is None:
        return fallback
    translated = QCoreApplication.translate(messages.CONTEXT, english)
    return messages.render(key, params, fallback, template=translated,
                           translate=lambda word: QCoreApplication.translate(messages.CONTEXT,
                                                                             word))
