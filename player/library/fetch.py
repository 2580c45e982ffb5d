"""Read a playlist, manifest or subtitle from disk or an http(s) address, with a time and size cap.

Failures come back as a ``SourceProblem`` instead of an exception, so a dead address or a
pulled USB stick only adds a line to the library's problems.
"""

from __future__ import annotations

import http.client
import os
from dataclasses import dataclass

from player.library.model import SourceProblem
from player.library.problems import ProblemCode, problem
from player.locations import is_remote
from player.net.guard import (
    HARD_DEADLINE_S,
    Opened,
    Refused,
    ascii_url,  # noqa: F401  (the name tests and callers know)
    open_checked,
)
from player.net.refusals import RefusedCode

DEFAULT_TIMEOUT_S = 5.0
# A 10,000-episode playlist with long URLs stays under 4 MiB; anything larger is not one.
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class Fetched:
    """What was read: the bytes and where they really came from."""

    data: bytes
    location: str  # absolute path, or the final URL after redirects
    content_type: str = ""  # lower-case media type from the server, "" for local files
    charset: str | None = None
    media_only: bool = False  # the server sent audio/video: the body was not read
    public: bool = False  # fetched from (or through) a public internet address


def fetch(
    spec: str, *, timeout: float = DEFAULT_TIMEOUT_S, max_bytes: int = MAX_BYTES,
    public_origin: bool = False,
) -> Fetched | SourceProblem:
    """Read ``spec`` (a local path or an http(s) URL) in full, up to ``max_bytes``.

    ``timeout`` bounds the whole request, from connect to the last byte. ``public_origin``:
    the address came from a list on the public internet, so it may not lead to the home
    network or this machine.
    """
    if is_remote(spec):
        return _fetch_remote(spec.strip(), timeout, max_bytes, public_origin)
    return _read_local(spec, max_bytes)


def _read_local(path: str, max_bytes: int) -> Fetched | SourceProblem:
    location = os.path.abspath(path)
    try:
        with open(location, "rb") as file:
            data = file.read(max_bytes + 1)
    except FileNotFoundError:
        return problem(ProblemCode.MISSING, location)
    except OSError as error:
        return problem(ProblemCode.UNREADABLE, location, error.strerror or str(error))
    if len(data) > max_bytes:
        return problem(ProblemCode.TOO_LARGE, location, f"more than {max_bytes} bytes")
    return Fetched(data=data, location=location)


def _fetch_remote(
    url: str, timeout: float, max_bytes: int, public_origin: bool
) -> Fetched | SourceProblem:
    # One deadline from connect to the last byte, every redirect checked (player.net.guard).
    deadline = min(timeout, HARD_DEADLINE_S)
    try:
        with open_checked(url, deadline_s=deadline, public_chain=public_origin) as opened:
            return _read_response(url, opened, deadline, max_bytes)
    except Refused as refused:
        return _refused_problem(url, refused)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return _network_problem(url, error, deadline)


def _refused_problem(url: str, refused: Refused) -> SourceProblem:
    if refused.code == RefusedCode.NOT_HTTP:  # a redirect to file:, smb:, ftp:, vlc: …
        local = refused.detail.casefold() in ("file", "no scheme")
        return problem(ProblemCode.REFUSED_LOCAL if local else ProblemCode.UNSUPPORTED,
                       url, refused.url)
    if refused.code == RefusedCode.PRIVATE:
        return problem(ProblemCode.REFUSED_PRIVATE, url, refused.url)
    if refused.code == RefusedCode.MALFORMED:
        return problem(ProblemCode.UNSUPPORTED, url, f"{refused.url}: {refused.detail}")
    if refused.code == RefusedCode.BAD_ADDRESS:
        return problem(ProblemCode.UNREACHABLE, url, refused.detail)
    return problem(ProblemCode.HTTP_ERROR, url, str(refused))


def _network_problem(url: str, error: Exception, timeout: float) -> SourceProblem:
    if isinstance(error, TimeoutError):
        return problem(ProblemCode.TIMEOUT, url, f"no complete answer within {timeout:g} s")
    if isinstance(error, ValueError | http.client.InvalidURL):  # bad port, host, IDNA name
        return problem(ProblemCode.UNSUPPORTED, url, str(error))
    if isinstance(error, http.client.HTTPException):
        return problem(ProblemCode.HTTP_ERROR, url, type(error).__name__)
    return problem(ProblemCode.UNREACHABLE, url, str(error))


def _read_response(url: str, opened: Opened, timeout: float, max_bytes: int
                   ) -> Fetched | SourceProblem:
    if opened.status >= 400:
        return problem(ProblemCode.HTTP_ERROR, url, f"{opened.status} {opened.reason}")
    final_url = opened.url
    content_type = opened.headers.get_content_type().casefold()
    charset = opened.headers.get_content_charset()
    if content_type.startswith(("video/", "audio/")) and "mpegurl" not in content_type:
        # A direct stream: never download a whole episode just to look at it.
        return Fetched(b"", final_url, content_type, charset, media_only=True,
                       public=opened.hop.public_chain)
    declared = opened.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return problem(ProblemCode.TOO_LARGE, url, f"{declared} bytes")
    try:
        data = opened.read_all(max_bytes)
    except TimeoutError:
        return problem(ProblemCode.TIMEOUT, url, f"not complete within {timeout:g} s")
    except ValueError:
        return problem(ProblemCode.TOO_LARGE, url, f"more than {max_bytes} bytes")
    return Fetched(data, final_url, content_type, charset, public=opened.hop.public_chain)
