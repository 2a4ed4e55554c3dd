"""Alembic environment. The app runs migrations in code (``store.migrations``), passing
its own connection in ``config.attributes['connection']``; the whole upgrade is one
transaction, so a failed step leaves the file as it was."""

from alembic import context

from jianan_desk.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from jianan_desk.paths import resolve_db
        from jianan_desk.store.engine import make_engine

        engine = make_engine(resolve_db(None))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
