"""safe_fetch against real sockets: private addresses refused before any connect, redirects
checked hop by hop, bodies capped while streaming."""

import ipaddress
import socket
import time

import pytest

from motorpress.importing.fetching import FetchError, UnsafeURL, is_public_address, safe_fetch
from motorpress.importing.tests.local_http import (
    ConnectRecorder,
    LocalServer,
    Route,
    allow_also,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running


@pytest.fixture
def other_server():
    with LocalServer() as running:
        yield running


def _loopback_hostname() -> str:
    """This machine's name when it resolves only to loopback (as /etc/hosts usually makes it)."""
    name = socket.gethostname()
    try:
        infos = socket.getaddrinfo(name, 80, type=socket.SOCK_STREAM)
    except OSError:
        pytest.skip(f"{name} does not resolve here")
    if not infos or any(not ipaddress.ip_address(i[4][0]).is_loopback for i in infos):
        pytest.skip(f"{name} does not resolve to loopback only")
    return name


UNSAFE_URLS = [
    "http://localhost/",
    "http://LOCALHOST./admin",
    "http://printer.localhost/",
    "http://127.0.0.1/",
    "https://127.0.0.1/",
    "https://10.0.0.1:8443/",
    "http://127.0.0.1:8000/",
    "http://[::1]/",
    "http://[::]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/",
    "http://10.1.2.3/",
    "http://172.16.0.9/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://[fd12:3456::1]/",
    "http://[ff02::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a00:1]/",
    "http://[2002:7f00:1::1]/",  # 6to4 wrapping 127.0.0.1
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 wrapping 169.254.169.254
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "file:///etc/passwd",
    "ftp://ftp.example.com/file.jpg",
    "gopher://example.com:70/_stats",
    "javascript:alert(1)",
    "data:image/png;base64,iVBORw0KGgo=",
    "//example.com/relative.jpg",
    "http://user:secret@example.com/",
    "http://exa mple.com/",
    "",
]


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_urls_are_refused_before_any_connection(url):
    with ConnectRecorder() as connects, pytest.raises(UnsafeURL):
        safe_fetch(url)
    assert connects == []


def test_a_server_on_loopback_is_refused_and_never_reached(server):
    server.routes["/secret"] = Route(body=b"internal")
    for url in (server.url("/secret"), f"http://0.0.0.0:{server.port}/secret"):
        with pytest.raises(UnsafeURL):
            safe_fetch(url)
    assert server.connections == []
    assert server.requests == []


def test_a_name_that_resolves_to_loopback_is_refused_at_connect_time(server):
    name = _loopback_hostname()
    with ConnectRecorder() as connects, pytest.raises(UnsafeURL, match="not a public address"):
        safe_fetch(f"http://{name}:{server.port}/")
    assert connects == []
    assert server.connections == []


def test_an_allowed_server_is_fetched_with_type_and_final_url(server):
    server.routes["/car.png"] = Route(headers={"Content-Type": "image/PNG; q=1"}, body=PNG)
    fetched = safe_fetch(server.url("/car.png"), allow=allow_also(("127.0.0.1", server.port)))
    assert fetched.content == PNG
    assert fetched.content_type == "image/png"
    assert fetched.url == server.url("/car.png")
    assert len(server.requests) == 1


def test_the_socket_connects_to_the_vetted_address_with_the_name_in_the_host_header(server):
    name = _loopback_hostname()
    checked = []

    def policy(ip, port):
        checked.append((str(ip), port))
        return (str(ip), port) == ("127.0.0.1", server.port)

    server.routes["/a.png"] = Route(headers={"Content-Type": "image/png"}, body=PNG)
    with ConnectRecorder() as connects:
        safe_fetch(f"http://{name}:{server.port}/a.png", allow=policy)
    # The only connect went to an address the policy saw and allowed: no second lookup.
    assert connects == [("127.0.0.1", server.port)]
    assert connects[0] in checked
    ((_path, headers),) = server.requests
    assert headers["Host"] == f"{name}:{server.port}"


def test_a_redirect_to_the_metadata_service_is_refused_without_connecting(server):
    server.routes["/photo.jpg"] = Route(
        status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    with ConnectRecorder() as connects, pytest.raises(UnsafeURL, match=r"169\.254\.169\.254"):
        safe_fetch(server.url("/photo.jpg"), allow=allow_also(("127.0.0.1", server.port)))
    assert connects == [("127.0.0.1", server.port)]


def test_a_redirect_to_another_private_port_never_reaches_it(server, other_server):
    other_server.routes["/admin"] = Route(body=b"internal admin")
    server.routes["/photo.jpg"] = Route(
        status=307, headers={"Location": other_server.url("/admin")}
    )
    with pytest.raises(UnsafeURL):
        safe_fetch(server.url("/photo.jpg"), allow=allow_also(("127.0.0.1", server.port)))
    assert len(server.requests) == 1
    assert other_server.connections == []


@pytest.mark.parametrize("location", ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO"])
def test_a_redirect_to_another_scheme_is_refused(server, location):
    server.routes["/photo.jpg"] = Route(status=301, headers={"Location": location})
    with pytest.raises(UnsafeURL, match="Only http and https"):
        safe_fetch(server.url("/photo.jpg"), allow=allow_also(("127.0.0.1", server.port)))


def test_relative_redirects_are_followed_and_the_final_url_reported(server):
    server.routes["/old.png"] = Route(status=301, headers={"Location": "/new.png"})
    server.routes["/new.png"] = Route(headers={"Content-Type": "image/png"}, body=PNG)
    fetched = safe_fetch(server.url("/old.png"), allow=allow_also(("127.0.0.1", server.port)))
    assert fetched.content == PNG
    assert fetched.url == server.url("/new.png")


def test_redirect_loops_stop_after_five_hops(server):
    server.routes["/loop"] = Route(status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5"):
        safe_fetch(server.url("/loop"), allow=allow_also(("127.0.0.1", server.port)))
    assert len(server.requests) == 6


def test_a_declared_oversize_body_is_refused(server):
    server.routes["/big.jpg"] = Route(headers={"Content-Type": "image/jpeg"}, body=b"y" * 5000)
    allow = allow_also(("127.0.0.1", server.port))
    with pytest.raises(FetchError, match="1000 byte limit"):
        safe_fetch(server.url("/big.jpg"), max_bytes=1000, allow=allow)
    assert safe_fetch(server.url("/big.jpg"), max_bytes=5000, allow=allow).content == b"y" * 5000


def test_an_endless_body_is_cut_off_while_streaming(server):
    server.routes["/endless.jpg"] = Route(
        headers={"Content-Type": "image/jpeg"}, stream_forever=True
    )
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than the 1048576 byte limit"):
        safe_fetch(
            server.url("/endless.jpg"),
            max_bytes=1024 * 1024,
            allow=allow_also(("127.0.0.1", server.port)),
        )
    assert time.monotonic() - started < 5
    # The client hung up: the server could push at most the limit plus socket buffers.
    time.sleep(0.2)
    assert server.bytes_streamed < 100 * 1024 * 1024


def test_the_caller_can_refuse_content_that_is_not_an_image(server):
    server.routes["/page"] = Route(headers={"Content-Type": "text/html"}, body=b"<p>hello</p>")
    allow = allow_also(("127.0.0.1", server.port))
    with pytest.raises(FetchError, match="text/html, not wanted"):
        safe_fetch(server.url("/page"), allowed_types=("image/",), allow=allow)
    assert safe_fetch(server.url("/page"), allow=allow).content_type == "text/html"


def test_a_server_that_does_not_answer_times_out(server):
    server.routes["/slow.jpg"] = Route(delay=3, body=PNG)
    started = time.monotonic()
    with pytest.raises(FetchError, match="Could not fetch"):
        safe_fetch(
            server.url("/slow.jpg"), timeout=0.5, allow=allow_also(("127.0.0.1", server.port))
        )
    assert time.monotonic() - started < 2


def test_error_statuses_are_fetch_errors(server):
    with pytest.raises(FetchError, match="HTTP 404"):
        safe_fetch(server.url("/missing.jpg"), allow=allow_also(("127.0.0.1", server.port)))


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("203.0.113.7", False),  # documentation range
        ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True),
        ("100.127.255.254", False),
        ("169.254.169.254", False),
        ("127.255.0.1", False),
        ("::ffff:10.0.0.1", False),
        ("fe80::abcd", False),
    ],
)
def test_the_default_policy_admits_only_public_unicast(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public
