"""A throwaway PostgreSQL cluster for the shared-database tests.

Found under ``/usr/lib/postgresql/<version>/bin`` (Debian/Ubuntu layout; ``ECDESK_PG_BIN``
overrides). ``initdb`` refuses to run as root, so as root the cluster is created and run as
the ``postgres`` user through ``runuser``. It listens on a free loopback port with its socket
in its own temporary folder, trusts local connections, and is removed at the end.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class NoPostgres(Exception):
    """No PostgreSQL here: the message says why (the tests skip with it)."""


def pg_bin() -> Path:
    override = os.environ.get("ECDESK_PG_BIN")
    candidates = [override] if override else sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
        if Path(p).parent.name.isdigit() else 0, reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    where = override or "/usr/lib/postgresql/*/bin"
    raise NoPostgres(f"PostgreSQL server binaries (initdb, pg_ctl) not found in {where}; "
                     "install the 'postgresql' package to run the shared-database tests")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin: Path
    folder: Path
    port: int
    as_user: list[str]

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def run(self, *args: str) -> None:
        done = subprocess.run([*self.as_user, *args], capture_output=True, text=True,
                              timeout=120)
        if done.returncode != 0:
            raise NoPostgres(f"{Path(args[0]).name} failed: {done.stderr.strip()[-500:]}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self.run(str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster() -> Cluster:
    """initdb + pg_ctl start; raises :class:`NoPostgres` when that cannot be done here."""
    folder_bin = pg_bin()
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise NoPostgres("the psycopg driver is not installed (pip install 'psycopg[binary]')"
                         ) from exc
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="ecdesk-pg-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise NoPostgres("running as root without `runuser`: initdb refuses root")
        try:
            import pwd

            user = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise NoPostgres("running as root and there is no 'postgres' user") from exc
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = [runuser, "-u", "postgres", "--"]
    cluster = Cluster(folder_bin, folder, free_port(), as_user)
    try:
        cluster.run(str(folder_bin / "initdb"), "-D", str(cluster.data), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--no-sync")
        options = (f"-p {cluster.port} -k {folder} -c listen_addresses=127.0.0.1 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        cluster.run(str(folder_bin / "pg_ctl"), "start", "-w", "-t", "60", "-D",
                    str(cluster.data), "-l", str(folder / "server.log"), "-o", options)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return cluster
