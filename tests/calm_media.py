"""Episodes for the calm-picture tests: a 5 Hz full-screen flash, flat shots with hard cuts."""

from __future__ import annotations

from pathlib import Path

from tests.media import ffmpeg

FPS = 30
CALM_S, FLASH_S, AFTER_S = 6, 4, 3
CUT_COLOURS = ("0xC03020", "0x2040C0", "0x20A040", "0xC03020")  # red, blue, green, red
SHOT_S = 2.5


def flash_episode(path: Path) -> Path:
    """6 s of a still, detailed colour picture; 4 s of a 5 Hz black/white full-screen flash
    (3 frames white, 3 frames black at 30 fps); 3 s of the still picture again."""
    if path.exists():
        return path
    size = "360x640"
    ffmpeg("-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d={CALM_S}",
           "-f", "lavfi",
           "-i", f"color=c=black:s={size}:r={FPS}:d={FLASH_S},"
                 "geq=lum='if(lt(mod(N\\,6)\\,3)\\,235\\,16)':cb=128:cr=128",
           "-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d={AFTER_S}",
           "-f", "lavfi", "-i", f"sine=f=330:d={CALM_S + FLASH_S + AFTER_S}",
           "-filter_complex", "[0:v][1:v][2:v]concat=n=3:v=1:a=0,format=yuv420p[v]",
           "-map", "[v]", "-map", "3:a", "-c:v", "libx264", "-preset", "ultrafast",
           "-g", "30", "-c:a", "aac", "-shortest", str(path))
    return path



def cut_episode(path: Path) -> Path:
    """Four flat-colour shots of 2.5 s joined by hard cuts at 2.5, 5.0 and 7.5 s."""
    if path.exists():
        return path
    inputs: list[str] = []
    for colour in CUT_COLOURS:
        inputs += ["-f", "lavfi", "-i", f"color=c={colour}:s=360x640:r={FPS}:d={SHOT_S}"]
    total = SHOT_S * len(CUT_COLOURS)
    ffmpeg(*inputs, "-f", "lavfi", "-i", f"sine=f=330:d={total}",
           "-filter_complex", "[0:v][1:v][2:v][3:v]concat=n=4:v=1:a=0,format=yuv420p[v]",
           "-map", "[v]", "-map", "4:a", "-c:v", "libx264", "-preset", "ultrafast",
           "-c:a", "aac", "-shortest", str(path))
    return path


BURST_START_S, BURST_SHOTS, BURST_SHOT_S = 3.0, 8, 0.3
TONE_HZ = 440


def burst_episode(path: Path) -> Path:
    """3 s of a still, detailed picture; a burst of eight 0.3 s flat-colour shots (hard cuts
    every 0.3 s); 4 s of the still picture again. A steady 440 Hz tone all through."""
    if path.exists():
        return path
    colours = [CUT_COLOURS[i % 3] for i in range(BURST_SHOTS)]
    size = "360x640"
    inputs = ["-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d={BURST_START_S}"]
    for colour in colours:
        inputs += ["-f", "lavfi", "-i", f"color=c={colour}:s={size}:r={FPS}:d={BURST_SHOT_S}"]
    inputs += ["-f", "lavfi", "-i", f"smptehdbars=s={size}:r={FPS}:d=4"]
    shots = len(colours) + 2
    total = BURST_START_S + BURST_SHOTS * BURST_SHOT_S + 4
    chain = "".join(f"[{i}:v]" for i in range(shots))
    ffmpeg(*inputs, "-f", "lavfi", "-i", f"sine=f={TONE_HZ}:sample_rate=48000:d={total}",
           "-filter_complex", f"{chain}concat=n={shots}:v=1:a=0,format=yuv420p[v]",
           "-map", "[v]", "-map", f"{shots}:a", "-c:v", "libx264", "-preset", "ultrafast",
           "-g", "30", "-c:a", "aac", "-shortest", str(path))
    return path
