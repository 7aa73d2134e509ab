"""Fetching from a real HTTP server on loopback (allowed by a setting, as the tests need)."""

from __future__ import annotations

import http.server
import threading

import pytest

from allegiance import ingest
from allegiance.errors import FetchError
from allegiance.ingest.fetch import check_address

PAGE = ("<html><head><title>Loopback page</title></head><body><article>" +
        "<p>Kyrgyzstan said it would stay neutral and called for talks between Moscow and Kyiv. </p>" * 5 +
        "</article></body></html>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/article": (200, "text/html; charset=utf-8", PAGE),
            "/private/secret": (200, "text/html", PAGE),
            "/plain": (200, "text/plain; charset=utf-8", "Простой текст статьи о войне. ".encode() * 10),
            "/big": (200, "text/html", b"<p>x</p>" * 100_000),
            "/missing": (404, "text/html", b"not here"),
        }
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(int(self.path[5:] or 0) + 1))
            self.end_headers()
            return
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def net_settings(settings):
    return settings.replace(allow_private_addresses=True, fetch_timeout=5.0, max_bytes=200_000)


def test_urls_are_fetched_and_failures_recorded(server, store, net_settings):
    urls = [f"{server}/article", f"{server}/moved", f"{server}/plain", f"{server}/private/secret",
            f"{server}/missing", f"{server}/big", f"{server}/loop", "http://127.0.0.1:9/closed"]
    summary = ingest(urls, store, net_settings)
    codes = {r["origin"].replace(server, ""): r["code"] for r in store.rejections()}
    assert codes == {"/private/secret": "robots", "/missing": "http_status", "/big": "too_large",
                     "/loop": "too_many_redirects", "http://127.0.0.1:9/closed": "unreachable"}
    assert summary.stored == 2 and summary.duplicates == 1  # /moved redirects to /article
    titles = {row["title"] for row in store.articles()}
    assert "Loopback page" in titles


def test_url_list_file(server, tmp_path, store, net_settings):
    listing = tmp_path / "list.txt"
    listing.write_text(f"# a comment\n{server}/article\n{server}/plain\n", encoding="utf-8")
    assert ingest([str(listing)], store, net_settings).stored == 2


def test_loopback_is_refused_by_default(server, store, settings):
    ingest([f"{server}/article"], store, settings)
    assert [r["code"] for r in store.rejections()] == ["forbidden_address"]


@pytest.mark.parametrize("url", ["http://10.0.0.1/x", "http://192.168.1.1/", "http://[::1]/", "http://169.254.169.254/"])
def test_private_addresses_are_refused_without_a_request(url):
    with pytest.raises(FetchError) as err:
        check_address(url, allow_private=False)
    assert err.value.code == "forbidden_address"


def test_non_http_schemes_are_refused():
    with pytest.raises(FetchError):
        check_address("file:///etc/passwd", allow_private=True)
