"""credential uids: a random uid per store and per database, for keyring entry names

Issue 10 item 1: keyring entries were named by the store's database id (reused after a
store is removed, and the same in every database) and AutoCount's by nothing. Each store
gets a random ``uid``; the database gets its own in ``settings`` (``database.uid``). The ids
of the stores present now are kept in ``secrets.legacy_store_ids`` so their old entries
(``store-<id>/<key>``, ``autocount/<key>``) are moved once, on open, under the new names.

Revision ID: 0003_credential_uids
Revises: 0003_stock_egress
"""

import json
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003_credential_uids"
down_revision = "0003_stock_egress"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(32), nullable=True))
    conn = op.get_bind()
    stores = sa.table("stores", sa.column("id", sa.Integer), sa.column("uid", sa.String))
    ids = [row.id for row in conn.execute(sa.select(stores.c.id))]
    for store_id in ids:
        conn.execute(stores.update().where(stores.c.id == store_id)
                     .values(uid=uuid.uuid4().hex))
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(32), nullable=False)
        batch_op.create_unique_constraint("uq_stores_uid", ["uid"])
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.Text))
    rows = [{"key": "database.uid", "value": uuid.uuid4().hex}]
    if ids:  # an existing database: its old keyring entries are adopted on open
        rows.append({"key": "secrets.legacy_store_ids", "value": json.dumps(ids)})
    op.bulk_insert(settings, rows)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("DELETE FROM settings WHERE key IN ('database.uid', "
                         "'secrets.legacy_store_ids')"))
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.drop_constraint("uq_stores_uid", type_="unique")
        batch_op.drop_column("uid")
