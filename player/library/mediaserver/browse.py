"""A media server's ContentDirectory walked folder by folder, within bounds.

Browse is asked page by page (``PAGE`` items) through async-upnp-client's ``DmsDevice``;
the walk stops at ``MAX_DEPTH`` levels, ``MAX_FOLDERS`` folders, ``MAX_ITEMS`` items and its
deadline, and keeps what it read. Only http(s) addresses are taken for episodes, subtitles
and covers, each checked by the private-network rule (an item pointing at ``file:`` or
``smb:`` is skipped and named in the problems). Servers list the same video in several
views ("All Video", "Recently Added", "Folders"); a reference item (``refID``) or a resource
already placed is not placed again, so each video appears once, in the first folder the
server lists it in. What the DIDL-Lite items mean is ``didl``'s job.
"""

from __future__ import annotations

import time

from async_upnp_client.profiles.dlna import DmsDevice
from didl_lite import didl_lite

from player.library.media import name_key, stem
from player.library.mediaserver.didl import (
    Folder,
    caption_address,
    is_subtitle,
    mime_of,
    series_of,
    text_of,
)
from player.library.model import Episode, Series, SourceProblem
from player.library.problems import ProblemCode, problem
from player.library.references import PrivateNetworkRule
from player.locations import is_remote

MAX_DEPTH = 8
MAX_FOLDERS = 500
MAX_ITEMS = 20_000
PAGE = 200


class Walk:
    """One walk over a server's ContentDirectory from its root; ``series()`` is the result."""

    def __init__(self, server: DmsDevice, location: str, name: str, deadline: float,
                 rule: PrivateNetworkRule | None = None) -> None:
        self._server = server
        self._rule = rule or PrivateNetworkRule(False)
        self._location = location
        self._name = name
        self._folders: list[Folder] = []
        self._seen_resources: set[str] = set()
        self._browsed = 0
        self._items = 0
        self.problems: list[SourceProblem] = []
        self._deadline = deadline

    async def run(self) -> None:
        await self._folder("0", (), self._name, None, depth=0)

    async def _folder(self, object_id: str, path: tuple[str, ...], title: str,
                      cover: str | None, depth: int) -> None:
        if self._browsed >= MAX_FOLDERS:
            self._note(ProblemCode.TOO_LARGE, f"more than {MAX_FOLDERS} folders")
            return
        if time.monotonic() > self._deadline:
            self._note(ProblemCode.TIMEOUT, "listing stopped at its time limit")
            return
        self._browsed += 1
        folder = Folder(path, title, cover=cover)
        self._folders.append(folder)
        children: list[tuple[str, str, str | None]] = []
        start = 0
        while True:
            if self._items >= MAX_ITEMS:
                self._note(ProblemCode.TOO_LARGE, f"more than {MAX_ITEMS} items")
                break
            page = await self._server.async_browse_direct_children(
                object_id, starting_index=start, requested_count=PAGE)
            for entry in page.result:
                if isinstance(entry, didl_lite.Container):
                    if entry.id and entry.id != object_id:
                        children.append((entry.id, text_of(entry, "title") or entry.id,
                                         self._address(text_of(entry, "album_art_uri"))))
                elif isinstance(entry, didl_lite.Item):
                    self._items += 1
                    self._item(folder, entry)
            returned = page.number_returned or len(page.result)
            start += returned
            if returned <= 0 or start >= page.total_matches:
                break
            if time.monotonic() > self._deadline:
                self._note(ProblemCode.TIMEOUT, "listing stopped at its time limit")
                break
        if depth + 1 > MAX_DEPTH:
            if children:
                self._note(ProblemCode.TOO_LARGE, f"folders deeper than {MAX_DEPTH} not read")
            return
        for child_id, child_title, child_cover in children:
            await self._folder(child_id, (*path, child_title), child_title, child_cover,
                               depth + 1)

    def _item(self, folder: Folder, item: didl_lite.Item) -> None:
        title = text_of(item, "title") or item.id or ""
        resources = list(getattr(item, "res", None) or [])
        video: str | None = None
        subtitle: str | None = None
        for resource in resources:
            mime = mime_of(resource.protocol_info)
            uri = (resource.uri or "").strip()
            if not uri:
                continue
            if is_subtitle(mime, uri):
                subtitle = subtitle or self._address(uri, title)
            elif video is None and mime.startswith("video/"):
                video = uri
        subtitle = subtitle or self._address(caption_address(item), title)
        if video is None:
            if subtitle is not None:  # a sibling subtitle item ("第1集.srt")
                folder.subtitles.setdefault(name_key(stem(title)), subtitle)
            return
        if getattr(item, "ref_id", None):
            return  # a reference to an item listed in its own folder
        address = self._address(video, title)
        if address is None or address in self._seen_resources:
            return
        self._seen_resources.add(address)
        art = self._address(text_of(item, "album_art_uri"))
        folder.videos.append((title, Episode(0, title, address, subtitle), art))

    def _address(self, uri: str | None, title: str | None = None) -> str | None:
        """``uri`` if it is an http(s) address; anything else is refused (and named)."""
        if not uri:
            return None
        uri = uri.strip()
        if is_remote(uri):
            refused = self._rule.problem_for(uri, title or self._location)
            if refused is None:
                return uri
            if title is not None:
                self.problems.append(refused)
            return None
        if title is not None:
            self.problems.append(problem(ProblemCode.REFUSED_LOCAL, f"{title}: {uri[:200]}"))
        return None

    def _note(self, code: ProblemCode, detail: str) -> None:
        if not any(p.code == code for p in self.problems):
            self.problems.append(problem(code, self._location, detail))

    def series(self) -> list[Series]:
        return series_of(self._folders, self._name, self._location, self.problems)
