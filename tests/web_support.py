"""Shared by the web tests: a store built from the samples, a store built from hostile article
text written here, and a real `allegiance serve` process on a free loopback port."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from click.testing import CliRunner

from allegiance.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "articles"
TOKEN = "test-token-5f1c"

# Each payload, if it ran, would show a dialog, log to the console or change document.title.
HOSTILE = [
    {"id": "hostile-script",
     "title": "\u202eKazakhstan <script>document.title='pwned';alert('xss-title')</script> refuses",
     "url": "javascript:alert('xss-url')", "published": "2022-03-01",
     "source": "<img src=x onerror=alert('xss-source')>", "author": "\"><svg onload=alert('xss-author')>",
     "text": "Kazakhstan refused to send troops to fight in Ukraine <script>alert('xss-text')</script>, officials in "
             "Astana said.\n\nKazakhstan will not recognise the Donetsk People's Republic <img src=x "
             "onerror=\"console.log('xss-img');alert('xss-img')\">, the foreign ministry said.\n\nThe president "
             "said Russia will lose the war by 2025 <svg><script>alert('xss-svg')</script></svg>.\n\nA link: "
             "<a href=\"javascript:alert('xss-link')\">click</a> and <iframe "
             "src=\"javascript:alert('xss-iframe')\"></iframe>."},
    {"id": "hostile-svg\"><script>alert('xss-id')</script>",
     "title": "Belarus <svg/onload=alert('xss-svgtitle')> backs Russia \u2067\u202e evil",
     "url": "data:text/html,<script>alert('xss-data')</script>", "published": "2022-09-10",
     "source": "Hostile Daily",
     "text": "Belarus supports Russia's war in Ukraine and lets its territory be used, Lukashenko said <math><mi "
             "xlink:href=\"javascript:alert('xss-math')\">x</mi></math>.\n\n{{ 7*7 }} ${alert('xss-template')} "
             "</textarea><script>console.log('xss-textarea')</script>\n\nBelarus will send troops to Ukraine next "
             "year <style>body{display:none}</style>."},
    {"id": "hostile-url", "title": "Armenia freezes CSTO role",
     "url": "https://example.org/a?q=\"><script>alert('xss-query')</script>", "published": "2024-02-23",
     "source": "Caucasus <b onmouseover=alert('xss-b')>Ledger</b>",
     "text": "Armenia has frozen its participation in the CSTO, Prime Minister Pashinyan said on Friday "
             "<img src=\"x\" onerror=\"document.title='pwned'\">."},
]


def run_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def build_demo(db: Path) -> Path:
    run_cli("run", str(SAMPLES), "--db", str(db), "--no-report", "--set", "progress=false")
    return db


def build_hostile(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.jsonl").write_text("\n".join(json.dumps(r) for r in HOSTILE) + "\n", encoding="utf-8")
    (folder / "<img src=x onerror=alert('xss-file')>.txt").write_text("", encoding="utf-8")  # a rejection
    db = folder.parent / "hostile.db"
    run_cli("run", str(folder), "--db", str(db), "--no-report", "--set", "progress=false")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live_server(db: Path, token: str = TOKEN) -> Iterator[str]:
    """`allegiance serve` in its own process on 127.0.0.1; yields its base URL; stopped after."""
    port = free_port()
    env = {**os.environ, "ALLEGIANCE_WEB_TOKEN": token}
    command = [sys.executable, "-c", "from allegiance.cli.main import cli; cli()", "serve", "--db", str(db),
               "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
            try:
                if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start in 90 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
