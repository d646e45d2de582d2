"""The server vector store: a Chroma server reached over HTTP (`chroma run`, plant or national scale)."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from indexing.errors import StoreError
from indexing.store.chroma import ChromaStore, chroma_settings

log = logging.getLogger(__name__)

# Errors that mean "the server is not there" rather than "the server said no".
_UNREACHABLE_NAMES = ("ConnectError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError",
                      "ConnectionError", "ConnectionRefusedError", "TimeoutException")


def parse_url(url: str) -> tuple[str, int, bool]:
    """Split a Chroma server URL into host, port and whether to use TLS.

    Args:
        url: Such as "http://127.0.0.1:8000" or "https://chroma.plant.example".

    Returns:
        ``(host, port, ssl)``; the port defaults to 8000 for http and 443 for https.

    Raises:
        StoreError: Not an http(s) URL with a host.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"chroma_url must look like http://HOST:PORT, got {url!r}")
    ssl = parts.scheme == "https"
    try:
        port = parts.port or (443 if ssl else 8000)
    except ValueError:
        raise StoreError(f"chroma_url has a bad port: {url!r}") from None
    return parts.hostname, port, ssl


class ServerStore(ChromaStore):
    """Vectors kept by a Chroma server.

    Args:
        url: The server, e.g. "http://127.0.0.1:8000".
        model_id: The embedding model id; names the collection.

    Raises:
        StoreError: The URL is malformed.
    """

    def __init__(self, url: str, model_id: str) -> None:
        self.url = url.strip().rstrip("/")
        self.host, self.port, self.ssl = parse_url(self.url)
        super().__init__(model_id, self.url)

    def _unreachable(self) -> StoreError:
        return StoreError(f"cannot reach Chroma server at {self.url}: is it running and is the URL right?")

    def _connect(self) -> Any:
        try:
            import chromadb
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise StoreError(f"chromadb is not installed: {exc}") from None
        try:
            client = chromadb.HttpClient(host=self.host, port=self.port, ssl=self.ssl,
                                         settings=chroma_settings())
            client.heartbeat()
        except Exception as exc:  # noqa: BLE001 - any failure here means no usable server
            log.debug("connecting to %s failed: %r", self.url, exc)
            raise self._unreachable() from None
        return client

    def _translate(self, exc: Exception) -> StoreError:
        names = {t.__name__ for t in type(exc).__mro__}
        if names & set(_UNREACHABLE_NAMES) or "Could not connect" in str(exc):
            with self._lock:
                # Drop the handles so the next call reconnects once the server is back.
                self._collection = None
                self._client = None
            return self._unreachable()
        return StoreError(f"Chroma server at {self.url} failed ({type(exc).__name__}): {exc}")
