"""The family PIN: a salted slow hash, checks that never crash, waits that grow, a reset."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from player.config.pin import (
    FIRST_WAIT_S,
    FREE_TRIES,
    LONGEST_WAIT_S,
    PIN_KEY,
    PinGate,
    PinThrottle,
    hash_pin,
    is_pin_hash,
    is_valid_pin,
    verify_pin,
)
from player.config.store import Settings


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_pin_is_four_to_six_ascii_digits() -> None:
    assert all(is_valid_pin(pin) for pin in ("0000", "12345", "987654"))
    for bad in ("", "123", "1234567", "12a4", "12 34", "١٢٣٤", "１２３４", "²³⁴⁵"):
        assert not is_valid_pin(bad), bad
    with pytest.raises(ValueError, match="4 to 6"):
        hash_pin("12")


def test_the_stored_string_is_scrypt_with_salt_and_matches_only_its_pin() -> None:
    stored = hash_pin("2580")
    algorithm, params, salt, digest = stored.split("$")
    assert algorithm == "scrypt"
    assert params == "n=16384,r=8,p=1"
    assert salt
    assert digest
    assert "2580" not in stored.replace(params, "")
    assert verify_pin("2580", stored)
    assert not verify_pin("2581", stored)
    assert not verify_pin("02580", stored)
    assert hash_pin("2580") != stored  # a fresh salt every time


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()


@pytest.mark.parametrize(("algorithm", "derive"), [
    # Valid hashes of the right PIN, but with parameters the app never writes: a cost that
    # freezes the pad for seconds, one this Python's scrypt refuses, another algorithm.
    ("scrypt$n=262144,r=8,p=1", lambda s: hashlib.scrypt(b"4321", salt=s, n=2**18, r=8, p=1,
                                                          maxmem=2**30, dklen=32)),
    ("scrypt$n=16384,r=8,p=2", lambda s: hashlib.scrypt(b"4321", salt=s, n=2**14, r=8, p=2,
                                                         dklen=32)),
    ("scrypt$n=1024,r=1,p=1", lambda s: hashlib.scrypt(b"4321", salt=s, n=1024, r=1, p=1,
                                                        dklen=32)),
    ("pbkdf2_sha256$i=200000", lambda s: hashlib.pbkdf2_hmac("sha256", b"4321", s, 200_000, 32)),
])
def test_only_the_parameters_the_app_writes_are_accepted(algorithm: str, derive: object) -> None:
    salt = b"0123456789abcdef"
    stored = f"{algorithm}${_b64(salt)}${_b64(derive(salt))}"  # type: ignore[operator]
    assert not is_pin_hash(stored)  # counts as no PIN: the family chooses a new one
    assert not verify_pin("4321", stored)
    ours = hash_pin("4321", salt)
    assert ours.startswith("scrypt$n=16384,r=8,p=1$") and is_pin_hash(ours)


def test_the_wrong_pin_wait_survives_a_restart(tmp_path: Path) -> None:
    clock = Clock()
    settings = Settings(tmp_path / "settings.json")
    gate = PinGate(settings, PinThrottle.kept_in(tmp_path / "pin-throttle.json", clock))
    gate.set_pin("2580")
    for _ in range(FREE_TRIES):
        gate.check("1111")
    # A restart: a new gate reading the same folder gives no free tries.
    again = PinGate(Settings(tmp_path / "settings.json"),
                    PinThrottle.kept_in(tmp_path / "pin-throttle.json", clock))
    assert again.throttle.failures == FREE_TRIES
    refused = again.check("2580")
    assert not refused.accepted and refused.wait_s == FIRST_WAIT_S
    clock.now += FIRST_WAIT_S
    assert again.check("2580").accepted
    assert PinThrottle.kept_in(tmp_path / "pin-throttle.json", clock).failures == 0


def test_the_default_gate_keeps_its_throttle_beside_the_settings(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    PinGate(settings).set_pin("2580")
    for _ in range(FREE_TRIES + 1):
        PinGate(Settings(tmp_path / "settings.json")).check("1111")  # a restart every try
    assert PinGate(Settings(tmp_path / "settings.json")).throttle.wait_seconds() > 0


@pytest.mark.parametrize("content", [b"", b"{", b'{"failures": "x"}', b'{"failures": -4}',
                                     b'{"failures": 3, "blocked_until": NaN}', b"[]"])
def test_a_damaged_throttle_file_starts_afresh(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pin-throttle.json"
    path.write_bytes(content)
    throttle = PinThrottle.kept_in(path, Clock())
    assert throttle.failures == 0 and throttle.wait_seconds() == 0


def test_a_clock_set_back_does_not_make_the_wait_endless(tmp_path: Path) -> None:
    path = tmp_path / "pin-throttle.json"
    path.write_text('{"failures": 9, "blocked_until": 1e12}')
    assert PinThrottle.kept_in(path, Clock()).wait_seconds() == LONGEST_WAIT_S


@pytest.mark.parametrize("stored", [
    "", "2580", "scrypt$n=16384,r=8,p=1$$", "scrypt$n=16384$AAAAAAAAAAA=$AAAA",
    "scrypt$n=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # gigabytes
    "scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # not a power of two
    "pbkdf2_sha256$i=10$AAAAAAAAAAAAAAAAAAAAAA==$" + "A" * 44,  # far too few iterations
    "md5$x=1$AAAA$AAAA", "scrypt$n=16384,r=8,p=1$not base64!$AAAA", "$$$",
])
def test_a_damaged_hash_never_matches_and_never_raises(stored: str) -> None:
    assert not is_pin_hash(stored)
    assert not verify_pin("2580", stored)


def test_waits_start_after_three_wrong_tries_and_double() -> None:
    clock = Clock()
    throttle = PinThrottle(clock=clock)
    waits = [throttle.record_failure() for _ in range(FREE_TRIES + 3)]
    assert waits[:FREE_TRIES - 1] == [0] * (FREE_TRIES - 1)
    assert waits[FREE_TRIES - 1:] == [FIRST_WAIT_S, 2 * FIRST_WAIT_S, 4 * FIRST_WAIT_S,
                                      8 * FIRST_WAIT_S]
    clock.now += 4 * FIRST_WAIT_S
    assert throttle.wait_seconds() == 4 * FIRST_WAIT_S  # counts down with the clock
    for _ in range(20):
        throttle.record_failure()
    assert throttle.wait_seconds() == LONGEST_WAIT_S
    throttle.record_success()
    assert throttle.wait_seconds() == 0
    assert throttle.failures == 0


def test_the_gate_refuses_while_waiting_even_the_right_pin(tmp_path: Path) -> None:
    clock = Clock()
    settings = Settings(tmp_path / "settings.json")
    gate = PinGate(settings, PinThrottle(clock=clock))
    assert not gate.has_pin()
    gate.set_pin("2580")
    assert gate.has_pin()
    results = [gate.check("1111") for _ in range(FREE_TRIES)]
    assert [r.accepted for r in results] == [False] * FREE_TRIES
    assert results[-1].wait_s == FIRST_WAIT_S
    refused = gate.check("2580")
    assert not refused.accepted
    assert refused.wait_s == FIRST_WAIT_S
    clock.now += FIRST_WAIT_S
    assert gate.check("2580").accepted
    assert gate.throttle.failures == 0


def test_a_damaged_pin_hash_lets_the_family_choose_a_new_one(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set(PIN_KEY, "scrypt$garbage")
    assert not PinGate(settings).has_pin()


def test_reset_pin_from_the_command_line(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    settings.set("ui.enlarged", True)
    PinGate(settings).set_pin("2580")
    result = subprocess.run(
        [sys.executable, "-m", "player", "--reset-pin", "--config-dir", str(tmp_path)],
        check=False, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "密码已清除" in result.stdout
    values = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["values"]
    assert values[PIN_KEY] == ""
    assert values["ui.enlarged"] is True  # nothing else is touched
