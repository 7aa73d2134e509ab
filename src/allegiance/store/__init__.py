"""The embedded SQLite store and its migrations."""

from .db import Store
from .migrations import MIGRATIONS, migrate

__all__ = ["MIGRATIONS", "Store", "migrate"]
