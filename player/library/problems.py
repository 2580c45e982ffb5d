"""The stable codes a source reports when it skips something, and a helper to make them.

The UI turns each code into a translated sentence, so codes never change meaning once
released; new situations get new codes.
"""

from __future__ import annotations

from enum import StrEnum

from player.library.model import SourceProblem


class ProblemCode(StrEnum):
    MISSING = "missing"  # the path or the referenced file does not exist
    UNREADABLE = "unreadable"  # the OS refused to list or read it
    EMPTY = "empty"  # a folder, playlist or manifest with nothing playable in it
    ZERO_BYTE = "zero_byte"  # an episode file of 0 bytes (an interrupted copy)
    UNSUPPORTED = "unsupported"  # a file type or address scheme the player cannot play
    TOO_LARGE = "too_large"  # a playlist or manifest above the size cap
    BAD_LINE = "bad_line"  # a playlist line that could not be understood
    BAD_JSON = "bad_json"  # a manifest that is not valid JSON or not shaped as documented
    BAD_ENTRY = "bad_entry"  # one manifest episode that is not shaped as documented
    UNKNOWN_VERSION = "unknown_version"  # a manifest written for a newer player
    REFUSED_LOCAL = "refused_local"  # a network source pointing at a local file
    TIMEOUT = "timeout"  # the server did not answer in time
    UNREACHABLE = "unreachable"  # no connection could be made (DNS, refused, no network)
    HTTP_ERROR = "http_error"  # the server answered with an error status
    # A list on the public internet pointing at this machine or the home network.
    REFUSED_PRIVATE = "refused_private"
    # A source holding more episodes than one source may (the rest were not read).
    CAPPED = "capped"


# What one source (a playlist, a manifest, a folder's series) may hold. Far above any real
# series (micro-dramas have 20–120 episodes); a hostile list of a million lines stops here,
# so the library, Home and the progress queries never see more.
MAX_EPISODES_PER_SOURCE = 50_000


def capped_problem(where: str, limit: int = MAX_EPISODES_PER_SOURCE) -> SourceProblem:
    return problem(ProblemCode.CAPPED, where,
                   f"more than {limit} episodes; only the first {limit} are listed")


def problem(code: ProblemCode, where: str, detail: str = "") -> SourceProblem:
    # Store the plain string so equality, hashing and JSON output match the model's ``str``.
    return SourceProblem(code=str(code), where=where, detail=detail)
