"""The family PIN: kept only as a salted hash from a slow key-derivation function.

The ``family.pin_hash`` option holds one string, algorithm, parameters, salt and hash::

    scrypt$n=16384,r=8,p=1$<salt, base64>$<hash, base64>

A 4–6 digit PIN has at most a million values, so no hash protects it from someone who
holds the file and has time; what the hash does is keep the digits out of the file and out
of every export. At the number pad, guessing is slowed down by a growing wait after three
wrong tries. Anyone with the file can reset the PIN (docs/family-settings.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from player.config.store import Settings

PIN_KEY = "family.pin_hash"
MIN_DIGITS = 4
MAX_DIGITS = 6
# scrypt with 16 MiB of memory: about 0.1–0.3 s per check on a mini PC, so it can run on the
# GUI thread when OK is pressed, and costs a guesser with the file the same per try.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_HASH_BYTES = 32
_SALT_BYTES = 16
# Stored strings come from files a family member may import: refuse parameters that would
# make one check take minutes or gigabytes.
_MAX_SCRYPT_N = 2**20
_MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024
_MAX_PBKDF2_ITERATIONS = 10_000_000
_MIN_PBKDF2_ITERATIONS = 200_000

FREE_TRIES = 3
FIRST_WAIT_S = 5.0
LONGEST_WAIT_S = 300.0


def is_valid_pin(pin: str) -> bool:
    """4 to 6 ASCII digits (``str.isdigit`` alone would accept "²" or "٣")."""
    return MIN_DIGITS <= len(pin) <= MAX_DIGITS and pin.isascii() and pin.isdigit()


def new_salt() -> bytes:
    return secrets.token_bytes(_SALT_BYTES)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The string to store for ``pin``; raises ``ValueError`` for anything but 4–6 digits."""
    if not is_valid_pin(pin):
        raise ValueError("a PIN is 4 to 6 digits")
    salt = new_salt() if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    params = f"n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
    return f"scrypt${params}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; a malformed ``stored`` simply never matches."""
    parsed = _parse(stored)
    if parsed is None or not is_valid_pin(pin):
        return False
    derive, salt, expected = parsed
    try:
        actual = derive(pin, salt)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def is_pin_hash(stored: str) -> bool:
    """Whether ``stored`` is a hash this module can check a PIN against."""
    return _parse(stored) is not None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int = _HASH_BYTES) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p,
                          maxmem=_MAX_SCRYPT_MEMORY + 1024 * 1024, dklen=length)


def _pbkdf2(pin: str, salt: bytes, iterations: int, length: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations, length)


_Derive = Callable[[str, bytes], bytes]


def _parse(stored: str) -> tuple[_Derive, bytes, bytes] | None:
    """Split a stored string into a derivation, salt and hash; None when it is not one."""
    if not isinstance(stored, str):
        return None
    parts = stored.split("$")
    if len(parts) != 4:
        return None
    algorithm, params_text, salt_text, hash_text = parts
    try:
        params = dict(item.split("=", 1) for item in params_text.split(","))
        numbers = {name: int(value) for name, value in params.items()}
        salt = base64.b64decode(salt_text, validate=True)
        expected = base64.b64decode(hash_text, validate=True)
    except (ValueError, binascii.Error):
        return None
    if len(salt) < 8 or not 16 <= len(expected) <= 64:
        return None
    length = len(expected)
    if algorithm == "scrypt" and set(numbers) == {"n", "r", "p"}:
        n, r, p = numbers["n"], numbers["r"], numbers["p"]
        power_of_two = n > 1 and n & (n - 1) == 0
        if not (power_of_two and n <= _MAX_SCRYPT_N and 1 <= r <= 32 and 1 <= p <= 16
                and 128 * n * r <= _MAX_SCRYPT_MEMORY):
            return None
        return (lambda pin, s: _scrypt(pin, s, n, r, p, length)), salt, expected
    if algorithm == "pbkdf2_sha256" and set(numbers) == {"i"}:
        iterations = numbers["i"]
        if not _MIN_PBKDF2_ITERATIONS <= iterations <= _MAX_PBKDF2_ITERATIONS:
            return None
        return (lambda pin, s: _pbkdf2(pin, s, iterations, length)), salt, expected
    return None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass
class PinThrottle:
    """Free tries, then a wait that doubles with every further wrong PIN.

    Time comes from ``clock`` (monotonic seconds) so nothing ever sleeps: the number pad
    asks how long is left and shows it.
    """

    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    blocked_until: float = 0.0

    def wait_seconds(self) -> int:
        return max(0, math.ceil(self.blocked_until - self.clock()))

    def record_failure(self) -> int:
        """Count a wrong PIN; returns the seconds to wait before the next try."""
        self.failures += 1
        extra = self.failures - FREE_TRIES
        if extra >= 0:
            wait = min(LONGEST_WAIT_S, FIRST_WAIT_S * 2**extra)
            self.blocked_until = self.clock() + wait
        return self.wait_seconds()

    def record_success(self) -> None:
        self.failures = 0
        self.blocked_until = 0.0


@dataclass(frozen=True)
class PinCheck:
    accepted: bool
    wait_s: int  # > 0: refused without checking, or wrong and now slowed down


class PinGate:
    """The door to the family settings: checks a PIN against the saved hash."""

    def __init__(self, settings: Settings, throttle: PinThrottle | None = None) -> None:
        self._settings = settings
        self.throttle = throttle or PinThrottle()

    def has_pin(self) -> bool:
        # A damaged hash could never be matched; treating it as "no PIN" lets the family
        # choose a new one rather than locking them out (they own the file anyway).
        return is_pin_hash(str(self._settings.get(PIN_KEY)))

    def check(self, pin: str) -> PinCheck:
        wait = self.throttle.wait_seconds()
        if wait > 0:
            return PinCheck(False, wait)
        if verify_pin(pin, str(self._settings.get(PIN_KEY))):
            self.throttle.record_success()
            return PinCheck(True, 0)
        return PinCheck(False, self.throttle.record_failure())

    def set_pin(self, pin: str) -> None:
        self._settings.set(PIN_KEY, hash_pin(pin))
        self.throttle.record_success()


def reset_pin(settings_file: Path) -> bool:
    """Forget the PIN kept in ``settings_file`` (``silverreel --reset-pin``); True if saved."""
    settings = Settings(settings_file)
    settings.set(PIN_KEY, "")
    return settings.save()
