"""documents: the AutoCount book each is in; unique per book (several companies, §8)

Revision ID: 0006_document_book
Revises: 0005_outbox_export_file
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_document_book"
down_revision = "0005_outbox_export_file"
branch_labels = None
depends_on = None

# SQLite keeps the old constraint unnamed: batch mode names reflected ones by this convention
NAMING = {"uq": "uq_%(table_name)s_%(column_0_N_name)s"}


def _unique_name(columns: list[str]) -> str:
    for c in sa.inspect(op.get_bind()).get_unique_constraints("documents"):
        if c["column_names"] == columns and c.get("name"):
            return c["name"]
    return f"uq_documents_{'_'.join(columns)}"


def upgrade() -> None:
    old = _unique_name(["kind", "doc_no"])
    with op.batch_alter_table("documents", naming_convention=NAMING) as batch_op:
        batch_op.add_column(sa.Column("book", sa.String(length=40), nullable=False,
                                      server_default=""))
        batch_op.drop_constraint(old, type_="unique")
        batch_op.create_unique_constraint("uq_documents_book_kind_doc_no",
                                          ["book", "kind", "doc_no"])


def downgrade() -> None:
    with op.batch_alter_table("documents", naming_convention=NAMING) as batch_op:
        batch_op.drop_constraint("uq_documents_book_kind_doc_no", type_="unique")
        batch_op.create_unique_constraint("uq_documents_kind_doc_no", ["kind", "doc_no"])
        batch_op.drop_column("book")
