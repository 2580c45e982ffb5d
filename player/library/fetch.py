"""Read a playlist or manifest from disk or from an http(s) address, with a time and size cap.

Failures come back as a ``SourceProblem`` instead of an exception, so a dead address or a
pulled USB stick only adds a line to the library's problems.
"""

from __future__ import annotations

import http.client
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from player.library.model import SourceProblem
from player.library.problems import ProblemCode, problem
from player.locations import is_remote

DEFAULT_TIMEOUT_S = 5.0
# A 10,000-episode playlist with long URLs stays under 4 MiB; anything larger is not one.
MAX_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024
_USER_AGENT = "SilverReel/0.1"
# Addresses typed or pasted by people often hold Chinese or spaces; these characters are
# kept as they are when the rest is percent-encoded.
_URL_SAFE = "/%:@!$&'()*+,;=-._~?#[]"


@dataclass(frozen=True)
class Fetched:
    """What was read: the bytes and where they really came from."""

    data: bytes
    location: str  # absolute path, or the final URL after redirects
    content_type: str = ""  # lower-case media type from the server, "" for local files
    charset: str | None = None
    media_only: bool = False  # the server sent audio/video: the body was not read


def fetch(
    spec: str, *, timeout: float = DEFAULT_TIMEOUT_S, max_bytes: int = MAX_BYTES
) -> Fetched | SourceProblem:
    """Read ``spec`` (a local path or an http(s) URL) in full, up to ``max_bytes``."""
    if is_remote(spec):
        return _fetch_remote(spec.strip(), timeout, max_bytes)
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


def ascii_url(url: str) -> str:
    """``url`` with a non-ASCII host IDNA-encoded and other non-ASCII characters percent-encoded.

    urllib sends the request line as ASCII and fails on ``https://例子.cn/第1集.m3u8``.
    """
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, _, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        netloc = (f"{userinfo}@" if userinfo else "") + host.encode("idna").decode() + colon + port
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=_URL_SAFE),
            urllib.parse.quote(parts.query, safe=_URL_SAFE),
            urllib.parse.quote(parts.fragment, safe=_URL_SAFE),
        )
    )


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand so that no file:, ftp: or data: handler exists: a redirect can only
    # lead to another http(s) address.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def _fetch_remote(url: str, timeout: float, max_bytes: int) -> Fetched | SourceProblem:
    try:
        request = urllib.request.Request(ascii_url(url), headers={"User-Agent": _USER_AGENT})
        with _opener().open(request, timeout=timeout) as response:
            return _read_response(url, response, timeout, max_bytes)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return _network_problem(url, error, timeout)


def _network_problem(url: str, error: Exception, timeout: float) -> SourceProblem:
    if isinstance(error, urllib.error.HTTPError):
        return problem(ProblemCode.HTTP_ERROR, url, f"{error.code} {error.reason}")
    if isinstance(error, urllib.error.URLError):
        # urllib wraps the socket's own error, timeouts included.
        error = error.reason if isinstance(error.reason, Exception) else OSError(error.reason)
    if isinstance(error, TimeoutError):
        return problem(ProblemCode.TIMEOUT, url, f"no answer within {timeout:g} s")
    if isinstance(error, ValueError | http.client.InvalidURL):  # bad port, host, IDNA name
        return problem(ProblemCode.UNSUPPORTED, url, str(error))
    if isinstance(error, http.client.HTTPException):
        return problem(ProblemCode.HTTP_ERROR, url, type(error).__name__)
    return problem(ProblemCode.UNREACHABLE, url, str(error))


def _read_response(
    url: str, response: http.client.HTTPResponse, timeout: float, max_bytes: int
) -> Fetched | SourceProblem:
    final_url = response.geturl()
    if not is_remote(final_url):
        return problem(ProblemCode.REFUSED_LOCAL, url, final_url)
    content_type = response.headers.get_content_type().casefold()
    charset = response.headers.get_content_charset()
    if content_type.startswith(("video/", "audio/")) and "mpegurl" not in content_type:
        # A direct stream: never download a whole episode just to look at it.
        return Fetched(b"", final_url, content_type, charset, media_only=True)
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return problem(ProblemCode.TOO_LARGE, url, f"{declared} bytes")
    # The socket timeout applies to each read; this deadline bounds a server that trickles.
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return problem(ProblemCode.TOO_LARGE, url, f"more than {max_bytes} bytes")
        if time.monotonic() > deadline:
            return problem(ProblemCode.TIMEOUT, url, f"not complete within {timeout:g} s")
    return Fetched(b"".join(chunks), final_url, content_type, charset)
