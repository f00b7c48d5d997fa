"""The shared cache of the default setup (no Redis): Django's file cache without zlib.

A cached page is a hit on two files, the content generation and the page itself; Django's
FileBasedCache compresses every value, and inflating a 16 KB page cost about a fifth of a
hit (30 µs of 150). Pages are a few kilobytes each and the folder is capped by MAX_ENTRIES,
so the disk saved was not worth the time. Everything else (atomic writes by rename, culling,
expiry) is Django's own. Entries are written in a different format from Django's: the
setting points this backend at its own folder, so it never reads a compressed one.
"""

import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class UncompressedFileBasedCache(FileBasedCache):
    def get(self, key, default=None, version=None):
        fname = self._key_to_file(key, version)
        try:
            with open(fname, "rb") as f:
                if not self._is_expired(f):
                    return pickle.loads(f.read())  # noqa: S301 (our own cache folder)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    previous_value = pickle.loads(f.read())  # noqa: S301
                    f.seek(0)
                    self._write_content(f, timeout, previous_value)
                    f.truncate()
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False
