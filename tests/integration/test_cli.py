"""The command line, driven as a script would drive it, against the sandboxes
(docs/decisions.md §4)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import keyring
import pytest

from ecdesk.cli import run
from ecdesk.demo import PAYMENT_METHOD, start_sandboxes
from ecdesk.sandbox.seed import masterdata
from ecdesk.secrets import FileKeyring


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    keyring.set_keyring(FileKeyring())
    world = start_sandboxes(["shopify"], orders=40, seed_value=3,
                            options={"autocount": {"rate_limit": 1_000_000}})
    yield world
    world.stop()


def cli(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = run(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_up(world, capsys, monkeypatch) -> None:
    shop, ac = world.sandboxes["shopify"], world.autocount
    assert cli(capsys, "store", "add", "Shop", "--platform", "shopify", "--url", shop.url,
               "--set", "doc_prefix=SH-", "--set", "debtor_code=300-H001")[0] == 0
    for key, value in shop.credentials().items():
        assert cli(capsys, "secret", "set", "Shop", key, stdin=value + "\n",
                   monkeypatch=monkeypatch)[0] == 0
    for key, value in ac.credentials().items():
        assert cli(capsys, "secret", "set", "autocount", key, stdin=value,
                   monkeypatch=monkeypatch)[0] == 0
    assert cli(capsys, "autocount", "set", "--route", "cloud", "--url", ac.url, "--book",
               ac.store_settings()["book"], "--set", "credit_term=C.O.D.",
               "--set", "sales_location=HQ", "--set", "sales_account=500-1000",
               "--set", "rounding_account=907-0000", "--set", "shipping_item=SHIPPING")[0] == 0
    md = masterdata()
    for row in md["catalog"]:
        assert cli(capsys, "map", "sku", "Shop", row["sku"], row["item_code"])[0] == 0
    for method in md["shipping_methods"]["shopify"]:
        assert cli(capsys, "map", "shipping", "Shop", method, "SHIPPING")[0] == 0
    for gateway in md["payment_methods"]["shopify"]:
        cli(capsys, "map", "payment", "Shop", gateway, PAYMENT_METHOD.get(gateway, "BANK"))
    for rate, code in (("0", "none"), ("6", "SV-6"), ("8%", "SV-8")):
        assert cli(capsys, "map", "tax", "Shop", rate, code)[0] == 0


def test_headless_setup_sync_held_retry_documents(env, capsys, monkeypatch):
    set_up(env, capsys, monkeypatch)
    code, out, _ = cli(capsys, "store", "list", "--json")
    assert code == 0 and json.loads(out)["name"] == "Shop"
    assert "client_secret" not in out and "shpss" not in out

    code, out, err = cli(capsys, "sync", "--once")
    assert code == 1, err  # some orders held
    assert "posted" in out

    code, out, _ = cli(capsys, "held", "--json")
    held = [json.loads(line) for line in out.splitlines()]
    assert held and all(h["outcome"] == "held" and h["reasons"] for h in held)
    unmapped = next(h for h in held
                    if [r["code"] for r in h["reasons"]] == ["unmapped_sku"])

    code, out, _ = cli(capsys, "documents", "--json")
    docs = [json.loads(line) for line in out.splitlines()]
    assert docs and all(d["doc_no"].startswith("SH-") and d["ref"].startswith("Shopify ")
                        for d in docs)

    # fix the mapping, retry that one order by its display number: it posts
    sku = unmapped["reasons"][0]["value"]
    assert cli(capsys, "map", "sku", "Shop", sku, "CAP-BLK")[0] == 0
    code, out, _ = cli(capsys, "preview", f"Shop:{unmapped['order']}")
    assert code == 0 and json.loads(out)["draft"]["doc_no"] == f"SH-{unmapped['order']}"
    code, out, _ = cli(capsys, "retry", f"Shop:{unmapped['order']}")
    assert code == 0 and "posted 1" in out
    assert env.autocount.find(f"SH-{unmapped['order']}") is not None

    # the next sync also posts other held orders the new mapping fixed; then nothing new
    cli(capsys, "sync", "--once")
    before = len(env.autocount.documents())
    code, out, _ = cli(capsys, "sync", "--once")
    assert "posted 0" in out
    assert len(env.autocount.documents()) == before


def test_usage_and_credential_errors_exit_2_with_a_sentence(env, capsys, monkeypatch):
    code, _, err = cli(capsys, "retry", "Nowhere:1")
    assert code == 2 and "No store named 'Nowhere'" in err and "Traceback" not in err
    code, _, err = cli(capsys, "store", "add", "X", "--platform", "ebay")
    assert code == 2
    shop = env.sandboxes["shopify"]
    cli(capsys, "store", "add", "Shop", "--platform", "shopify", "--url", shop.url)
    code, _, err = cli(capsys, "sync", "--once")
    assert code == 2 and "client_id" in err and "secret set Shop" in err
    code, _, err = cli(capsys, "store", "set", "Shop", "--set", "nonsense")
    assert code == 2 and "KEY=VALUE" in err


def test_wrong_token_is_a_credential_error(env, capsys, monkeypatch):
    set_up(env, capsys, monkeypatch)
    cli(capsys, "secret", "set", "Shop", "client_secret", stdin="shpss_NOT_THE_SECRET_42",
        monkeypatch=monkeypatch)
    code, out, err = cli(capsys, "sync", "--once")
    assert code == 2, (out, err)
    assert "Shop" in err or "Shopify" in err
    assert "NOT_THE_SECRET" not in err + out  # the secret itself is never printed


def test_sandbox_command_prints_one_json_line_per_sandbox(tmp_path):
    from ecdesk.sandbox.registry import available

    wanted = set(available()) | {"autocount"}
    proc = subprocess.Popen([sys.executable, "-m", "ecdesk", "sandbox", "--orders", "5"],
                            stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        lines = [json.loads(proc.stdout.readline()) for _ in wanted]
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert {line["name"] for line in lines} == wanted
    for line in lines:
        assert line["url"].startswith("http://127.0.0.1:") and line["credentials"]
        if line["platform"] in ("shopee", "lazada"):  # the code `store auth` takes
            assert line["auth_code"] and line["auth_code_minutes"] >= 10
        else:
            assert "auth_code" not in line


def test_store_auth_exchanges_a_marketplace_code_for_tokens(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ecdesk.secrets.FileKeyring")
    monkeypatch.setenv("ECDESK_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("ECDESK_DB", f"sqlite:///{tmp_path / 'auth.sqlite'}")
    keyring.set_keyring(FileKeyring())
    with start_sandboxes(["shopee"], orders=5) as world:
        shopee = world.sandboxes["shopee"]
        settings = [f"--set={k}={v}" for k, v in shopee.store_settings().items()]
        assert cli(capsys, "store", "add", "SP", "--platform", "shopee", "--url", shopee.url,
                   *settings)[0] == 0
        cli(capsys, "secret", "set", "SP", "partner_key",
            stdin=shopee.credentials()["partner_key"], monkeypatch=monkeypatch)
        code, _, err = cli(capsys, "store", "auth", "SP", "--code", "not-a-real-code")
        assert code == 2 and "code" in err.lower()
        code, out, err = cli(capsys, "store", "auth", "SP", "--code", shopee.auth_code())
        assert code == 0, err
        code, out, err = cli(capsys, "store", "test", "SP")
        assert code == 0, err
        tokens = json.loads((tmp_path / "keyring.json").read_text())
        assert any(k.endswith("/access_token") for k in tokens)
        assert any(k.endswith("/refresh_token") for k in tokens)


def test_sync_without_once_keeps_running_until_stopped(env, capsys, monkeypatch):
    import signal

    set_up(env, capsys, monkeypatch)
    proc = subprocess.Popen([sys.executable, "-m", "ecdesk", "sync"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        first = proc.stdout.readline()  # the first pass over every store
        assert "fetched 40 orders" in first
        assert proc.poll() is None  # still running, waiting for the next cadence
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert code == 1  # the pass left orders held


def test_newcomer_helpers_list_the_books_codes_and_name_the_fixing_command(env, capsys,
                                                                          monkeypatch):
    set_up(env, capsys, monkeypatch)
    code, out, err = cli(capsys, "autocount", "items", "--search", "red")
    assert code == 0 and "TS-RED-S" in out and "Cotton T-shirt Red S" in out
    assert "CAP-BLK" not in out and "matching 'red'" in err
    code, out, _ = cli(capsys, "autocount", "payment-methods")
    assert code == 0 and "BANK" in out.split()
    code, _, err = cli(capsys, "autocount", "taxcodes")
    assert code == 2 and "no list of tax codes" in err  # Cloud cannot list them
    code, _, err = cli(capsys, "map", "sku", "Shop", "MYSTERY-SKU-99", "NO-SUCH-ITEM")
    assert code == 2 and "The AutoCount book has no item code 'NO-SUCH-ITEM'" in err
    assert "ecdesk autocount items --search" in err
    assert cli(capsys, "sync", "--once")[0] == 1
    code, out, _ = cli(capsys, "held")
    assert "fix: `ecdesk map sku Shop OLD-PROMO-BUNDLE ITEMCODE` (`ecdesk autocount items` " \
           "lists the codes), then `ecdesk retry Shop:" in out


def test_day_summaries_post_to_autocount_cloud_and_list_per_order(env, capsys, monkeypatch):
    """posting_mode=day against the AutoCount Cloud sandbox: one document per closed day,
    each order listing its day's DocNo; the clerk closes today with --close-day."""
    from datetime import date

    set_up(env, capsys, monkeypatch)
    assert cli(capsys, "store", "set", "Shop", "--set", "posting_mode=day")[0] == 0
    cli(capsys, "sync", "--once")
    code, out, _ = cli(capsys, "documents", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    docs = [d for d in rows if d["doc_type"] == "invoice"]
    assert docs and all(d["doc_no"].startswith("SH-D") for d in docs)
    refunds = [d for d in rows if d["doc_type"] == "credit_note"]
    assert refunds and all(d["doc_no"] == f"SH-{d['order']}-R1" for d in refunds
                           if d["doc_no"].endswith("-R1"))  # numbered from the order
    summaries = {d["doc_no"] for d in docs}
    assert len(summaries) < len(docs)  # many orders, few documents
    for doc_no in summaries:
        found = env.autocount.find(doc_no)
        assert found is not None
    today = date.today().isoformat()
    code, out, err = cli(capsys, "sync", "--once", "--close-day", today)
    assert code in (0, 1), err
    code, out, _ = cli(capsys, "preview", f"Shop:{docs[0]['order']}")
    assert json.loads(out)["summary"]["doc_no"] == docs[0]["doc_no"]
    before = len(env.autocount.documents())
    cli(capsys, "sync", "--once")
    assert len(env.autocount.documents()) == before  # nothing twice
