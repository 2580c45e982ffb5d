"""The player's Qt process may import this package, but never the recognition engine."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

_ENGINE = ("cv2", "onnxruntime", "rapidocr_onnxruntime")


def test_importing_the_package_loads_no_opencv_and_no_onnx_runtime() -> None:
    probe = (
        "import sys, accessibility.ocr, accessibility.ocr.reader;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {_ENGINE!r}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
