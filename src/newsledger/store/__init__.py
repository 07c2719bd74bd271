"""Store: the ledger on SQLite or PostgreSQL through SQLAlchemy Core, with a versioned schema."""
