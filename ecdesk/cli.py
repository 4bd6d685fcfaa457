"""Headless commands (DECISIONS.md §4) over ``ecdesk.service``."""

from __future__ import annotations

import argparse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecdesk", description=__doc__)
    parser.add_subparsers(dest="command")
    return parser


def run(argv: list[str]) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    return 0
