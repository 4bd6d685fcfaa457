"""outbox: the workbook an entry was exported to (import-file route, DECISIONS.md §8)

Revision ID: 0005_outbox_export_file
Revises: 0004_hold_message_params
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_outbox_export_file"
down_revision = "0004_hold_message_params"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("export_file", sa.String(length=80), nullable=True))
        batch_op.create_index("ix_outbox_export_file", ["export_file"])


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_export_file")
        batch_op.drop_column("export_file")
