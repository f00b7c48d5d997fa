"""Real HTTP peers for purge tests: a server that records PURGE requests, and Varnish."""

import os
import shutil
import socket
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DEPLOY_VCL = Path(__file__).resolve().parents[3] / "deploy" / "varnish" / "motorpress.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def purge_recorder():
    """An HTTP server on loopback that answers every PURGE with 200 and remembers it."""
    received: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def varnish(backend_port: int, workdir: Path):
    """varnishd in the foreground with the shipped VCL, its backend pointed at backend_port."""
    if not os.path.exists(VARNISHD):
        message = "varnishd not found (apt-get install varnish)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI=true makes this a failure")
        pytest.skip(message)
    vcl_text = DEPLOY_VCL.read_text()
    assert '.port = "8000";' in vcl_text
    vcl = workdir / "motorpress.vcl"
    vcl.write_text(vcl_text.replace('.port = "8000";', f'.port = "{backend_port}";'))
    port = free_port()
    log = (workdir / "varnishd.log").open("w")
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-j",
            "none",
            "-n",
            str(workdir / "state"),
            "-T",
            "none",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-s",
            "malloc,32m",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, process, workdir / "varnishd.log")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _wait_for_port(port: int, process, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited: {log_path.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"varnishd did not listen on {port}: {log_path.read_text()}")


@contextmanager
def varnish_in_front(live_server, tmp_path, settings):
    """Varnish before pytest's live server, the app purging it, and the site's host being
    Varnish's address; yields (Varnish's base URL, the site structure)."""
    from urllib.parse import urlsplit

    from motorpress.newsroom.services import site_structure_ensure

    with varnish(urlsplit(live_server.url).port, tmp_path) as port:
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
            }
        }
        structure = site_structure_ensure(hostname="127.0.0.1", port=port)
        yield f"http://127.0.0.1:{port}", structure
