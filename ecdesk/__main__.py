"""``python -m ecdesk``: the command line; with no arguments, the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["run-job"]:  # the window's sync in a child process (services/child_runs)
        from ecdesk.services.child_runs import child_main

        return child_main()
    from ecdesk.cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
