"""Fetch an image URL without letting a submitter steer our worker into our own network (SSRF).

Why not "resolve, check, then hand the URL to an HTTP client"? Because the client resolves the name
again, and a hostile DNS server can answer a public address to the check and 127.0.0.1 to the
connect (DNS rebinding). Here the check *is* the connect: a custom httpcore network backend resolves
the host once, refuses the whole answer if any address is loopback / private / link-local /
multicast / reserved, and opens the TCP connection to that vetted IP itself. httpcore still sends
`Host:` and TLS SNI for the original name, so virtual hosts and certificates work as usual.

Redirects are followed by hand (at most 3), so every hop goes through the same scheme check and the
same vetting backend. The body is streamed with a byte cap and an overall deadline (a read timeout
alone lets a server drip one byte per second forever). Whether the bytes are an image is decided
later by sniffing them, never by `Content-Type`.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore

from moderation.images.errors import ImageRefused, ImageUnreadable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

MAX_REDIRECTS = 3
USER_AGENT = "showcase-moderation-image-fetcher/1"

#: What `allow_private_image_hosts` opens up: loopback and RFC 1918 / ULA ranges for local setups
#: and tests. Link-local (cloud metadata at 169.254.169.254), multicast and unspecified stay closed.
PRIVATE_NETWORKS: tuple[IPNetwork, ...] = tuple(
    ipaddress.ip_network(n)
    for n in ("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7")
)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver returns for `host` (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class AddressPolicy:
    """Which IP addresses the fetcher may connect to: public unicast, plus `allowed` networks."""

    allowed: tuple[IPNetwork, ...] = ()

    def refusal(self, address: str) -> str | None:
        """Why `address` may not be connected to, or None when it may."""
        try:
            ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return f"not an IP address: {address!r}"
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
        if ip.is_multicast or ip.is_unspecified:
            return f"{ip} is a multicast/unspecified address"
        if any(ip in net for net in self.allowed):
            return None
        if not ip.is_global or ip.is_reserved or ip.is_link_local or ip.is_loopback or ip.is_private:
            return f"{ip} is not a public address"
        return None


class _VettingBackend(httpcore.NetworkBackend):
    """Resolves once, vets every answer, connects to the vetted IP: no DNS-rebinding window."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver):
        self._policy = policy
        self._resolver = resolver
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._resolver(host.strip("[]"), port)
        except OSError as exc:
            raise ImageUnreadable(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise ImageUnreadable(f"{host} resolves to no address")
        for address in addresses:
            # Refuse the whole answer if any address is private: mixed answers are a rebinding trick.
            reason = self._policy.refusal(address)
            if reason:
                raise ImageRefused(f"host {host} refused: {reason}")
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout, OSError) as exc:
                last = exc
        raise ImageUnreadable(f"cannot connect to {host}:{port}: {last}")

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        raise ImageRefused("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@dataclass
class ImageFetcher:
    """Downloads image bytes under the SSRF policy, a byte cap and an overall deadline.

    Build one per process (it holds a connection pool) with `from_settings`; tests pass an
    `AddressPolicy` that allows only 127.0.0.0/8 so they can also prove other private ranges stay shut.
    """

    max_bytes: int
    timeout: float
    policy: AddressPolicy = field(default_factory=AddressPolicy)
    resolver: Resolver = system_resolver
    ssl_context: ssl.SSLContext | None = None
    _pool: httpcore.ConnectionPool | None = field(default=None, init=False, repr=False)

    @classmethod
    def from_settings(cls, settings: Any) -> ImageFetcher:
        allowed = PRIVATE_NETWORKS if settings.allow_private_image_hosts else ()
        return cls(
            max_bytes=settings.image_max_bytes,
            timeout=settings.image_fetch_timeout,
            policy=AddressPolicy(allowed=allowed),
        )

    @property
    def pool(self) -> httpcore.ConnectionPool:
        if self._pool is None:
            self._pool = httpcore.ConnectionPool(
                ssl_context=self.ssl_context or ssl.create_default_context(),
                network_backend=_VettingBackend(self.policy, self.resolver),
                max_connections=16,
                retries=0,
            )
        return self._pool

    def fetch(self, url: str) -> bytes:
        """The body of `url` after at most MAX_REDIRECTS vetted redirects; raises ImageError."""
        deadline = time.monotonic() + self.timeout
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            check_url(current)
            status, location, body = self._get(current, deadline)
            if status in (301, 302, 303, 307, 308):
                if not location:
                    raise ImageUnreadable(f"redirect {status} without Location")
                current = urljoin(current, location)
                continue
            if status != 200:
                raise ImageUnreadable(f"HTTP {status} for image URL")
            return body
        raise ImageRefused(f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, deadline: float) -> tuple[int, str | None, bytes]:
        remaining = max(0.05, deadline - time.monotonic())
        timeouts = {"connect": remaining, "read": remaining, "write": remaining, "pool": remaining}
        headers = [(b"User-Agent", USER_AGENT.encode()), (b"Accept", b"image/*")]
        try:
            with self.pool.stream("GET", url, headers=headers, extensions={"timeout": timeouts}) as resp:
                if resp.status in (301, 302, 303, 307, 308):
                    return resp.status, _header(resp.headers, b"location"), b""
                if resp.status != 200:
                    return resp.status, None, b""
                declared = _header(resp.headers, b"content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    raise ImageRefused(f"image is {declared} bytes (limit {self.max_bytes})")
                return resp.status, None, self._read_capped(resp.iter_stream(), deadline)
        except (ImageRefused, ImageUnreadable):
            raise
        except httpcore.TimeoutException as exc:
            raise ImageUnreadable(f"timed out fetching image: {type(exc).__name__}") from exc
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, OSError) as exc:
            raise ImageUnreadable(f"fetch failed: {type(exc).__name__}: {exc}"[:300]) from exc

    def _read_capped(self, chunks: Iterable[bytes], deadline: float) -> bytes:
        body = bytearray()
        for chunk in chunks:
            body += chunk
            if len(body) > self.max_bytes:
                raise ImageRefused(f"image exceeds {self.max_bytes} bytes")
            if time.monotonic() > deadline:
                raise ImageUnreadable("image download exceeded the overall deadline")
        return bytes(body)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None


def check_url(url: str) -> None:
    """Refuse non-http(s) schemes, missing hosts and embedded credentials before any connection."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ImageRefused(f"scheme {parts.scheme or '(none)'!r} is not fetched (http/https only)")
    if not parts.hostname:
        raise ImageRefused("image URL has no host")
    if parts.username or parts.password:
        raise ImageRefused("image URL with credentials is not fetched")


def _header(headers: Sequence[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None
