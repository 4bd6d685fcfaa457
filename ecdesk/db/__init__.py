"""Database: engine/session factory and Alembic-managed schema.

The default is a SQLite file in the user data folder (platformdirs); ``--db`` or ``ECDESK_DB``
takes any SQLAlchemy URL (a shared PostgreSQL or SQL Server lets several PCs work one
database). :func:`open_database` upgrades the schema to the newest migration on open.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "ecdesk"


def data_dir() -> Path:
    """Where ecdesk keeps its database and logs (``ECDESK_HOME`` overrides)."""
    override = os.environ.get("ECDESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    env = os.environ.get("ECDESK_DB")
    if env:
        return env
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'ecdesk.sqlite'}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def driver_url(url: str) -> str:
    """``postgresql://...`` (or ``postgres://``) as typed by an admin -> the psycopg 3 driver
    ecdesk ships with (SQLAlchemy would otherwise look for psycopg2)."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def make_engine(url: str | None = None) -> Engine:
    url = driver_url(url or default_url())
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        args = {"connect_timeout": 10} if url.startswith("postgresql") else {}
        engine = create_engine(url, pool_pre_ping=True, connect_args=args)
    return engine


#: The PostgreSQL advisory lock held while migrating (any constant; "ecdesk" in ASCII).
MIGRATION_LOCK = 0x6563_6465_736B


def _one_migrator(conn: Connection) -> None:
    """Several PCs may open a new database at once: one migrates, the others wait for it
    to commit and then find the schema current (without this, both create the tables)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock, waiting per busy_timeout


#: The newest migration (``tests/unit/test_code_shape.py`` holds it to Alembic's head): a
#: database already there opens without loading Alembic (about 30 MB of the window's memory).
HEAD_REVISION = "0011_orders_store_day"


def at_head(engine: Engine) -> bool:
    """True when the database's schema is the newest (nothing to migrate)."""
    try:
        with engine.connect() as conn:
            versions = [r[0] for r in conn.execute(text("SELECT version_num FROM "
                                                        "alembic_version"))]
    except SQLAlchemyError:  # a new database: no version table yet
        return False
    return versions == [HEAD_REVISION]


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the newest Alembic revision."""
    if at_head(engine):
        return
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with engine.begin() as conn:
        _one_migrator(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Database:
    """An engine plus a session factory; the service owns one."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        from ecdesk.db.problems import DatabaseUnusable, check_before_open, explain

        self.url = url or default_url()
        check_before_open(driver_url(self.url))
        try:
            self.engine = make_engine(self.url)
            if migrate:
                upgrade(self.engine)
        except (SQLAlchemyError, OSError) as exc:  # a file or server ecdesk cannot use
            raise DatabaseUnusable(explain(self.url, exc)) from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def dispose(self) -> None:
        self.engine.dispose()


def database_uid(session: Session) -> str:
    """This database's own random uid (``settings`` ``database.uid``, made by migration
    0003_credential_uids; made here if a database lacks it): names its keyring entries."""
    import uuid

    from ecdesk.db.models import Setting

    row = session.get(Setting, DATABASE_UID)
    if row is None or not row.value:
        row = row or Setting(key=DATABASE_UID)
        row.value = uuid.uuid4().hex
        session.merge(row)
        session.commit()
    return row.value


DATABASE_UID = "database.uid"


def open_database(url: str | None = None) -> Database:
    return Database(url)
