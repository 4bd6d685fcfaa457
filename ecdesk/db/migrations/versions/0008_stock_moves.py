"""stock_moves: stock-moving documents of the book that ecdesk did not post (Cloud, §7)

Revision ID: 0008_stock_moves
Revises: 0007_outbox_doc_no
"""

import sqlalchemy as sa
from alembic import op

import ecdesk.db.models  # noqa: F401  (custom column types)

revision = "0008_stock_moves"
down_revision = "0007_outbox_doc_no"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_kind", sa.String(length=30), nullable=False),
        sa.Column("doc_no", sa.String(length=60), nullable=False),
        sa.Column("item_code", sa.String(length=50), nullable=False),
        sa.Column("location", sa.String(length=50), nullable=False),
        sa.Column("qty", ecdesk.db.models.DecimalText(), nullable=False),
        sa.Column("created_at", ecdesk.db.models.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_moves_doc", "stock_moves", ["doc_kind", "doc_no"])


def downgrade() -> None:
    op.drop_index("ix_stock_moves_doc", table_name="stock_moves")
    op.drop_table("stock_moves")
