"""outbox: index (store, kind, DocNo) for the check that one DocNo is one order's

Revision ID: 0007_outbox_doc_no
Revises: 0006_document_book
"""

from alembic import op

revision = "0007_outbox_doc_no"
down_revision = "0006_document_book"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_outbox_doc_no", "outbox", ["store_id", "doc_kind", "doc_no"])


def downgrade() -> None:
    op.drop_index("ix_outbox_doc_no", table_name="outbox")
