"""Alembic environment: runs on the connection ecdesk hands it (see ``ecdesk.db.upgrade``)."""

from alembic import context
from sqlalchemy import create_engine

import ecdesk.db.stock_models  # noqa: F401  (register the stock tables)
import ecdesk.db.summary_models  # noqa: F401  (register the summary tables)
from ecdesk.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` command line: -x url=...
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///ecdesk.sqlite")
        with create_engine(url).connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True)
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
        return
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
