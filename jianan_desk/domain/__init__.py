"""Plain-Python business rules: no Qt, no SQLAlchemy."""
