"""review indexes: a reviewer's own claims

"Next item" first looks for the reviewer's own live claim (a reload must not hand out a second
item). Without an index on claimed_by that lookup walks the whole open backlog in queue order;
measured on 100k open tasks (bench/bench_review.py) it dominated the request.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review_tasks", schema=None) as batch_op:
        batch_op.create_index("ix_review_tasks_claimed_by", ["claimed_by"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_tasks", schema=None) as batch_op:
        batch_op.drop_index("ix_review_tasks_claimed_by")
