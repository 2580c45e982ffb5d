"""Run cast tests inside a private network namespace, so no multicast leaves this machine.

SSDP (M-SEARCH, NOTIFY) is multicast to 239.255.255.250:1900. Every test that makes the
receiver send or answer it runs in a network namespace of its own, created here as root:

    unshare --net sh -c 'ip link set lo up; ip link set lo multicast on; exec python -m pytest …'

Inside, the only interface is the loopback, with multicast turned on so SSDP works between
the app and the control point; nothing can reach the machine's real interfaces. The outer
test runs the inner one (``netns_scenarios.py``, collected only when named) and passes or
fails with it. Outside these tests the receiver stays off (``cast.enabled`` is false).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
INSIDE = "SILVERREEL_PRIVATE_NETWORK"


def inside_private_network() -> bool:
    return os.environ.get(INSIDE) == "1"


def run_in_private_network(node: str, timeout_s: float = 300,
                           env: dict[str, str] | None = None) -> None:
    """Run the pytest node ``node`` (relative to the repository) in a new network namespace."""
    for tool in ("unshare", "ip"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is not installed: run `make setup`")
    if os.geteuid() != 0:
        pytest.skip("a private network namespace needs root")
    command = (f"ip link set lo up && ip link set lo multicast on && exec {sys.executable} "
               f"-m pytest -x -q -p no:cacheprovider {node}")
    result = subprocess.run(["unshare", "--net", "sh", "-c", command], cwd=REPO,
                            env={**os.environ, **(env or {}), INSIDE: "1"},
                            capture_output=True, text=True,
                            timeout=timeout_s, check=False)
    if result.returncode != 0:
        pytest.fail(f"{node} failed inside its private network:\n{result.stdout[-6000:]}"
                    f"\n{result.stderr[-2000:]}")
    assert " passed" in result.stdout, result.stdout[-2000:]
