"""The one place the services read the time, so records carry consistent UTC timestamps."""

from __future__ import annotations

from datetime import UTC, datetime


def timestamp() -> str:
    """Now, in UTC, ISO 8601 to the second (sorts as text)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
