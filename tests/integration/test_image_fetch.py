"""The image fetcher against a real HTTP server on 127.0.0.1 (a thread running http.server).

Loopback is allowed only through an explicit policy (as `allow_private_image_hosts` would), and
only 127.0.0.0/8: that lets the tests also prove that other private ranges stay refused after a
redirect, and that the default settings refuse the local server outright.
"""

from __future__ import annotations

import io
import ipaddress
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
import pytest
from PIL import Image

from moderation.detectors.base import ScanContext
from moderation.images.decode import decode_image
from moderation.images.errors import ImageRefused, ImageUnreadable
from moderation.images.fetch import AddressPolicy, ImageFetcher
from moderation.images.loader import ImageFailure, ImageLoader, LoadedImage
from moderation.settings import Settings
from moderation.types import ImageRef, Recommendation

LOOPBACK_ONLY = AddressPolicy(allowed=(ipaddress.ip_network("127.0.0.0/8"),))


def _png(w: int = 64, h: int = 48, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, "PNG")
    return buf.getvalue()


PNG = _png()
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/ok.png": (200, {"Content-Type": "image/png"}, PNG),
    "/lying-type.jpg": (200, {"Content-Type": "image/jpeg"}, PNG),  # header lies, bytes are PNG
    "/page.png": (200, {"Content-Type": "image/png"}, b"<!doctype html><html>hi</html>"),
    "/big.png": (200, {"Content-Type": "image/png"}, PNG + b"\0" * 300_000),
    "/redirect-ok": (302, {"Location": "/ok.png"}, b""),
    "/redirect-private": (302, {"Location": "http://10.1.2.3/x.png"}, b""),
    "/redirect-metadata": (302, {"Location": "http://169.254.169.254/latest/meta-data"}, b""),
    "/redirect-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/loop1": (302, {"Location": "/loop2"}, b""),
    "/loop2": (302, {"Location": "/loop3"}, b""),
    "/loop3": (302, {"Location": "/loop4"}, b""),
    "/loop4": (302, {"Location": "/ok.png"}, b""),
    "/missing": (404, {}, b"nope"),
}


class _Handler(BaseHTTPRequestHandler):
    seen_hosts: list[str] = []  # noqa: RUF012 - shared record of Host headers for assertions

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        _Handler.seen_hosts.append(self.headers.get("Host", ""))
        if self.path == "/chunked-big":
            self._chunked_big()
            return
        if self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
            return
        status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _chunked_big(self) -> None:
        # No Content-Length: the cap must be enforced while streaming, not from the header.
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"\0" * 65536
        try:
            for _ in range(10):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fetcher() -> Iterator[ImageFetcher]:
    f = ImageFetcher(max_bytes=200_000, timeout=2.0, policy=LOOPBACK_ONLY)
    yield f
    f.close()


def test_fetches_and_decodes_image(server: str, fetcher: ImageFetcher) -> None:
    body = fetcher.fetch(server + "/ok.png")
    assert body == PNG
    assert decode_image(body, 10_000).rgb.shape == (48, 64, 3)


def test_content_is_sniffed_not_taken_from_header(server: str, fetcher: ImageFetcher) -> None:
    assert decode_image(fetcher.fetch(server + "/lying-type.jpg"), 10_000).format == "png"
    with pytest.raises(ImageRefused, match="html"):
        decode_image(fetcher.fetch(server + "/page.png"), 10_000)


def test_default_settings_refuse_loopback(server: str) -> None:
    f = ImageFetcher.from_settings(Settings())
    assert Settings().allow_private_image_hosts is False
    with pytest.raises(ImageRefused, match="not a public address"):
        f.fetch(server + "/ok.png")


def test_setting_opens_private_hosts(server: str) -> None:
    f = ImageFetcher.from_settings(Settings(MODERATION_ALLOW_PRIVATE_IMAGE_HOSTS=True))
    assert f.fetch(server + "/ok.png") == PNG


def test_follows_a_safe_redirect(server: str, fetcher: ImageFetcher) -> None:
    assert fetcher.fetch(server + "/redirect-ok") == PNG


@pytest.mark.parametrize("path", ["/redirect-private", "/redirect-metadata"])
def test_redirect_to_private_address_is_refused(server: str, fetcher: ImageFetcher, path: str) -> None:
    with pytest.raises(ImageRefused, match="not a public address"):
        fetcher.fetch(server + path)


def test_redirect_to_other_scheme_is_refused(server: str, fetcher: ImageFetcher) -> None:
    with pytest.raises(ImageRefused, match="scheme 'file'"):
        fetcher.fetch(server + "/redirect-file")


def test_more_than_three_redirects_refused(server: str, fetcher: ImageFetcher) -> None:
    with pytest.raises(ImageRefused, match="redirects"):
        fetcher.fetch(server + "/loop1")
    assert fetcher.fetch(server + "/loop2") == PNG  # exactly three hops is fine


def test_oversize_refused_by_declared_length(server: str, fetcher: ImageFetcher) -> None:
    with pytest.raises(ImageRefused, match="limit 200000"):
        fetcher.fetch(server + "/big.png")


def test_oversize_refused_while_streaming(server: str, fetcher: ImageFetcher) -> None:
    with pytest.raises(ImageRefused, match="exceeds 200000"):
        fetcher.fetch(server + "/chunked-big")


def test_slow_drip_hits_overall_deadline(server: str) -> None:
    f = ImageFetcher(max_bytes=200_000, timeout=0.8, policy=LOOPBACK_ONLY)
    t0 = time.monotonic()
    with pytest.raises(ImageUnreadable):
        f.fetch(server + "/slow")
    assert time.monotonic() - t0 < 2.5


def test_http_error_is_unreadable(server: str, fetcher: ImageFetcher) -> None:
    with pytest.raises(ImageUnreadable, match="HTTP 404"):
        fetcher.fetch(server + "/missing")


def test_connects_to_vetted_ip_with_original_host_header(server: str) -> None:
    """The name is resolved once by our resolver; the request still carries the original Host."""
    port = server.rsplit(":", 1)[1]
    calls: list[str] = []

    def resolver(host: str, _port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    f = ImageFetcher(max_bytes=200_000, timeout=2.0, policy=LOOPBACK_ONLY, resolver=resolver)
    assert f.fetch(f"http://images.example.test:{port}/ok.png") == PNG
    assert calls == ["images.example.test"]
    assert _Handler.seen_hosts[-1] == f"images.example.test:{port}"


def test_mixed_dns_answer_is_refused() -> None:
    """A name answering one public and one private address is a rebinding attempt: refuse it."""
    f = ImageFetcher(max_bytes=1000, timeout=1.0, resolver=lambda h, p: ["93.184.216.34", "10.0.0.5"])
    with pytest.raises(ImageRefused, match=r"10\.0\.0\.5"):
        f.fetch("http://rebind.example.test/x.png")


def test_hostname_resolving_to_loopback_refused_by_default() -> None:
    f = ImageFetcher(max_bytes=1000, timeout=1.0, resolver=lambda h, p: ["::ffff:127.0.0.1"])
    with pytest.raises(ImageRefused, match=r"127\.0\.0\.1"):
        f.fetch("http://sneaky.example.test/x.png")


def test_loader_turns_fetch_problems_into_one_failure_each(server: str, fetcher: ImageFetcher) -> None:
    loader = ImageLoader(fetcher, max_pixels=1_000_000)
    rec = Recommendation(
        id="r1",
        text="t",
        images=[ImageRef(url=server + "/ok.png"), ImageRef(url=server + "/redirect-private"),
                ImageRef(url=server + "/missing")],
    )
    ctx = ScanContext(rec)
    loaded = loader.images(rec, ctx)
    assert [img.index for img in loaded] == [0]
    assert np.array_equal(loaded[0].decoded.rgb[0, 0], [200, 30, 30])
    assert isinstance(loader.get(rec, ctx, 1), ImageFailure)
    assert isinstance(loader.get(rec, ctx, 0), LoadedImage)
    signals = loader.failure_signals(rec, ctx)
    assert [(s.code, s.evidence.image) for s in signals] == [("IMAGE_REFUSED", 1), ("IMAGE_UNREADABLE", 2)]
    assert loader.failure_signals(rec, ctx) == []  # handed out once per scan
