"""Faithful offline simulators of every store platform and of AutoCount (loopback only)."""
