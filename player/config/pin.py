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
import contextlib
import hashlib
import hmac
import json
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from player.config.atomic import write_atomically
from player.config.store import Settings
from player.safeio import load_json, read_regular_file

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
_PARAMS = f"n={SCRYPT_N},r={SCRYPT_R},p={SCRYPT_P}"
_SCRYPT_MEMORY = 128 * SCRYPT_N * SCRYPT_R * SCRYPT_P

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
    return f"scrypt${_PARAMS}${_b64(salt)}${_b64(digest)}"


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
                          maxmem=2 * _SCRYPT_MEMORY, dklen=length)


_Derive = Callable[[str, bytes], bytes]


def _parse(stored: str) -> tuple[_Derive, bytes, bytes] | None:
    """Split a stored string into a derivation, salt and hash; None when it is not one.

    Only the exact parameters ``hash_pin`` writes are accepted: a hash from an import or a
    hand edit with other costs could lock the family out (parameters this Python's scrypt
    refuses) or freeze the number pad for seconds per try (huge costs). Such a hash counts as
    no PIN, so the family chooses a new one.
    """
    if not isinstance(stored, str) or not stored.isascii():
        return None
    parts = stored.split("$")
    if len(parts) != 4 or parts[:2] != ["scrypt", _PARAMS]:
        return None
    try:
        salt = base64.b64decode(parts[2], validate=True)
        expected = base64.b64decode(parts[3], validate=True)
    except (ValueError, binascii.Error):
        return None
    if len(salt) != _SALT_BYTES or len(expected) != _HASH_BYTES:
        return None
    return (lambda pin, s: _scrypt(pin, s, SCRYPT_N, SCRYPT_R, SCRYPT_P)), salt, expected


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


THROTTLE_FILE = "pin-throttle.json"


@dataclass
class PinThrottle:
    """Free tries, then a wait that doubles with every further wrong PIN.

    Time comes from ``clock`` (seconds) so nothing ever sleeps: the number pad asks how long
    is left and shows it. With a ``path`` the count and the wait are kept in a small file, so
    restarting the app does not give three more free tries; a file that cannot be written
    leaves them in memory.
    """

    clock: Callable[[], float] = time.time
    failures: int = 0
    blocked_until: float = 0.0
    path: Path | None = None

    @classmethod
    def kept_in(cls, path: Path, clock: Callable[[], float] = time.time) -> PinThrottle:
        throttle = cls(clock=clock, path=path)
        try:
            document = load_json(read_regular_file(path, 4096))
            failures = int(document["failures"])
            blocked_until = float(document["blocked_until"])
        except (OSError, ValueError, KeyError, TypeError):
            return throttle  # missing or damaged: start counting afresh
        if 0 <= failures <= 1_000_000 and math.isfinite(blocked_until):
            throttle.failures = failures
            # A clock set back must not turn the wait into days.
            throttle.blocked_until = min(blocked_until, clock() + LONGEST_WAIT_S)
        return throttle

    def wait_seconds(self) -> int:
        return max(0, min(math.ceil(self.blocked_until - self.clock()), int(LONGEST_WAIT_S)))

    def record_failure(self) -> int:
        """Count a wrong PIN; returns the seconds to wait before the next try."""
        self.failures += 1
        extra = self.failures - FREE_TRIES
        if extra >= 0:
            wait = min(LONGEST_WAIT_S, FIRST_WAIT_S * 2 ** min(extra, 32))
            self.blocked_until = self.clock() + wait
        self._save()
        return self.wait_seconds()

    def record_success(self) -> None:
        self.failures = 0
        self.blocked_until = 0.0
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        data = json.dumps({"failures": self.failures, "blocked_until": self.blocked_until})
        # A read-only folder: the count lives in memory for this run.
        with contextlib.suppress(OSError):
            write_atomically(self.path, data.encode("ascii"))


@dataclass(frozen=True)
class PinCheck:
    accepted: bool
    wait_s: int  # > 0: refused without checking, or wrong and now slowed down


class PinGate:
    """The door to the family settings: checks a PIN against the saved hash."""

    def __init__(self, settings: Settings, throttle: PinThrottle | None = None) -> None:
        self._settings = settings
        if throttle is None:
            path = settings.path
            throttle = PinThrottle() if path is None else PinThrottle.kept_in(
                path.with_name(THROTTLE_FILE))
        self.throttle = throttle

    def has_pin(self) -> bool:
        # A damaged hash could never be matched; treating it as "no PIN" lets the family
        # choose a new one rather than locking them out (they own the file anyway).
        return is_pin_hash(str(self._settings.get(PIN_KEY)))

    def check(self, pin: str) -> PinCheck:
        """All at once (the number pad splits it: ``stored``, ``verify_pin`` off the GUI
        thread, then ``record``)."""
        wait = self.throttle.wait_seconds()
        if wait > 0:
            return PinCheck(False, wait)
        return self.record(verify_pin(pin, self.stored()))

    def stored(self) -> str:
        return str(self._settings.get(PIN_KEY))

    def record(self, matched: bool) -> PinCheck:
        """Count the outcome of a check made with ``verify_pin`` against ``stored()``."""
        if matched:
            self.throttle.record_success()
            return PinCheck(True, 0)
        return PinCheck(False, self.throttle.record_failure())

    def set_pin(self, pin: str, hashed: str | None = None) -> None:
        """Save ``pin`` (``hashed``: its ``hash_pin`` made earlier, off the GUI thread)."""
        if hashed is None:
            hashed = hash_pin(pin)
        elif not is_pin_hash(hashed):
            raise ValueError("not a hash made by hash_pin")
        self._settings.set(PIN_KEY, hashed)
        # On disk at once, not with the next batch: a crash must not leave settings unguarded.
        self._settings.flush()
        self.throttle.record_success()


def reset_pin(settings_file: Path) -> bool:
    """Forget the PIN kept in ``settings_file`` (``silverreel --reset-pin``); True if saved."""
    settings = Settings(settings_file)
    settings.set(PIN_KEY, "")
    return settings.save()
