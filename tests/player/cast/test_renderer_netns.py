"""The cast receiver with real control points, each scenario in its own private network
(see tests/private_network.py: SSDP multicast never leaves the test's namespace)."""

from __future__ import annotations

import pytest

from tests.private_network import run_pytest_in_private_network

SCENARIOS = "tests/player/cast/netns_scenarios.py"


@pytest.mark.slow
@pytest.mark.parametrize("scenario", [
    "test_a_phone_casts_with_the_python_api_and_every_control_works",
    "test_the_upnp_client_command_line_finds_casts_and_reads_the_position",
    "test_local_and_redirected_addresses_are_refused_and_nothing_local_opens",
    "test_a_huge_body_a_never_ending_request_and_a_flood_do_not_stall_playback",
    "test_turning_the_receiver_off_says_goodbye_and_stops_answering",
    "test_ssdp_alive_on_start_and_byebye_on_stop_are_heard",
])
def test_cast_scenario_in_a_private_network(scenario: str) -> None:
    run_pytest_in_private_network(f"{SCENARIOS}::{scenario}")
