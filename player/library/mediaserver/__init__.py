"""A home media server (MiniDLNA, a NAS, Jellyfin's DLNA plug-in) read as a library source.

Given its UPnP description address (``http://host:port/rootDesc.xml``), the server's
ContentDirectory is browsed with async-upnp-client (``UpnpFactory``, ``DmsDevice``) and its
DIDL-Lite answers are parsed by python-didl-lite: no SOAP or SSDP is written here.

What a server says is untrusted: every answer is capped in size, the whole walk in time,
depth, folders and items, and only http(s) addresses are accepted for episodes, subtitles and
covers. ``discover_media_servers`` finds servers by SSDP M-SEARCH. Both run their own asyncio
loop and block the calling thread: call them off the GUI thread, like every other source.

The modules: ``reading`` (a server read into series, problems named), ``browse`` (the
bounded ContentDirectory walk), ``didl`` (DIDL-Lite items → episodes, folders → series),
``requester`` (the capped, checked HTTP transport), ``discovery`` (SSDP).
"""

from player.library.mediaserver.discovery import FoundServer, discover_media_servers
from player.library.mediaserver.reading import looks_like_device_description, read_media_server

__all__ = ["FoundServer", "discover_media_servers", "looks_like_device_description",
           "read_media_server"]
