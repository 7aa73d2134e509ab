"""The network guard (issue 9, item 4) against loopback servers these tests start, never another
address: DNS rebinding (simulated by an in-process resolver), a total deadline per fetch, robots.txt
after a cross-host redirect, and a compressed body bounded while it is decompressed. Private
addresses are allowed only where a test says so, in its own settings."""

from __future__ import annotations

import http.server
import threading
import time
import zlib
from collections.abc import Iterator

import httpx
import pytest

from allegiance import ingest
from allegiance.errors import FetchError
from allegiance.ingest import fetch
from allegiance.ingest.fetch import Fetcher, check_address

PAGE = ("<html><head><title>Guarded page</title></head><body><article>" +
        "<p>Kyrgyzstan said it would stay neutral and called for talks between Moscow and Kyiv. </p>" * 5 +
        "</article></body></html>").encode()
EVIL = PAGE.replace(b"Guarded page", b"Rebound page")

pytestmark = pytest.mark.network


def _gzip(data: bytes) -> bytes:
    squeeze = zlib.compressobj(6, zlib.DEFLATED, 31)
    return squeeze.compress(data) + squeeze.flush()


def _zeros_gzip(megabytes: int) -> bytes:
    squeeze = zlib.compressobj(1, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    return b"".join(squeeze.compress(zeros) for _ in range(megabytes)) + squeeze.flush()


BOMB = _zeros_gzip(64)


class Handler(http.server.BaseHTTPRequestHandler):
    body = PAGE
    hits: list[str]
    redirect_to = ""

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, ctype: str, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's name
        self.hits.append(self.path)
        if self.path == "/robots.txt":
            self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        elif self.path == "/article":
            self._send(200, "text/html; charset=utf-8", self.body)
        elif self.path == "/gzipped":
            self._send(200, "text/html; charset=utf-8", _gzip(self.body), {"Content-Encoding": "gzip"})
        elif self.path == "/bomb":
            self._send(200, "text/html", BOMB, {"Content-Encoding": "gzip"})
        elif self.path == "/go":
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.end_headers()
        elif self.path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._trickle(b"<p>" + b"x" * 400)
        elif self.path == "/trickle-headers":
            self._trickle(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"y" * 400)
        else:
            self._send(404, "text/plain", b"")

    def _trickle(self, data: bytes) -> None:
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass  # the client gave up, as it should


def _serve(address: str, port: int = 0, body: bytes = PAGE) -> tuple[http.server.ThreadingHTTPServer, list[str]]:
    hits: list[str] = []
    handler = type("H", (Handler,), {"body": body, "hits": hits})
    httpd = http.server.ThreadingHTTPServer((address, port), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, hits


@pytest.fixture
def server() -> Iterator[tuple[str, list[str], type[Handler]]]:
    httpd, hits = _serve("127.0.0.1")
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits, httpd.RequestHandlerClass  # type: ignore[misc]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def net_settings(settings):
    return settings.replace(allow_private_addresses=True, fetch_timeout=5.0, max_bytes=200_000)


def test_regression_dns_rebinding_connects_to_the_checked_address(settings, monkeypatch):
    """The name resolves to an allowed address when checked and to a refused one afterwards (the
    rebinding): the request must go to the checked address, and the refused one never be asked."""
    good, good_hits = _serve("127.0.0.1")
    port = good.server_address[1]
    try:
        evil, evil_hits = _serve("127.0.0.2", port, body=EVIL)
    except OSError:
        good.shutdown()
        pytest.skip("127.0.0.2 cannot be bound here")
    answers: list[str] = []

    def rebinding(host: str, port_: int) -> list[str]:
        answers.append(host)
        return ["127.0.0.1"] if len(answers) == 1 else ["127.0.0.2"]

    # the policy of this test: 127.0.0.1 stands for a public address, 127.0.0.2 for a private one
    monkeypatch.setattr(fetch, "_refused", lambda address: address != "127.0.0.1")
    try:
        with Fetcher(settings.replace(respect_robots=False, fetch_timeout=5.0), resolver=rebinding) as fetcher:
            page = fetcher.fetch(f"http://rebind.test:{port}/article")
        assert b"Guarded page" in page.data
        assert answers == ["rebind.test"]  # resolved once: the address checked is the one connected to
        assert good_hits == ["/article"] and evil_hits == []
        with Fetcher(settings.replace(respect_robots=False), resolver=rebinding) as fetcher:
            with pytest.raises(FetchError) as err:  # a later hop that resolves to the private one is refused
                fetcher.fetch(f"http://rebind.test:{port}/article")
        assert err.value.code == "forbidden_address" and evil_hits == []
    finally:
        good.shutdown()
        evil.shutdown()


def test_transport_never_resolves_a_name_itself(server, net_settings):
    url, hits, _ = server
    with Fetcher(net_settings) as fetcher, pytest.raises(httpx.ConnectError, match="not checked"):
        fetcher._client.get(url + "/article")  # no address was checked and pinned for it
    assert hits == []


def test_regression_trickling_server_is_cut_at_the_fetch_deadline(server, store, net_settings):
    url, _, _ = server
    settings = net_settings.replace(fetch_deadline=1.5, respect_robots=False)
    started = time.monotonic()
    summary = ingest([url + "/trickle", url + "/trickle-headers", url + "/article"], store, settings)
    elapsed = time.monotonic() - started
    codes = {r["origin"].replace(url, ""): r["code"] for r in store.rejections()}
    assert codes == {"/trickle": "too_slow", "/trickle-headers": "too_slow"}
    assert summary.stored == 1
    assert elapsed < 20  # each 40-second trickle was given up after 1.5 s, not read to its end


def test_regression_robots_txt_is_read_for_the_host_a_redirect_leads_to(server, store, net_settings):
    url, hits, handler = server
    other, other_hits = _serve("127.0.0.1")
    try:
        handler.redirect_to = f"http://127.0.0.1:{other.server_address[1]}/private/page"
        summary = ingest([url + "/go"], store, net_settings)
        assert summary.rejected == 1 and [r["code"] for r in store.rejections()] == ["robots"]
        assert other_hits == ["/robots.txt"]  # the disallowed page itself was never requested
    finally:
        other.shutdown()


def test_regression_gzip_bomb_in_http_content_encoding_is_cut_at_the_size_cap(server, store, net_settings):
    url, _, _ = server
    summary = ingest([url + "/bomb", url + "/gzipped"], store, net_settings)
    assert [(r["origin"].replace(url, ""), r["code"]) for r in store.rejections()] == [("/bomb", "too_large")]
    assert summary.stored == 1 and "Guarded page" in {row["title"] for row in store.articles()}


def test_check_address_names_malformed_urls():
    for bad in ("http://[::1", "http://127.0.0.1:99999/", "http://127.0.0.1:abc/", "http://[::1]:18081:80/",
                "http://example.org\uff0fx/", "http://0177.0.0.1/"):
        with pytest.raises(FetchError) as err:
            check_address(bad, allow_private=True)
        assert err.value.code == "bad_url", bad


def test_ipv4_mapped_loopback_is_refused():
    with pytest.raises(FetchError) as err:
        check_address("http://[::ffff:127.0.0.1]/", allow_private=False)
    assert err.value.code == "forbidden_address"
