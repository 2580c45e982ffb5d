"""A small, real UPnP MediaServer on 127.0.0.1 whose answers a test chooses (hostile ones too).

It serves a device description, a ContentDirectory description with its Browse action, and
answers Browse with DIDL-Lite made from ``containers``; no SSDP (that needs a private network
namespace, see tests/private_network.py).
"""

from __future__ import annotations

import html
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DESCRIPTION = """<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor>
</specVersion><device><deviceType>urn:schemas-upnp-org:device:MediaServer:1</deviceType>
<friendlyName>{name}</friendlyName><manufacturer>test</manufacturer><modelName>test</modelName>
<UDN>uuid:5e1f0000-0000-4000-8000-000000000011</UDN><serviceList><service>
<serviceType>urn:schemas-upnp-org:service:ContentDirectory:1</serviceType>
<serviceId>urn:upnp-org:serviceId:ContentDirectory</serviceId><controlURL>{control}</controlURL>
<eventSubURL>/evt/cd</eventSubURL><SCPDURL>/cd.xml</SCPDURL></service></serviceList>
</device></root>"""

_ARGUMENTS = [
    ("ObjectID", "in", "A_ARG_TYPE_ObjectID"), ("BrowseFlag", "in", "A_ARG_TYPE_BrowseFlag"),
    ("Filter", "in", "A_ARG_TYPE_Filter"), ("StartingIndex", "in", "A_ARG_TYPE_Index"),
    ("RequestedCount", "in", "A_ARG_TYPE_Count"), ("SortCriteria", "in", "A_ARG_TYPE_SortCriteria"),
    ("Result", "out", "A_ARG_TYPE_Result"), ("NumberReturned", "out", "A_ARG_TYPE_Count"),
    ("TotalMatches", "out", "A_ARG_TYPE_Count"), ("UpdateID", "out", "A_ARG_TYPE_UpdateID"),
]
_VARIABLES = [("A_ARG_TYPE_ObjectID", "string"), ("A_ARG_TYPE_BrowseFlag", "string"),
              ("A_ARG_TYPE_Filter", "string"), ("A_ARG_TYPE_Index", "ui4"),
              ("A_ARG_TYPE_Count", "ui4"), ("A_ARG_TYPE_SortCriteria", "string"),
              ("A_ARG_TYPE_Result", "string"), ("A_ARG_TYPE_UpdateID", "ui4")]
SCPD = ('<?xml version="1.0"?><scpd xmlns="urn:schemas-upnp-org:service-1-0"><specVersion>'
        "<major>1</major><minor>0</minor></specVersion><actionList><action><name>Browse</name>"
        "<argumentList>"
        + "".join(f"<argument><name>{n}</name><direction>{d}</direction>"
                  f"<relatedStateVariable>{v}</relatedStateVariable></argument>"
                  for n, d, v in _ARGUMENTS)
        + "</argumentList></action></actionList><serviceStateTable>"
        + "".join(f'<stateVariable sendEvents="no"><name>{n}</name><dataType>{t}</dataType>'
                  "</stateVariable>" for n, t in _VARIABLES)
        + "</serviceStateTable></scpd>")

_DIDL_OPEN = ('<DIDL-Lite xmlns="urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" '
              'xmlns:upnp="urn:schemas-upnp-org:metadata-1-0/upnp/" '
              'xmlns:sec="http://www.sec.co.kr/">')


@dataclass
class FakeServer:
    name: str = "客厅的NAS"
    # object id -> list of DIDL fragments (a <container> or <item> each)
    children: dict[str, list[str]] = field(default_factory=dict)
    browse_padding: int = 0  # extra bytes in every Browse answer (an oversized server)
    page_limit: int = 0  # at most this many children per answer (0: all); tests paging
    browse_delay_s: float = 0.0  # a slow NAS: each Browse answer waits this long
    url: str = ""
    browsed: list[str] = field(default_factory=list)
    control_url: str = "/ctl/cd"  # where the description says Browse is answered
    redirects: dict[str, str] = field(default_factory=dict)  # GET path -> Location (302)

    def container(self, object_id: str, title: str, parent: str = "0", extra: str = "") -> str:
        return (f'<container id="{object_id}" parentID="{parent}" restricted="1">'
                f"<dc:title>{html.escape(title)}</dc:title>"
                f"<upnp:class>object.container.storageFolder</upnp:class>{extra}</container>")

    def item(self, object_id: str, title: str, *resources: tuple[str, str], extra: str = "",
             ref_id: str | None = None, upnp_class: str = "object.item.videoItem") -> str:
        ref = f' refID="{ref_id}"' if ref_id else ""
        res = "".join(f'<res protocolInfo="{p}">{html.escape(u)}</res>' for u, p in resources)
        return (f'<item id="{object_id}" parentID="x" restricted="1"{ref}>'
                f"<dc:title>{html.escape(title)}</dc:title><upnp:class>{upnp_class}</upnp:class>"
                f"{extra}{res}</item>")


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _send(self, body: str, content_type: str = 'text/xml; charset="utf-8"') -> None:
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path in server.redirects:
                self.send_response(302)
                self.send_header("Location", server.redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/rootDesc.xml":
                self._send(DESCRIPTION.format(name=html.escape(server.name),
                                              control=html.escape(server.control_url)))
            elif self.path == "/cd.xml":
                self._send(SCPD)
            else:
                self.send_error(404)

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
            object_id = html.unescape(re.search(r"<ObjectID>(.*?)</ObjectID>", body).group(1))
            start = int(re.search(r"<StartingIndex>(\d+)</StartingIndex>", body).group(1))
            server.browsed.append(object_id)
            if server.browse_delay_s:
                time.sleep(server.browse_delay_s)  # the slowness under test
            every = server.children.get(object_id, [])
            chosen = every[start:start + server.page_limit] if server.page_limit else every[start:]
            didl = _DIDL_OPEN + "".join(chosen) + "</DIDL-Lite>"
            didl += " " * server.browse_padding
            self._send(
                '<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/'
                'envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">'
                '<s:Body><u:BrowseResponse xmlns:u="urn:schemas-upnp-org:service:'
                f'ContentDirectory:1"><Result>{html.escape(didl)}</Result>'
                f"<NumberReturned>{len(chosen)}</NumberReturned>"
                f"<TotalMatches>{len(every)}</TotalMatches><UpdateID>1</UpdateID>"
                "</u:BrowseResponse></s:Body></s:Envelope>")

    return Handler


@contextmanager
def serving(server: FakeServer, host: str = "127.0.0.1") -> Iterator[FakeServer]:
    httpd = ThreadingHTTPServer((host, 0), _handler(server))
    server.url = f"http://{host}:{httpd.server_address[1]}/rootDesc.xml"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
