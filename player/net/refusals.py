"""Why the network guard will not take a hop: the codes ``player.net.guard.Refused`` carries.

Callers compare a refusal's ``code`` with these names instead of spelling the strings again;
a test checks that every code the guard raises is one of them.
"""

from __future__ import annotations

from enum import StrEnum


class RefusedCode(StrEnum):
    NOT_HTTP = "not_http"  # another scheme, e.g. a redirect to file:
    PRIVATE = "private"  # from the public internet into the home network
    THIS_COMPUTER = "this_computer"  # loopback, under NetworkPolicy.refuse_this_computer
    REDIRECTS = "redirects"  # too many
    MALFORMED = "malformed"  # no valid host or port
    BAD_ADDRESS = "bad_address"  # a name that does not resolve
