"""Use cases: take a Session (or a Database), return plain data, raise typed errors. No Qt."""
