"""Change events between workstations on a shared server (PostgreSQL LISTEN/NOTIFY)."""
