"""summary_members: orders in (or waiting for) a day's summary document (§9)

Revision ID: 0009_summary_members
Revises: 0008_stock_moves
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_summary_members"
down_revision = "0008_stock_moves"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "summary_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("doc_kind", sa.String(length=20), nullable=False),
        sa.Column("period", sa.String(length=60), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_id", "doc_kind"),
    )
    op.create_index("ix_summary_members_period", "summary_members",
                    ["store_id", "period", "seq"])


def downgrade() -> None:
    op.drop_index("ix_summary_members_period", table_name="summary_members")
    op.drop_table("summary_members")
