"""Reactions to settings are connected by key and checked against the declaration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from player.config.declaration import GROUPS, GROUPS_BY_KEY, OPTIONS, THEME_KEYS
from player.config.store import Settings, UnknownSetting


def test_a_reaction_fires_only_for_its_own_keys(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    seen: list[Any] = []
    settings.on_change("playback.volume", seen.append)
    settings.set("ui.enlarged", True)
    settings.set("playback.volume", 37)
    settings.set("playback.volume", 37)  # unchanged: no reaction
    assert seen == [37]


def test_a_reaction_to_several_keys_is_told_which_changed(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    seen: list[tuple[str, Any]] = []
    settings.on_change(("pacing.fast_cpm", "pacing.moderate_cpm"),
                       with_key=lambda key, value: seen.append((key, value)))
    settings.update({"pacing.fast_cpm": 25.0, "pacing.moderate_cpm": 14.0, "ui.enlarged": True})
    assert sorted(seen) == [("pacing.fast_cpm", 25.0), ("pacing.moderate_cpm", 14.0)]


def test_a_mistyped_key_is_refused_when_connected(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(UnknownSetting, match=r"playback\.volum\b"):
        settings.on_change("playback.volum", lambda _value: None)
    with pytest.raises(UnknownSetting, match=r"pacing\.fastest_cpm"):
        settings.on_change(["pacing.fast_cpm", "pacing.fastest_cpm"], with_key=lambda k, v: None)


def test_a_reaction_is_given_one_way(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(TypeError):
        settings.on_change("ui.enlarged")
    with pytest.raises(TypeError):
        settings.on_change("ui.enlarged", lambda v: None, with_key=lambda k, v: None)


def test_reactions_run_in_the_order_they_were_connected(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    order: list[str] = []
    settings.on_change("ui.tv_mode", lambda _v: order.append("first"))
    settings.changed.connect(lambda _k, _v: order.append("everything"))
    settings.on_change("ui.tv_mode", lambda _v: order.append("last"))
    settings.set("ui.tv_mode", True)
    assert order == ["first", "everything", "last"]


def test_every_group_has_a_heading_in_both_languages() -> None:
    assert {option.group for option in OPTIONS} <= set(GROUPS_BY_KEY)
    for group in GROUPS:
        assert group.heading_zh and group.heading_en and group.heading_zh != group.heading_en


def test_the_theme_keys_are_the_sizes_and_colours() -> None:
    expected = {"ui.enlarged", "ui.text_scale", "ui.enlarge_factor", "ui.tv_mode",
                "subtitles.size", "subtitles.colours", "subtitles.position"}
    assert expected == THEME_KEYS


def test_a_disconnected_reaction_no_longer_fires(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    seen: list[Any] = []
    unsubscribe = settings.on_change("readout.rate", seen.append)
    settings.set("readout.rate", 90)
    unsubscribe()
    settings.set("readout.rate", 95)
    assert seen == [90]
    assert settings.get("readout.rate") == 95
