"""Fetching URLs politely and safely with httpx: timeouts, a size cap, a redirect limit checked
hop by hop, refusal of loopback and private addresses (unless allowed), robots.txt and a
per-host delay."""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import socket
import time
import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import FetchError
from ..settings import Settings

__all__ = ["Fetched", "Fetcher", "check_address"]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    encoding: str | None
    data: bytes


def check_address(url: str, allow_private: bool) -> None:
    """Refuse URLs that are not http(s), or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}", code="unsupported")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {parts.hostname}: {exc}", code="unreachable") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise FetchError(f"{parts.hostname} resolves to the non-public address {address}; "
                             "set allow_private_addresses to fetch it", code="forbidden_address")


class Fetcher:
    """One HTTP client for a run; use as a context manager."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._client = httpx.Client(
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent},
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
                fetched = self._get(urljoin(root, "/robots.txt"), limit=512_000)
                if fetched.status >= 400:
                    parser = None  # no robots.txt: everything is allowed
                else:
                    assert parser is not None
                    parser.parse(fetched.data.decode("utf-8", "replace").splitlines())
            except FetchError:
                parser = None
            self._robots[root] = parser
        robots = self._robots[root]
        return robots is None or robots.can_fetch(self.settings.user_agent, url)

    def _get(self, url: str, *, limit: int) -> Fetched:
        """GET with manual redirects (each hop's address checked) and a streamed size cap."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            check_address(current, self.settings.allow_private_addresses)
            host = urlsplit(current).netloc
            self._wait_turn(host)
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
                    chunks: list[bytes] = []
                    size = 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise FetchError(f"{current} is over the limit of {limit} bytes", code="too_large")
                        chunks.append(chunk)
                    return Fetched(url, current, response.status_code,
                                   response.headers.get("content-type", ""), response.charset_encoding,
                                   b"".join(chunks))
            except httpx.TimeoutException as exc:
                raise FetchError(f"{current} timed out", code="unreachable") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{current} could not be fetched: {exc}", code="unreachable") from exc
        raise FetchError(f"{url} redirected more than {self.settings.max_redirects} times",
                         code="too_many_redirects")

    def fetch(self, url: str) -> Fetched:
        """Fetch one page; raise :class:`FetchError` with a rejection code when it cannot be had."""
        check_address(url, self.settings.allow_private_addresses)
        if self.settings.respect_robots and not self._allowed_by_robots(url):
            raise FetchError(f"robots.txt disallows {url}", code="robots")
        fetched = self._get(url, limit=self.settings.max_bytes)
        if fetched.status >= 400:
            raise FetchError(f"{url} answered HTTP {fetched.status}", code="http_status")
        log.debug("fetched %s (%d bytes)", fetched.final_url, len(fetched.data))
        return fetched
