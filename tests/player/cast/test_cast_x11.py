"""The first-cast question and a cast playing, in the real app on a real X server (Xvfb),
with screenshots; the app and the phone run in a private network (see tests/private_network.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import XDisplay
from tests.private_network import run_pytest_in_private_network

pytestmark = [pytest.mark.x11, pytest.mark.slow]


def test_the_first_cast_question_and_the_cast_in_a_real_window(xdisplay: XDisplay,
                                                               tmp_path: Path) -> None:
    run_pytest_in_private_network(
        "tests/player/cast/netns_scenarios.py::test_the_first_cast_question_in_a_real_window",
        env={"SILVERREEL_XDISPLAY": xdisplay.name, "SILVERREEL_SHOTS": str(tmp_path)})
    assert (tmp_path / "cast-question.png").stat().st_size > 0
    assert (tmp_path / "cast-playing.png").stat().st_size > 0
