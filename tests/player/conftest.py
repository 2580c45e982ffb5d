"""Fixtures shared by every test of the player: the real app built in-process."""

from tests.player.ui.conftest import build_app  # noqa: F401 - a fixture, registered by import
