"""Where SilverReel keeps its files (per user, per platform, via platformdirs)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "silverreel"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def progress_db(self) -> Path:
        return self.data_dir / "progress.sqlite3"

    @property
    def default_event_log(self) -> Path:
        return self.log_dir / "events.jsonl"


def app_paths(config_dir: Path | None = None) -> AppPaths:
    """Standard per-user folders, or everything under ``config_dir`` when one is given."""
    if config_dir is not None:
        root = config_dir
        return AppPaths(root, root / "data", root / "cache", root / "logs")
    return AppPaths(
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )
