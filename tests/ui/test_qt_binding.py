"""The Qt binding itself: a long-running window must not corrupt Python's reference counts.

PySide6 6.12.0 loses one reference to ``None`` on every void call (``setEnabled``,
``processEvents``...). On Python 3.11, where ``None`` is not immortal, the window then dies
with "deallocating None" after a few thousand calls. pyproject.toml caps the version.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_the_reference_count_of_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setEnabled(True)
        app.processEvents()
    assert sys.getrefcount(None) > before - 100
