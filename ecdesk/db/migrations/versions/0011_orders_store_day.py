"""orders(store_id, ordered_at) index: a store's orders of a day or a month without a scan
(the Stores tab's "orders today", the reconciliation's date window)

Revision ID: 0011_orders_store_day
Revises: 0010_summary_fees
"""

from alembic import op

revision = "0011_orders_store_day"
down_revision = "0010_summary_fees"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_store_ordered", "orders", ["store_id", "ordered_at"])


def downgrade() -> None:
    op.drop_index("ix_orders_store_ordered", table_name="orders")
