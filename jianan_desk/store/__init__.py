"""Persistence: SQLAlchemy models, engine and sessions, migrations, backups. No Qt."""
