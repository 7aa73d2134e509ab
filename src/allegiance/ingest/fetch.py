"""Fetching URLs politely and safely with httpx: timeouts and a total deadline per fetch, a size
cap on the decoded body, a redirect limit checked hop by hop, refusal of loopback and private
addresses (unless allowed), robots.txt for every host a fetch reaches, and a per-host delay.

The address guard cannot be bypassed by DNS rebinding: each hop's host is resolved once, every
address is checked, and the connection is made to the checked address (the transport never
resolves a name itself; TLS still verifies the certificate for the host name)."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import socket
import ssl
import time
import typing
import urllib.robotparser
import zlib
from collections.abc import Callable, Iterable
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError
from ..settings import Settings

__all__ = ["Fetched", "Fetcher", "check_address", "resolve_host"]

log = logging.getLogger(__name__)

#: ``resolver(host, port)`` gives the addresses a host name resolves to (tests pass their own).
Resolver = Callable[[str, int], list[str]]


@dataclasses.dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str | None
    data: bytes


def resolve_host(host: str, port: int) -> list[str]:
    """The system resolver: every address of ``host``."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}", code="unreachable") from exc
    return [str(info[4][0]) for info in infos]


def _target(url: str) -> tuple[str, int]:
    """The host (as the connection sees it: IDNA, no brackets) and port of an http(s) URL;
    :class:`FetchError` ``bad_url`` or ``unsupported`` when it is not one."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
        parsed = httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        raise FetchError(f"malformed URL {url!r}: {exc}", code="bad_url") from exc
    if parts.scheme not in ("http", "https") or not parsed.raw_host:
        raise FetchError(f"not an http(s) URL: {url}", code="unsupported")
    try:
        host = parsed.raw_host.decode("ascii")
    except UnicodeDecodeError as exc:
        raise FetchError(f"malformed host in URL {url!r}", code="bad_url") from exc
    return host, parsed.port or (443 if parsed.scheme == "https" else 80)


def _refused(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global


def check_address(url: str, allow_private: bool, resolver: Resolver = resolve_host) -> str:
    """Refuse URLs that are not http(s), or whose host resolves to a non-public address; return the
    checked address to connect to (the first the host resolves to)."""
    host, port = _target(url)
    addresses = resolver(host, port)
    if not addresses:
        raise FetchError(f"{host} resolves to no address", code="unreachable")
    if not allow_private:
        for address in addresses:
            if _refused(address):
                raise FetchError(f"{host} resolves to the non-public address {address}; "
                                 "set allow_private_addresses to fetch it", code="forbidden_address")
    return addresses[0]


class _GuardedBackend(httpcore.NetworkBackend):
    """Connects only to the address checked for a host (``pins``), and bounds every read and write
    by the current fetch's deadline, so a server trickling bytes cannot hold a fetch."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self.pins: dict[tuple[str, int], str] = {}
        self.deadline: float | None = None

    def remaining(self, timeout: float | None) -> float | None:
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the fetch deadline passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        address = self.pins.get((host, port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked; refusing to resolve it again")
        stream = self._inner.connect_tcp(address, port, self.remaining(timeout), local_address, socket_options)
        return _DeadlineStream(stream, self)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, backend: _GuardedBackend) -> None:
        self._inner, self._backend = inner, backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._backend.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._backend.remaining(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, self._backend.remaining(timeout))
        return _DeadlineStream(tls, self._backend)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


def _transport(backend: _GuardedBackend) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport()
    # httpx builds its connection pool without a way to name the network backend: replace it.
    transport._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                              network_backend=backend)
    return transport


def _read_body(response: httpx.Response, url: str, limit: int) -> bytes:
    """The body, decompressed here (gzip or deflate) with every step bounded by ``limit``, so a
    compressed bomb is refused after ``limit`` bytes of output, never expanded in one piece."""
    codings = [c.strip().lower() for c in response.headers.get("content-encoding", "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
        raise FetchError(f"{url} is sent with the unsupported content encoding {codings}", code="unsupported")
    inflate = zlib.decompressobj(wbits=15 if codings == ["deflate"] else 47) if codings else None
    body = bytearray()
    for chunk in response.iter_raw():
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limit + 1 - len(body))
            except zlib.error as exc:
                raise FetchError(f"{url} has a broken compressed body: {exc}", code="malformed") from exc
        body += chunk
        if len(body) > limit:
            raise FetchError(f"{url} is over the limit of {limit} bytes", code="too_large")
    return bytes(body)


class Fetcher:
    """One HTTP client for a run; use as a context manager. ``resolver`` defaults to the system's."""

    def __init__(self, settings: Settings, resolver: Resolver | None = None) -> None:
        self.settings = settings
        self._resolver = resolver or resolve_host
        self._backend = _GuardedBackend()
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=_transport(self._backend),
            trust_env=False,  # no proxy from the environment: the address guard must see the real peer
        )
        self._last_hit: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _wait_turn(self, host: str) -> None:
        delay = self.settings.per_host_delay
        last = self._last_hit.get(host)
        if last is not None and delay > 0:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last_hit[host] = time.monotonic()

    def _allowed_by_robots(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                fetched = self._get(urljoin(root, "/robots.txt"), limit=512_000, robots=False)
                if fetched.status >= 400:
                    parser = None  # no robots.txt: everything is allowed
                else:
                    assert parser is not None
                    parser.parse(fetched.data.decode("utf-8", "replace").splitlines())
            except FetchError as exc:
                if exc.code == "too_slow":
                    raise
                parser = None
            self._robots[root] = parser
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.settings.user_agent, url)

    def _open(self, url: str) -> None:
        """Check ``url``'s address and pin the connection to it."""
        host, port = _target(url)
        self._backend.pins[(host, port)] = check_address(url, self.settings.allow_private_addresses,
                                                         self._resolver)

    def _get(self, url: str, *, limit: int, robots: bool) -> Fetched:
        """GET with manual redirects (each hop's address and, when ``robots``, its host's robots.txt
        checked) and a size cap on the decoded body."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            self._open(current)
            if robots and not self._allowed_by_robots(current):
                raise FetchError(f"robots.txt disallows {current}", code="robots")
            self._wait_turn(urlsplit(current).netloc)
            try:
                with self._client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"redirect without a location from {current}", code="http_status")
                        current = urljoin(current, location)
                        continue
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise FetchError(f"{current} is {declared} bytes, over the limit of {limit}",
                                         code="too_large")
                    return Fetched(url, current, response.status_code, response.headers.get("content-type", ""),
                                   response.charset_encoding, _read_body(response, current, limit))
            except httpx.TimeoutException as exc:
                if self._backend.deadline is not None and time.monotonic() >= self._backend.deadline:
                    raise FetchError(f"{url} took longer than fetch_deadline "
                                     f"({self.settings.fetch_deadline:g} s)", code="too_slow") from exc
                raise FetchError(f"{current} timed out", code="unreachable") from exc
            except httpx.InvalidURL as exc:
                raise FetchError(f"malformed URL {current!r}: {exc}", code="bad_url") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{current} could not be fetched: {exc}", code="unreachable") from exc
        raise FetchError(f"{url} redirected more than {self.settings.max_redirects} times",
                         code="too_many_redirects")

    def fetch(self, url: str) -> Fetched:
        """Fetch one page within ``fetch_deadline`` seconds in all; raise :class:`FetchError` with a
        rejection code when it cannot be had."""
        self._backend.deadline = time.monotonic() + self.settings.fetch_deadline
        try:
            fetched = self._get(url, limit=self.settings.max_bytes, robots=self.settings.respect_robots)
        finally:
            self._backend.deadline = None
        if fetched.status >= 400:
            raise FetchError(f"{url} answered HTTP {fetched.status}", code="http_status")
        log.debug("fetched %s (%d bytes)", fetched.final_url, len(fetched.data))
        return fetched
