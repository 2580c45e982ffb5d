import time
from pathlib import Path

from player.eventlog import EventLog, read_events


def test_events_are_json_lines_with_a_monotonic_clock(tmp_path: Path) -> None:
    path = tmp_path / "logs" / "events.jsonl"
    log = EventLog(path)
    before = time.monotonic()
    log.log("play_requested", location="/媒体/第1集.mp4", start_ms=0)
    log.log("first_frame")
    log.close()
    events = read_events(path)
    assert [e["event"] for e in events] == ["play_requested", "first_frame"]
    assert events[0]["location"] == "/媒体/第1集.mp4"
    assert before <= events[0]["t"] <= events[1]["t"] <= time.monotonic()


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text('{"t": 1.0, "event": "app_started"}\n{"t": 2.0, "ev', encoding="utf-8")
    assert [e["event"] for e in read_events(path)] == ["app_started"]


def test_an_unwritable_log_never_stops_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    log = EventLog(blocker / "events.jsonl")
    log.log("app_started")  # nothing raised
    assert log.path == blocker / "events.jsonl"
