"""``allegiance serve``: the web pages and the JSON API over one database, on loopback by default."""

from __future__ import annotations

import logging

import click

from ..errors import AllegianceError
from ..settings import Settings
from .main import common_options

log = logging.getLogger(__name__)

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@common_options
def serve_command(host: str, port: int, settings: Settings) -> None:
    """Serve the pages (overview, dossiers, timeline, articles, search, predictions, sources,
    rejections) and the JSON API under /api (OpenAPI at /openapi.json) over --db, opened
    read-only. Resolving predictions needs the 'web_token' setting; without it the server is
    read-only. Needs the 'web' extra (pip install 'allegiance[web]')."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        raise AllegianceError(f"allegiance serve needs the web extra: pip install 'allegiance[web]' ({exc})",
                              code="missing_extra") from exc
    loopback = host in LOOPBACK
    # On loopback only loopback names are answered: a page elsewhere cannot rebind its own name here.
    app = create_app(settings.db, settings, hosts=["127.0.0.1", "localhost", "::1", "[::1]"] if loopback else None)
    if not loopback:
        log.warning("listening on %s: the pages are reachable from other machines", host)
    mode = "read-only, writes with the token" if settings.web_token else "read-only"
    click.echo(f"serving {settings.db} on http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
