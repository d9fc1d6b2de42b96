"""Reader settings from ``data/readers.toml`` (loaded once)."""
from __future__ import annotations

import functools
import tomllib

from ..vocab import DATA_DIR

SETTINGS_FILE = DATA_DIR / "readers.toml"


@functools.lru_cache(maxsize=1)
def settings() -> dict:
    with open(SETTINGS_FILE, "rb") as fh:
        return tomllib.load(fh)
