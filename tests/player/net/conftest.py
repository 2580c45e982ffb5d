from __future__ import annotations

from collections.abc import Iterator

import pytest

from player.net.addresses import NetworkPolicy, using_policy
from tests.hostile import HostileServer, hostile_server

PUBLIC_TEST_ADDRESS = "127.0.0.2"  # plays a server on the public internet


@pytest.fixture
def home() -> Iterator[HostileServer]:
    """A server on this machine / the home network (127.0.0.1: loopback, private)."""
    with hostile_server("127.0.0.1") as server:
        yield server


@pytest.fixture
def public() -> Iterator[HostileServer]:
    """A server that counts as on the public internet (127.0.0.2, named public)."""
    with using_policy(NetworkPolicy(frozenset({PUBLIC_TEST_ADDRESS}))), \
            hostile_server(PUBLIC_TEST_ADDRESS) as server:
        yield server
