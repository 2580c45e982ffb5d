"""Episodes with burned-in subtitles drawn by ffmpeg's drawtext, and their ground truth.

Shared by the picture-text tests and ``benchmarks/bench_ocr.py``. The picture is a sequence of
shots cut from ffmpeg's moving, textured test sources (a zooming Mandelbrot set, the game of
life, grainy drifting gradients, a bright sky, a frozen high-contrast still), because a flat
colour card makes any subtitle reader look perfect. Each line is white (or yellow) CJK text
with a dark outline, shown from one frame to another, at a height and size that vary between
episodes the way they vary between micro-drama studios. The script of an episode is data
(``Script``), so the truth — what was drawn, from which frame to which — falls out of it.
"""

from __future__ import annotations

import random
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FPS = 25

# Dialogue of the kind micro-dramas burn in: 4–16 characters, punctuation included.
CHINESE_LINES = (
    "妈，我回来了。",
    "你怎么才回来？",
    "路上堵车了。",
    "饭菜都凉了，快吃吧。",
    "爸爸今天身体好些了吗？",
    "好多了，你别担心。",
    "这件事你为什么瞒着我？",
    "我不想让您操心。",
    "孩子，家里永远是你的依靠。",
    "明天我陪您去医院复查。",
    "不用了，我自己能行。",
    "您就听我一次吧！",
    "外面下雨了，记得带伞。",
    "奶奶，生日快乐！",
    "这是我给您织的毛衣。",
    "真暖和，奶奶很喜欢。",
    "他到底是什么人？",
    "三年前的事情，我都知道了。",
    "对不起，是我错怪你了。",
    "我们一家人再也不分开了。",
    "你放心，公司交给我。",
    "今晚的月亮真圆啊。",
    "快过年了，早点回家。",
    "谢谢你一直照顾我妈妈。",
    "我们明天一早就出发。",
    "老伴，你看谁来了？",
    "这孩子长这么高了！",
    "一路平安，到了打电话。",
    "你先坐下，听我慢慢说。",
    "这个家不能没有你。",
)
ENGLISH_LINES = (
    "Welcome home, Grandma!",
    "I will be back soon.",
    "Thank you so much.",
)


@dataclass(frozen=True)
class Line:
    first_frame: int
    end_frame: int  # the first frame without the line
    text: str

    @property
    def start_s(self) -> float:
        return self.first_frame / FPS

    @property
    def end_s(self) -> float:
        return self.end_frame / FPS


@dataclass(frozen=True)
class Shot:
    frames: int
    kind: str  # a key of _SOURCES
    seed: int


@dataclass(frozen=True)
class Script:
    width: int
    height: int
    frames: int
    lines: tuple[Line, ...]
    shots: tuple[Shot, ...]
    text_top: int  # y of the top of the text box, pixels
    font_px: int  # largest font size; long lines are drawn smaller so they fit
    colour: str
    box: bool = False  # the lines on a half-transparent dark box instead of a dark outline

    @property
    def duration_s(self) -> float:
        return self.frames / FPS


def make_script(seed: int, seconds: float, width: int = 720, height: int = 1280,
                with_text: bool = True) -> Script:
    """A random but reproducible episode: cues of 1–4 s, gaps, direct changes, repeats."""
    rng = random.Random(seed)
    frames = round(seconds * FPS)
    pool = list(CHINESE_LINES)
    rng.shuffle(pool)
    english = list(ENGLISH_LINES)
    rng.shuffle(english)
    lines: list[Line] = []
    frame = round(rng.uniform(0.3, 1.0) * FPS)
    while with_text:
        length = round(rng.uniform(1.0, 4.0) * FPS)
        if frame + length > frames - 5:
            break
        shown = [line.text for line in lines]
        earlier = [text for text in shown[:-1] if not lines or text != lines[-1].text]
        if earlier and rng.random() < 0.15:
            text = rng.choice(earlier)  # a line said again later
        elif english and rng.random() < 0.1:
            text = english.pop()
        else:
            text = pool.pop() if pool else rng.choice(CHINESE_LINES)
        if lines and text == lines[-1].text:
            text = pool.pop() if pool else "我知道了。"
        lines.append(Line(frame, frame + length, text))
        # A fifth of the lines follow the previous one at once; the others after a pause.
        gap = 0 if rng.random() < 0.2 else round(rng.uniform(0.2, 1.5) * FPS)
        frame += length + gap
    shots: list[Shot] = []
    left = frames
    kinds = list(_SOURCES)
    while left > 0:
        length = min(left, round(rng.uniform(1.5, 5.0) * FPS))
        if left - length < FPS:
            length = left
        shots.append(Shot(length, rng.choice(kinds), rng.randrange(1 << 16)))
        left -= length
    font_px = round(height * rng.uniform(0.032, 0.040))
    text_top = round(height * rng.uniform(0.77, 0.87))
    return Script(width, height, frames, tuple(lines), tuple(shots), text_top, font_px,
                  rng.choice(("white", "white", "0xFFE040")))


def _mandelbrot(w: int, h: int, n: int, rng: random.Random) -> str:
    return (f"mandelbrot=s={w // 4}x{h // 4}:r={FPS}:start_scale={rng.uniform(0.3, 2.0):.3f}"
            f":end_scale=0.02:start_x={rng.uniform(-1.2, -0.5):.3f}"
            f":start_y={rng.uniform(-0.3, 0.3):.3f},trim=end_frame={n},"
            f"scale={w}:{h}:flags=bicubic,noise=alls=8:allf=t")


def _life(w: int, h: int, n: int, rng: random.Random) -> str:
    return (f"life=s={w // 6}x{h // 6}:r={FPS}:mold=20:ratio=0.25:seed={rng.randrange(1000)}"
            f":life_color=0xD8B070:death_color=0x203040:mold_color=0x705030,"
            f"trim=end_frame={n},scale={w}:{h}:flags=bicubic,gblur=sigma=1.5,"
            f"noise=alls=6:allf=t")


def _gradient(w: int, h: int, n: int, rng: random.Random) -> str:
    colours = ["0x804030", "0x305070", "0x607040", "0x403060", "0xA08060", "0x204020"]
    rng.shuffle(colours)
    return (f"gradients=s={w // 4}x{h // 4}:r={FPS}:speed=0.04:n=4:seed={rng.randrange(1000)}"
            f":c0={colours[0]}:c1={colours[1]}:c2={colours[2]}:c3={colours[3]},"
            f"trim=end_frame={n},scale={w}:{h}:flags=bicubic,noise=alls=24:allf=t")


def _bright(w: int, h: int, n: int, rng: random.Random) -> str:
    # Overexposed sky: white text is told from it only by its outline.
    return (f"gradients=s={w // 4}x{h // 4}:r={FPS}:speed=0.02:seed={rng.randrange(1000)}"
            f":c0=0xF4F4F0:c1=0xC8D4E0,trim=end_frame={n},scale={w}:{h}:flags=bicubic,"
            f"noise=alls=10:allf=t")


def _still(w: int, h: int, n: int, rng: random.Random) -> str:
    # A locked-off shot of a patterned wall or shelf: high-contrast edges that never move.
    return (f"life=s={w // 24}x{h // 24}:r={FPS}:ratio=0.4:seed={rng.randrange(1000)}"
            f":life_color=0xD0C8B8:death_color=0x282420,trim=end_frame=1,"
            f"scale={w}:{h}:flags=neighbor,gblur=sigma=2,loop=loop={n}:size=1,"
            f"setpts=N/({FPS}*TB),trim=end_frame={n}")


_SOURCES = {"mandelbrot": _mandelbrot, "life": _life, "gradient": _gradient,
            "bright": _bright, "still": _still}
_FILTER_SAFE = re.compile(r"[A-Za-z0-9_./-]+")


def _filter_path(path: Path) -> str:
    text = str(path)
    if not _FILTER_SAFE.fullmatch(text):
        raise ValueError(f"path cannot stand in an ffmpeg filter graph: {text!r}")
    return text


def _font_size(script: Script, text: str) -> int:
    # Full-width characters are one em wide, Latin ones about half; keep 5 % margins.
    ems = max(sum(0.55 if ord(c) < 0x2E80 else 1.0 for c in line)
              for line in text.splitlines())
    return min(script.font_px, int(script.width * 0.9 / ems))


def filter_graph(script: Script, folder: Path) -> str:
    """The whole picture as one -filter_complex graph; writes the drawtext text files."""
    chains = []
    labels = []
    for index, shot in enumerate(script.shots):
        source = _SOURCES[shot.kind](script.width, script.height, shot.frames,
                                     random.Random(shot.seed))
        chains.append(f"{source},format=yuv420p,setsar=1[s{index}]")
        labels.append(f"[s{index}]")
    chains.append(f"{''.join(labels)}concat=n={len(labels)}:v=1:a=0[bg]")
    drawn = ["[bg]null"]
    for index, line in enumerate(script.lines):
        text_file = folder / f"line{index}.txt"
        text_file.write_text(line.text, encoding="utf-8")
        size = _font_size(script, line.text)
        drawn.append(
            f"drawtext=fontfile={_filter_path(FONT)}:textfile={_filter_path(text_file)}:"
            f"expansion=none:fontsize={size}:fontcolor={script.colour}:"
            + ("box=1:boxcolor=0x000000@0.55:boxborderw=10:" if script.box else
               f"borderw={max(2, round(size / 12))}:bordercolor=0x101010:") +
            f"x=(w-text_w)/2:y={script.text_top}:"
            f"enable='between(n,{line.first_frame},{line.end_frame - 1})'")
    chains.append(",".join(drawn) + ",format=yuv420p[v]")
    return ";\n".join(chains)


def render(script: Script, out: Path, video_options: tuple[str, ...] = (
        "-preset", "veryfast", "-crf", "23")) -> Path:
    """Encode the episode (H.264 + AAC) to ``out``; ``out``'s folder holds the text files."""
    out.parent.mkdir(parents=True, exist_ok=True)
    work = out.parent / f"{out.stem}-text"
    work.mkdir(exist_ok=True)
    graph_file = work / "graph.txt"
    graph_file.write_text(filter_graph(script, work), encoding="utf-8")
    seconds = script.frames / FPS
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-filter_complex_script", str(graph_file),
         "-f", "lavfi", "-i", f"sine=f=220:d={seconds}:sample_rate=48000",
         "-map", "[v]", "-map", "0:a", "-frames:v", str(script.frames),
         "-c:v", "libx264", *video_options, "-pix_fmt", "yuv420p", "-r", str(FPS),
         "-c:a", "aac", "-b:a", "96k", "-shortest", str(out)],
        check=True,
    )
    return out


# A hand-made 20 s episode with one of each case: a line over an overexposed sky, a direct
# change of line, a pause, the shortest (4) and longest (16 characters) lines, English, a
# line said again after another, text over a still high-contrast shot and over a busy one.
DIALOGUE = (
    Line(12, 80, "妈，我回来了。"),
    Line(80, 150, "你怎么才回来？"),
    Line(170, 230, "谢谢奶奶"),
    Line(245, 300, "Welcome home, Grandma!"),
    Line(310, 360, "妈，我回来了。"),
    Line(375, 470, "孩子，家里永远是你最温暖的依靠。"),
)
DIALOGUE_SHOTS = (
    Shot(120, "bright", 1),
    Shot(120, "still", 2),
    Shot(90, "mandelbrot", 3),
    Shot(90, "life", 4),
    Shot(80, "gradient", 5),
)


def dialogue_script(width: int = 720, height: int = 1280) -> Script:
    return Script(width, height, 500, DIALOGUE, DIALOGUE_SHOTS,
                  text_top=round(height * 0.8), font_px=round(height * 0.036), colour="white")


def silent_script(width: int = 720, height: int = 1280) -> Script:
    """6 s of moving and still pictures with nothing written on them."""
    shots = (Shot(60, "still", 6), Shot(50, "life", 7), Shot(40, "mandelbrot", 8))
    return Script(width, height, 150, (), shots, text_top=round(height * 0.8),
                  font_px=round(height * 0.036), colour="white")
