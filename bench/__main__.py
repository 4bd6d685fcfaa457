"""``make bench``: run every benchmark under bench/ and print its figures."""

import importlib
import pkgutil

import bench


def main() -> None:
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if info.name.startswith("bench_") or info.name == "stock_push":
            importlib.import_module(f"bench.{info.name}").main()


if __name__ == "__main__":
    main()
