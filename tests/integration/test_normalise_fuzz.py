"""Fuzz every connector's normaliser (issue 15): real payloads from each sandbox, mutated by
hypothesis. Never a crash: each order is drafted with its total to the cent, or held with a
reason, or refused by normalise in words (held as unreadable). ``make bench`` runs 10,000
per connector (bench/fuzz.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecdesk.sandbox.fuzz import collect, mutate, verdict

PLATFORMS = ("shopify", "woocommerce", "shopee", "lazada", "custom")


@pytest.fixture(scope="module", params=PLATFORMS)
def target(request):
    return collect(request.param, orders=20)


@settings(max_examples=200, deadline=None, database=None)
@given(rng=st.randoms(use_true_random=False), steps=st.integers(1, 6), pick=st.integers(0, 999))
def check(target, rng: random.Random, steps: int, pick: int) -> None:
    payload = mutate(target.payloads[pick % len(target.payloads)], rng, steps)
    assert verdict(target, payload) is None


def test_no_mutated_payload_crashes(target):
    assert len(target.payloads) >= 10  # real payloads to start from
    check(target)


def test_the_verdict_catches_a_crash(target):
    class Broken:
        def normalise(self, payload):
            raise RuntimeError("a bug")

    broken = type(target)(target.platform, Broken(), target.maps, target.rules, [])
    assert "normalise crashed: RuntimeError: a bug" in verdict(broken, target.payloads[0])
    assert verdict(target, target.payloads[0]) is None


def test_a_misshapen_field_is_refused_in_words():
    from ecdesk.sync.connectors.base import PayloadError, read_order

    target = collect("custom", orders=3)
    payload = dict(target.payloads[0])
    payload["lines"] = [dict(payload["lines"][0], sku=["A", "B"])]
    with pytest.raises(PayloadError, match=r"lines\[0\]\.sku"):
        read_order(target.connector, payload)
