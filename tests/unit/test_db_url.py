"""Database URLs: what an admin types for a shared PostgreSQL reaches the shipped driver."""

from ecdesk.db import driver_url, make_engine


def test_plain_postgresql_url_uses_psycopg3():
    assert driver_url("postgresql://u:p@db.local/ecdesk") == \
        "postgresql+psycopg://u:p@db.local/ecdesk"
    assert driver_url("postgres://u@db.local:5433/ecdesk") == \
        "postgresql+psycopg://u@db.local:5433/ecdesk"
    engine = make_engine("postgresql://u@127.0.0.1:9/ecdesk")  # no connection is made
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()


def test_explicit_driver_and_sqlite_urls_are_kept():
    for url in ("postgresql+psycopg://u@h/db", "postgresql+psycopg2://u@h/db",
                "sqlite:///C:/data/ecdesk.sqlite", "mssql+pyodbc://u:p@dsn"):
        assert driver_url(url) == url
