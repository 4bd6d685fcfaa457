"""summary_members.fees_covered: the order's fees went on its day's fee summary (§9)

Revision ID: 0010_summary_fees
Revises: 0009_summary_members
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_summary_fees"
down_revision = "0009_summary_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("summary_members") as batch:
        batch.add_column(sa.Column("fees_covered", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("summary_members") as batch:
        batch.drop_column("fees_covered")
