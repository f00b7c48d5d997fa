"""A circuit breaker for the cache's Redis connections.

django-redis turns Redis errors into cache misses (IGNORE_EXCEPTIONS), which covers a Redis
that is gone: connections are refused at once. A Redis that hangs (overloaded, paused, a
network that drops packets) is worse: every cache call waits for the socket timeout, and a page
makes several, so each page would take seconds. After one failure this breaker fails every
Redis call at once for COOL_OFF seconds, then lets the next call try again.
"""

import logging
import threading
import time

from redis.connection import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

COOL_OFF = 5.0
_FAILURES = (RedisConnectionError, RedisTimeoutError, OSError)


class _Breaker:
    def __init__(self):
        self._open_until = 0.0
        self._lock = threading.Lock()

    def check(self) -> None:
        if time.monotonic() < self._open_until:
            raise RedisConnectionError("Redis circuit open: skipping the cache for now")

    def trip(self) -> None:
        with self._lock:
            if time.monotonic() >= self._open_until:
                logger.warning("Redis failed; skipping it for %.0f s", COOL_OFF)
            self._open_until = time.monotonic() + COOL_OFF

    def reset(self) -> None:
        self._open_until = 0.0


breaker = _Breaker()


class CircuitBreakerConnection(Connection):
    """redis-py's TCP connection, failing fast while the breaker is open."""

    def connect(self):
        breaker.check()
        try:
            return super().connect()
        except _FAILURES:
            breaker.trip()
            raise

    def send_packed_command(self, command, check_health=True):
        breaker.check()
        try:
            return super().send_packed_command(command, check_health)
        except _FAILURES:
            breaker.trip()
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except _FAILURES:
            breaker.trip()
            raise


class CircuitBreakerConnectionPool(ConnectionPool):
    """The pool django-redis builds from REDIS_URL, with breaker-aware TCP connections."""

    def __init__(self, *args, **kwargs):
        if kwargs.get("connection_class", Connection) is Connection:
            kwargs["connection_class"] = CircuitBreakerConnection
        super().__init__(*args, **kwargs)
