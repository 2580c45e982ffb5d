"""Resolve what a playlist or manifest points at, and refuse what it must not point at.

A list read from disk may name local files and web addresses. A list fetched over http(s)
may name only web addresses: a downloaded text must never make the player open a file on
this computer. Following RFC 3986, a reference such as ``ep1.mp4`` or ``/drama/ep1.mp4`` in a
fetched list is a path on the same server, so it resolves to an http(s) address; anything
that can only mean this computer (``file:`` URLs, ``C:\\…``, ``\\\\server\\share``, ``~/…``,
backslash paths) is refused.
"""

from __future__ import annotations

import os
import re
import urllib.parse
import urllib.request

from player.library.media import stem
from player.library.model import Series, SourceProblem
from player.library.problems import ProblemCode, problem
from player.locations import is_remote
from player.names import display_text
from player.net.addresses import Refused, check_hop
from player.net.refusals import RefusedCode

_REMOTE_SCHEMES = frozenset({"http", "https"})
_DRIVE_PATH = re.compile(r"^[a-zA-Z]:[\\/]")


class PrivateNetworkRule:
    """A list fetched from the public internet may not send the player to this machine or
    the home network (what browsers do for private network access); a list from the home
    network or from disk may. Hosts are looked up once each, and at most ``MAX_HOSTS``
    different hosts per list (a real list names one or two servers)."""

    MAX_HOSTS = 16

    def __init__(self, list_is_public: bool) -> None:
        self.list_is_public = list_is_public
        self._verdicts: dict[str, str | None] = {}

    def problem_for(self, location: str, where: str) -> SourceProblem | None:
        if not self.list_is_public or not is_remote(location):
            return None
        try:
            host = (urllib.parse.urlsplit(location).hostname or "").casefold()
        except ValueError:
            return None  # left to the address checks
        if host not in self._verdicts:
            if len(self._verdicts) >= self.MAX_HOSTS:
                return problem(ProblemCode.REFUSED_PRIVATE, where,
                               f"{location}: more than {self.MAX_HOSTS} servers in one list")
            try:
                check_hop(location, public_chain=True)
                self._verdicts[host] = None
            except Refused as refused:
                # A name that does not resolve now is checked again when it is played.
                private = refused.code == RefusedCode.PRIVATE
                self._verdicts[host] = refused.detail if private else None
        reason = self._verdicts[host]
        return None if reason is None else problem(
            ProblemCode.REFUSED_PRIVATE, where, f"{location} ({reason})")


def resolve(
    reference: str, base: str, *, where: str, malformed: ProblemCode = ProblemCode.BAD_LINE,
    rule: PrivateNetworkRule | None = None,
) -> str | SourceProblem:
    """The absolute location ``reference`` means inside the list at ``base``.

    ``base`` is the list's own location (absolute path, or final URL after redirects);
    ``where`` names the line or entry in problems, ``malformed`` the code for an address
    that cannot be parsed.
    """
    reference = reference.strip()
    try:
        if urllib.parse.urlsplit(base).scheme.casefold() in _REMOTE_SCHEMES:
            resolved = _resolve_remote(reference, base, where)
        else:
            resolved = _resolve_local(reference, base, where)
    except ValueError as error:  # e.g. "http://[::1" (unbalanced bracket in the host)
        return problem(malformed, where, f"{reference}: {error}")
    if rule is not None and isinstance(resolved, str):
        return rule.problem_for(resolved, where) or resolved
    return resolved


def _scheme(reference: str) -> str:
    if _DRIVE_PATH.match(reference):
        return ""  # "C:\…" is a Windows path, not a URL with scheme "c"
    return urllib.parse.urlsplit(reference).scheme.casefold()


def _looks_local(reference: str) -> bool:
    return bool(_DRIVE_PATH.match(reference) or "\\" in reference or reference.startswith("~"))


def _resolve_remote(reference: str, base: str, where: str) -> str | SourceProblem:
    scheme = _scheme(reference)
    if scheme == "file" or (not scheme and _looks_local(reference)):
        return problem(ProblemCode.REFUSED_LOCAL, where, reference)
    if scheme and scheme not in _REMOTE_SCHEMES:
        return problem(ProblemCode.UNSUPPORTED, where, reference)
    resolved = urllib.parse.urljoin(base, reference)
    if urllib.parse.urlsplit(resolved).scheme.casefold() not in _REMOTE_SCHEMES:
        return problem(ProblemCode.REFUSED_LOCAL, where, reference)
    return resolved


def _resolve_local(reference: str, base: str, where: str) -> str | SourceProblem:
    scheme = _scheme(reference)
    if scheme in _REMOTE_SCHEMES:
        return reference
    if scheme == "file":
        parts = urllib.parse.urlsplit(reference)
        if parts.netloc not in ("", "localhost"):
            return problem(ProblemCode.UNSUPPORTED, where, reference)
        return os.path.abspath(urllib.request.url2pathname(parts.path))
    if scheme:
        return problem(ProblemCode.UNSUPPORTED, where, reference)
    if os.sep == "/" and "\\" in reference and not _DRIVE_PATH.match(reference):
        # A playlist written on Windows and carried to this machine on a USB stick.
        reference = reference.replace("\\", "/")
    return os.path.abspath(os.path.join(os.path.dirname(base), os.path.expanduser(reference)))


def local_file_problem(path: str, where: str) -> SourceProblem | None:
    """Why the local episode file ``path`` cannot be played, or ``None`` if it looks fine."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return problem(ProblemCode.MISSING, where, path)
    except (OSError, ValueError) as error:
        return problem(ProblemCode.UNREADABLE, where, f"{path}: {error}")
    if os.path.isdir(path):
        return problem(ProblemCode.UNSUPPORTED, where, f"{path}: a folder")
    if info.st_size == 0:
        return problem(ProblemCode.ZERO_BYTE, where, path)
    return None


def title_from_location(location: str) -> str:
    """A readable name for a path or URL: its last part without the extension."""
    if is_remote(location):
        parts = urllib.parse.urlsplit(location)
        name = urllib.parse.unquote(parts.path.rstrip("/").rsplit("/", 1)[-1])
        return stem(name) if name else parts.netloc or location
    name = display_text(os.path.basename(location.rstrip("/\\")))
    return stem(name) if name else display_text(location)


def source_name(spec: str) -> str:
    """How a source is named in series and problems: its address, or its absolute path."""
    spec = spec.strip()
    return spec if is_remote(spec) else os.path.abspath(spec)


def failed_series(source: str, reason: SourceProblem) -> Series:
    """The stand-in for a source that could not be read at all: no episodes, one problem."""
    return Series(title=title_from_location(source), source=source, episodes=(), problems=(reason,))
