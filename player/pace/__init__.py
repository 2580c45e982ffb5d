"""Calm pacing in the app: what it does with the pacing analysis of ``accessibility.pacing``.

``accessibility.pacing`` measures an episode (cuts, bursts, flashes, loudness) and knows
nothing of the app; this package acts on those measurements while the viewer watches, so it
has a name of its own (``pace``), and each job a module:

- ``monitor``: the background analysis service and each episode's result (``PacingMonitor``);
- ``levels``: the family's cut-rate thresholds and level words;
- ``badges``: the pace word on each episode tile;
- ``checks``: the pacing notice and the pacing skip, two of the session's start checks;
- ``during``: even loudness, softer sudden bangs and the gentle sign while an episode plays;
- ``picture_cues``: subtitles read off the picture, handed to the cue pipeline;
- ``reactions``: the four reactions built together for the assembly.

Nothing here imports a screen: the window reaches it through ``PaceViewer`` (intent-level
methods and signals), and the assembly connects the badge and hint signals to the screens.
"""
