"""Where the pacing levels and event definitions draw their lines.

The family settings declaration feeds these values; the defaults are argued in
``docs/pacing.md``. Changing them never needs the episode decoded again: a cached
measurement is re-summarised with the new thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PacingThresholds:
    # Cuts per minute at which an episode stops being calm / moderate / fast. Contemporary
    # films average one cut every 2.5–4 s (15–24 a minute), action films about 30 a minute.
    # An older viewer finds anything above the film average fast, so: calm below 12 (shots
    # longer than 5 s), moderate up to 20 (film average), fast up to 30 (action film),
    # very fast beyond.
    moderate_cuts_per_minute: float = 12.0
    fast_cuts_per_minute: float = 20.0
    very_fast_cuts_per_minute: float = 30.0

    # A burst: at least ``burst_min_shots`` shots shorter than ``burst_shot_s`` within
    # ``burst_window_s``. Micro-drama montages use 8–15 frame shots (0.27–0.5 s at 30 fps).
    burst_shot_s: float = 0.5
    burst_window_s: float = 2.0
    burst_min_shots: int = 3
    # Any burst makes an episode at least moderate; this many a minute make it fast.
    fast_bursts_per_minute: float = 2.0

    # WCAG 2.3.1 / ITU-R BT.1702: more than three flashes within any one second.
    max_flashes_per_second: int = 3
    # A flagged flash period makes the episode very fast: it is a seizure risk, not a style.

    # Loudness jump: momentary loudness this far above the median of the previous
    # ``jump_history_s`` seconds. EBU R128 s1 caps short-form momentary loudness at 8 LU over
    # target, so 10 LU above what came before is a startle, not a scene change.
    jump_rise_lu: float = 10.0
    jump_history_s: float = 3.0
    # A jump must also be loud in itself: at least this far above the episode's integrated
    # loudness, EBU R128 s1's cap for short-form momentary loudness. So speech after a silent
    # pause (a big rise over silence) is not a jump. Measured on the demo series: dialogue after
    # a pause peaks 4–5 LU above integrated, the "dun" effect 13.9 LU above.
    jump_over_programme_lu: float = 8.0
    # Any jump makes an episode at least moderate; this many a minute make it fast.
    fast_jumps_per_minute: float = 2.0
