"""hold reasons keep their message key and values (translated in the window)

Revision ID: 0004_hold_message_params
Revises: 0003_credential_uids
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_hold_message_params"
down_revision = "0003_credential_uids"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Older rows keep an empty key: the window shows their stored English ``detail``.
    with op.batch_alter_table("hold_reasons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message", sa.String(length=60), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("hold_reasons", schema=None) as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("message")
