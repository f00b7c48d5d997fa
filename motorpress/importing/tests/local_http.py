"""A real HTTP server on 127.0.0.1 for fetch tests, and a record of every outbound connect.

Nothing here replaces the network layer: the server listens on a real socket, and outbound
connects are observed through Python's `socket.connect` audit event, which fires for every
connect attempt the process makes.
"""

import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_lock = threading.Lock()
_recorders: list[list] = []


def _audit(event, args):
    if event == "socket.connect" and _recorders:
        with _lock:
            for recorder in _recorders:
                recorder.append(args[1])


sys.addaudithook(_audit)  # audit hooks cannot be removed; it records only while asked to


class ConnectRecorder:
    """`with ConnectRecorder() as connects:` lists the (host, port) of every connect attempt."""

    def __enter__(self) -> list:
        self.connects: list = []
        with _lock:
            _recorders.append(self.connects)
        return self.connects

    def __exit__(self, *exc):
        with _lock:
            _recorders.remove(self.connects)


@dataclass
class Route:
    status: int = 200
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    stream_forever: bool = False  # send chunks until the client hangs up
    delay: float = 0.0


class LocalServer:
    """A threaded HTTP server answering from a table of routes; records connections and hits."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.connections: list = []
        self.requests: list[tuple[str, dict]] = []
        self.bytes_streamed = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path, Route(status=404, body=b"not found"))
                time.sleep(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if not route.stream_forever and "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.stream_forever:
                    self._stream()
                else:
                    self.wfile.write(route.body)

            def _stream(self):
                chunk = b"x" * 65536
                try:
                    # A cap so that a broken client cannot keep the test running for ever.
                    while server.bytes_streamed < 500 * 1024 * 1024:
                        self.wfile.write(chunk)
                        server.bytes_streamed += len(chunk)
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def verify_request(self, request, client_address):
                server.connections.append(client_address)
                return True

            def handle_error(self, request, client_address):
                pass  # clients that hang up mid-body (the size-cap tests) are expected here

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def allow_also(*endpoints: tuple[str, int]):
    """The default address policy, plus exactly these (ip, port) pairs (a test's own server)."""
    from motorpress.importing.fetching import is_public_address

    def policy(ip, port):
        return (str(ip), port) in endpoints or is_public_address(ip, port)

    return policy
