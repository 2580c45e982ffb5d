"""Run a test scenario inside a private network namespace (for anything that sends SSDP).

SSDP discovery and MiniDLNA send multicast to 239.255.255.250. A test must never let that
leave on the machine's real interfaces, so every such scenario runs as a separate process
under ``unshare --net`` (we are root on the test machines): a fresh network namespace whose
only interface is its own loopback. Inside, ``prepare_namespace`` brings ``lo`` up, turns
multicast on for it and routes 224.0.0.0/4 to it, then refuses to go on if any other
interface exists. Servers, the app and the control point all run in that same namespace,
so they reach each other on 127.0.0.1 and nothing else.

Note: abstract Unix sockets (an X server's) belong to a network namespace too, so a scenario
uses Qt's offscreen platform, or starts its own Xvfb inside.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def private_network_available() -> str | None:
    """Why a private namespace cannot be made here, or None when it can."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare (util-linux) and ip (iproute2) are needed: run `make setup`"
    if os.geteuid() != 0:
        return "creating a network namespace needs root"
    return None


def run_in_private_network(module: str, *args: str, timeout: float = 240.0,
                           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m module args…`` in a new network namespace; its output is returned."""
    reason = private_network_available()
    if reason is not None:
        pytest.fail(reason)
    command = ["unshare", "--net", "--", sys.executable, "-m", module, *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          cwd=REPO, env=env, check=False)


INSIDE = "SILVERREEL_PRIVATE_NETWORK"  # set for a pytest run inside a namespace


def inside_private_network() -> bool:
    """Whether this pytest run is the one ``run_pytest_in_private_network`` started."""
    return os.environ.get(INSIDE) == "1"


def run_pytest_in_private_network(node: str, timeout_s: float = 300,
                                  env: dict[str, str] | None = None) -> None:
    """Run the pytest node ``node`` (relative to the repository) in a new network namespace;
    the calling test passes or fails with it."""
    result = run_in_private_network("tests.private_network", node, timeout=timeout_s,
                                    env={**os.environ, **(env or {}), INSIDE: "1"})
    if result.returncode != 0:
        pytest.fail(f"{node} failed inside its private network:\n{result.stdout[-6000:]}"
                    f"\n{result.stderr[-2000:]}")
    assert " passed" in result.stdout, result.stdout[-2000:]


def namespace_interfaces() -> list[str]:
    """The interfaces of this process's network namespace (netlink, not /sys, which shows
    the namespace that mounted it)."""
    return sorted(name for _index, name in socket.if_nameindex())


def prepare_namespace() -> None:
    """Called first thing INSIDE the namespace: loopback up, multicast on it, nothing else."""
    interfaces = namespace_interfaces()
    if interfaces != ["lo"]:
        raise SystemExit(f"not in a private network namespace (interfaces: {interfaces})")
    for command in (["ip", "link", "set", "lo", "up"],
                    ["ip", "link", "set", "lo", "multicast", "on"],
                    ["ip", "route", "add", "224.0.0.0/4", "dev", "lo"]):
        subprocess.run(command, check=True)


if __name__ == "__main__":  # inside the namespace: python -m tests.private_network NODE
    prepare_namespace()
    sys.exit(pytest.main(["-x", "-q", "-p", "no:cacheprovider", sys.argv[1]]))
