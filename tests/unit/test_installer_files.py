"""The Windows packaging files agree with the package (the build itself: `make installer-smoke`)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import ecdesk
from ecdesk.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_setup_script_defaults_to_the_package_version() -> None:
    iss = (ROOT / "installer" / "ecdesk.iss").read_text("utf-8")
    match = re.search(r'#define AppVersion "([^"]+)"', iss)
    assert match and match.group(1) == ecdesk.__version__


def test_setup_script_packs_the_folder_the_spec_builds() -> None:
    spec = (ROOT / "build_installer.spec").read_text("utf-8")
    iss = (ROOT / "installer" / "ecdesk.iss").read_text("utf-8")
    assert 'COLLECT(gui, cli, a.binaries, a.datas, name="ecdesk"' in spec
    assert 'Source: "..\\dist\\ecdesk\\*"' in iss
    assert 'Filename: "{app}\\ecdesk.exe"' in iss and 'name="ecdesk", icon=ICON' in spec


def test_icon_holds_every_windows_size() -> None:
    data = (ROOT / "resources" / "ecdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack_from("<B", data, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_version_flag_prints_the_version(capsys) -> None:
    assert run(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ecdesk {ecdesk.__version__}"
