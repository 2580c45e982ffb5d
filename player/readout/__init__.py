"""Read-out (语音播报): the app's side of speaking subtitles and announcements.

The scheduler follows the engine (with a clock that runs on between its position reports) and
the settings, and decides which line is spoken when; the speech player plays the lines through
libVLC; the hold pauses the episode in listen mode.
Synthesis itself (text → WAV, its cache and worker) is ``accessibility.speech``.
"""
