"""``make bench``: every benchmark, each printing figures against a same-run baseline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["bench_playback.py", "bench_library.py", "bench_speech.py", "bench_enlarge.py",
           "bench_home.py", "bench_pacing.py", "bench_cuts.py", "bench_ocr.py", "bench_sharing.py",
           "bench_cast.py", "bench_subtitles.py",
           "bench_guarded_sources.py"]


def main() -> int:
    failed = []
    for name in BENCHES:
        script = HERE / name
        if not script.exists():
            continue
        print(f"\n##### {name}", flush=True)
        run = subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False)
        if run.returncode != 0:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
