"""Encrypted, authenticated bundles (`.khb`) for sending a library export elsewhere.

All cryptography comes from the `cryptography` package; nothing here invents a
primitive. The layout follows age's design:

    "KHBUNDLE" | version (1 byte) | header length (4 bytes, big-endian) | header (JSON)
    chunk 0 | chunk 1 | … | final chunk

- A random 256-bit file key encrypts the payload. The header holds it wrapped for a
  passphrase (scrypt, n=2^15, r=8, p=1, then AES-256-GCM) or for one or more X25519
  recipients (ephemeral X25519, HKDF-SHA256, AES-256-GCM).
- The payload (a tar of the export folder) is cut into 1 MiB chunks, each sealed with
  AES-256-GCM under a key derived from the file key by HKDF. The nonce is the chunk
  counter plus a "last chunk" flag, and the SHA-256 of the whole header is every chunk's
  associated data, so reordering, dropping, appending or truncating chunks, or editing
  any byte of the header or the payload, fails authentication.
- Chunks stream in both directions: a bundle larger than memory is fine.

The plaintext header holds no names, counts or paths: only how to unwrap the key.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from indexing.errors import ExportError

MAGIC = b"KHBUNDLE"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
WRAP_AAD = b"khb-wrap-v1"
PUB_PREFIX = "khb-pub-"
SECRET_PREFIX = "khb-secret-"
MAX_HEADER = 1 << 16


def _b64(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def generate_identity() -> tuple[str, str]:
    """A new X25519 key pair for receiving bundles.

    Returns:
        (secret identity "khb-secret-…", public recipient "khb-pub-…"). Keep the secret
        one private; give the public one to whoever sends you bundles.
    """
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    key = X25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    pub = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return SECRET_PREFIX + _b64(raw), PUB_PREFIX + _b64(pub)


def _key_text(value: str, prefix: str, what: str) -> bytes:
    text = value.strip()
    if not text.startswith(prefix) and Path(text).is_file():
        text = Path(text).read_text(encoding="utf-8").strip()
    if not text.startswith(prefix):
        raise ExportError(f"not a {what} (expected text starting with {prefix!r}, or a file holding one)")
    try:
        raw = _unb64(text[len(prefix):])
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise ExportError(f"damaged {what}: {text[:20]}…")
    return raw


def _hkdf(secret: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aes(key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def _make_header(file_key: bytes, passphrase: str | None, recipients: Sequence[str]) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    header: dict[str, Any] = {"cipher": "AES-256-GCM", "chunk": CHUNK, "stanzas": []}
    if passphrase:
        salt, nonce = os.urandom(16), os.urandom(12)
        wrap = _scrypt(passphrase, salt, **SCRYPT)
        header["stanzas"].append({"type": "scrypt", "salt": _b64(salt), **SCRYPT, "nonce": _b64(nonce),
                                  "key": _b64(_aes(wrap).encrypt(nonce, file_key, WRAP_AAD))})
    for r in recipients:
        rpk = _key_text(r, PUB_PREFIX, "recipient key")
        eph = X25519PrivateKey.generate()
        epk = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        shared = eph.exchange(X25519PublicKey.from_public_bytes(rpk))
        wrap = _hkdf(shared, b"khb-x25519-v1", salt=epk + rpk)
        nonce = os.urandom(12)
        header["stanzas"].append({"type": "X25519", "epk": _b64(epk), "nonce": _b64(nonce),
                                  "key": _b64(_aes(wrap).encrypt(nonce, file_key, WRAP_AAD))})
    if not header["stanzas"]:
        raise ExportError("a bundle needs a passphrase or at least one recipient key")
    body = json.dumps(header, sort_keys=True).encode()
    return MAGIC + bytes([VERSION]) + struct.pack(">I", len(body)) + body


def _nonce(counter: int, final: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


class BundleWriter(io.RawIOBase):
    """A write-only stream that encrypts into a bundle file (use as `tarfile`'s fileobj)."""

    def __init__(self, dst: IO[bytes], passphrase: str | None = None, recipients: Sequence[str] = ()) -> None:
        super().__init__()
        file_key = os.urandom(32)
        header = _make_header(file_key, passphrase, recipients)
        self._aad = hashlib.sha256(header).digest()
        self._aead = _aes(_hkdf(file_key, b"khb-payload-v1"))
        self._dst = dst
        self._buf = bytearray()
        self._counter = 0
        dst.write(header)

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self._buf += bytes(b)
        while len(self._buf) > CHUNK:  # keep at least one byte back: the last chunk is sealed on close
            self._seal(bytes(self._buf[:CHUNK]), final=False)
            del self._buf[:CHUNK]
        return len(b)

    def _seal(self, data: bytes, final: bool) -> None:
        self._dst.write(self._aead.encrypt(_nonce(self._counter, final), data, self._aad))
        self._counter += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buf), final=True)
            self._buf.clear()
        super().close()


def _unwrap(header: dict[str, Any], passphrase: str | None, identity: str | None) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    secret = _key_text(identity, SECRET_PREFIX, "secret identity key") if identity else None
    for st in header.get("stanzas", []):
        try:
            if st.get("type") == "scrypt" and passphrase:
                if not (st["n"] <= 2**20 and st["r"] <= 32 and st["p"] <= 16):
                    raise ExportError("bundle asks for unreasonable scrypt parameters; refusing")
                wrap = _scrypt(passphrase, _unb64(st["salt"]), st["n"], st["r"], st["p"])
            elif st.get("type") == "X25519" and secret is not None:
                key = X25519PrivateKey.from_private_bytes(secret)
                rpk = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
                epk = _unb64(st["epk"])
                from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

                wrap = _hkdf(key.exchange(X25519PublicKey.from_public_bytes(epk)), b"khb-x25519-v1",
                             salt=epk + rpk)
            else:
                continue
            return bytes(_aes(wrap).decrypt(_unb64(st["nonce"]), _unb64(st["key"]), WRAP_AAD))
        except (InvalidTag, KeyError, ValueError, TypeError):
            continue
    if not passphrase and not identity:
        raise ExportError("this bundle is encrypted: give its passphrase or your secret identity key")
    raise ExportError("cannot open the bundle: wrong passphrase or key, or its header was tampered with")


def decrypt_to(src: str | os.PathLike[str], dst: IO[bytes], *, passphrase: str | None = None,
               identity: str | None = None) -> int:
    """Decrypt bundle `src` into `dst`, authenticating every chunk.

    Write `dst` somewhere temporary: on error it holds a prefix of the payload that
    must be thrown away.

    Returns:
        Payload bytes written.

    Raises:
        ExportError: Not a bundle, wrong key, tampered with or truncated (says which).
    """
    from cryptography.exceptions import InvalidTag

    with open(src, "rb") as f:
        head = f.read(len(MAGIC) + 5)
        if len(head) < len(MAGIC) + 5 or head[: len(MAGIC)] != MAGIC:
            raise ExportError(f"{src} is not a knowhow bundle")
        if head[len(MAGIC)] != VERSION:
            raise ExportError(f"{src} is a bundle of version {head[len(MAGIC)]}; this knowhow reads {VERSION}")
        (hlen,) = struct.unpack(">I", head[len(MAGIC) + 1 :])
        if hlen > MAX_HEADER:
            raise ExportError(f"{src} has a damaged header")
        body = f.read(hlen)
        try:
            header = json.loads(body)
            assert isinstance(header, dict)
        except (ValueError, AssertionError):
            raise ExportError(f"{src} has a damaged header") from None
        aad = hashlib.sha256(head + body).digest()
        aead = _aes(_hkdf(_unwrap(header, passphrase, identity), b"khb-payload-v1"))
        total = counter = 0
        cur = f.read(CHUNK + TAG)
        while True:
            nxt = f.read(CHUNK + TAG)
            final = not nxt
            if len(cur) < TAG:
                raise ExportError(f"{src} is truncated: it ends before its last chunk")
            try:
                plain = aead.decrypt(_nonce(counter, final), cur, aad)
            except InvalidTag:
                if final:
                    raise ExportError(f"{src} is truncated or damaged: chunk {counter} (the last one) "
                                      "fails authentication") from None
                raise ExportError(f"{src} is damaged or was tampered with: chunk {counter} fails "
                                  "authentication") from None
            dst.write(plain)
            total += len(plain)
            counter += 1
            if final:
                return total
            cur = nxt


def encrypt_file(src: str | os.PathLike[str], dst: str | os.PathLike[str], *, passphrase: str | None = None,
                 recipients: Sequence[str] = ()) -> None:
    """Encrypt any file into a bundle (the payload of a real bundle is a tar of an export)."""
    with open(dst, "wb") as out, open(src, "rb") as f:
        w = BundleWriter(out, passphrase, recipients)
        while chunk := f.read(CHUNK):
            w.write(chunk)
        w.close()
