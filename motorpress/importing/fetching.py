"""Fetch a remote file for an importer without letting the URL reach the server's own network.

Importers download images named in files that strangers wrote, so a URL may point at the
machine itself (127.0.0.1, a database port), at the cloud metadata service (169.254.169.254) or
at the office network. `safe_fetch` accepts only http and https, resolves the host itself and
checks every address it resolves to, follows redirects one hop at a time through the same
checks, and stops reading once the body passes `max_bytes`.

Why a custom urllib3 connection rather than a check before the request: a check that resolves
the name and then lets the HTTP library resolve it again can be fooled by DNS rebinding (the
name answers with a public address to the check and 127.0.0.1 to the connect). Here the
connection class resolves the name once, vets every answer, and opens the socket to the vetted
IP address itself. urllib3 still sends the original host in the Host header and uses it for
TLS SNI and certificate checks, so HTTPS keeps verifying the real name. We use urllib3 directly
(not requests) so no proxy from the environment can reroute the connection.
"""

import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, HTTPError, NewConnectionError
from urllib3.util import connection as urllib3_connection

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[IPAddress, int], bool]

MAX_REDIRECTS = 5
CHUNK_SIZE = 64 * 1024
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
USER_AGENT = "motorpress-importer/1.0"

# Ranges Python's `is_global` has let through in some versions, or that we refuse by name so
# the rule does not depend on the interpreter's tables.
_REFUSED_NETWORKS = [
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network"; connecting to 0.0.0.0 reaches the local machine
        "100.64.0.0/10",  # carrier-grade NAT, often the provider's internal network
        "192.0.0.0/24",
        "198.18.0.0/15",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
]
# IPv6 forms that carry an IPv4 address inside them: the embedded address is checked as well.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class UnsafeURL(ValueError):
    """The URL is not allowed: wrong scheme, or its host is (or resolves to) a private address."""


class FetchError(Exception):
    """The fetch was allowed but failed: connection, status, size, type or time limit."""


@dataclass(frozen=True)
class FetchedFile:
    content: bytes
    content_type: str  # lower case, without parameters: "image/jpeg"
    url: str  # the final URL, after redirects


def is_public_address(ip: IPAddress, port: int = 0) -> bool:
    """The default policy: only globally routable unicast addresses, on any port."""
    if ip.version == 6 and ip.ipv4_mapped is not None:
        # ::ffff:a.b.c.d is how an IPv6 socket reaches the IPv4 address a.b.c.d: judge that.
        return is_public_address(ip.ipv4_mapped, port)
    embedded = _embedded_ipv4(ip)
    if embedded is not None and not is_public_address(embedded, port):
        return False
    if any(ip in net for net in _REFUSED_NETWORKS if net.version == ip.version):
        return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if ip.version != 6:
        return None
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def check_url(url: str) -> tuple[str, str, int]:
    """Scheme, host and port of `url`, or UnsafeURL. Addresses are checked later, at connect."""
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise UnsafeURL("The URL is empty or contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"Not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise UnsafeURL(f"Only http and https URLs can be fetched, not {scheme or 'this'!r}.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL("URLs with a user name or password are not fetched.")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise UnsafeURL("The URL has no host.")
    if host == "localhost" or host.endswith(".localhost"):
        raise UnsafeURL(f"{host} always means this machine.")
    _refuse_ambiguous_number(host)
    try:
        host.encode("idna")
    except UnicodeError as exc:
        raise UnsafeURL(f"The host name {host!r} is not valid.") from exc
    return scheme, host, port or (443 if scheme == "https" else 80)


def _refuse_ambiguous_number(host: str) -> None:
    """Refuse 2130706433, 0x7f.1, 0177.0.0.1 and 127.1: the C resolver reads them as addresses.

    Different parsers disagree about these forms, which is how filters get bypassed; a real
    site never needs them.
    """
    try:
        ipaddress.ip_address(host)
        return  # a canonical address: checked with the others at connect time
    except ValueError:
        pass
    try:
        socket.inet_aton(host)
    except OSError:
        return
    raise UnsafeURL(f"The host {host!r} is an address written in an ambiguous numeric form.")


def vetted_addresses(host: str, port: int, allow: AddressPolicy) -> list[IPAddress]:
    """Every address `host` resolves to, if the policy allows all of them; else UnsafeURL.

    All answers must pass, not just one: otherwise a name answering with a public and a
    private address could be steered to the private one.
    """
    try:
        # The system resolver applies its own timeout (resolv.conf); it cannot take ours.
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"Cannot resolve {host}: {exc.strerror}") from exc
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not allow(ip, port):
            raise UnsafeURL(f"{host} resolves to {ip}, which is not a public address.")
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(f"{host} has no address.")
    return addresses


class _VettedConnectionMixin:
    """Opens the socket to an address that passed the policy, never to a fresh lookup."""

    def __init__(self, *args, address_policy: AddressPolicy, **kwargs):
        self._address_policy = address_policy
        super().__init__(*args, **kwargs)

    def _new_conn(self) -> socket.socket:
        for ip in vetted_addresses(self._dns_host, self.port, self._address_policy):
            try:
                # An IP literal: getaddrinfo inside create_connection does no DNS lookup.
                return urllib3_connection.create_connection(
                    (str(ip), self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError:
                last = ConnectTimeoutError(self, f"Connection to {self.host} timed out.")
            except OSError as exc:
                last = NewConnectionError(self, f"Cannot connect to {self.host}: {exc}")
        raise last


class _VettedHTTPConnection(_VettedConnectionMixin, HTTPConnection):
    pass


class _VettedHTTPSConnection(_VettedConnectionMixin, HTTPSConnection):
    pass


class _VettedHTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _VettedHTTPConnection


class _VettedHTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _VettedHTTPSConnection


def safe_fetch(
    url: str,
    *,
    max_bytes: int = 20 * 1024 * 1024,
    timeout: float = 10,
    allowed_types: tuple[str, ...] | None = None,
    allow: AddressPolicy = is_public_address,
) -> FetchedFile:
    """GET `url` and return its body, refusing anything but public http(s) addresses.

    `timeout` bounds the whole fetch, redirects included (each socket wait gets what is left).
    `allowed_types` (e.g. ("image/",)) rejects other content types before the body is read.
    `allow` decides which resolved addresses may be connected to; tests pass a policy that
    also admits their own server on 127.0.0.1.
    """
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port = check_url(current)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"Fetching {url} took longer than {timeout} seconds.")
        pool_class = _VettedHTTPSPool if scheme == "https" else _VettedHTTPPool
        pool = pool_class(host, port, retries=False, maxsize=1, address_policy=allow)
        try:
            response = _get(pool, current, remaining)
            try:
                location = response.headers.get("Location")
                if response.status in REDIRECT_STATUSES and location:
                    current = urljoin(current, location)
                    continue
                if not 200 <= response.status < 300:
                    raise FetchError(f"{current} answered HTTP {response.status}.")
                content_type = _content_type(response.headers.get("Content-Type", ""))
                if allowed_types is not None and not content_type.startswith(allowed_types):
                    raise FetchError(f"{current} is {content_type or 'untyped'}, not wanted here.")
                body = _read_capped(response, max_bytes, deadline, current)
                return FetchedFile(content=body, content_type=content_type, url=current)
            finally:
                response.release_conn()
                response.close()
        finally:
            pool.close()
    raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times.")


def _get(pool, url: str, timeout: float):
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        return pool.urlopen(
            "GET",
            target,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
        )
    except HTTPError as exc:
        raise FetchError(f"Could not fetch {url}: {exc}") from exc


def _content_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _read_capped(response, max_bytes: int, deadline: float, url: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {int(declared)} bytes, over the {max_bytes} byte limit.")
    chunks, total = [], 0
    while True:
        # Ask for at most one byte past the limit: enough to know it was passed, no more.
        try:
            chunk = response.read(min(CHUNK_SIZE, max_bytes + 1 - total))
        except HTTPError as exc:
            raise FetchError(f"Reading {url} failed: {exc}") from exc
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise FetchError(f"{url} is larger than the {max_bytes} byte limit.")
        if time.monotonic() > deadline:
            raise FetchError(f"Reading {url} took too long.")
        chunks.append(chunk)
