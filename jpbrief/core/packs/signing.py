"""Ed25519 keys and signatures in minisign's formats: keygen, fingerprints, sign, verify.

Files are byte-compatible with minisign (https://jedisct1.github.io/minisign/), so a
recipient can check a pack's manifest with ``minisign -Vm manifest.json -p KEY.pub``
and a trainer's minisign key pair works here:

- public key: ``untrusted comment: ...`` then base64 of ``b"Ed"`` + 8-byte key id +
  32-byte Ed25519 public key;
- signature: ``untrusted comment: ...``, base64 of ``b"ED"`` + key id + the 64-byte
  Ed25519 signature of the BLAKE2b-512 hash of the file (minisign's default pre-hashed
  form; the legacy ``b"Ed"`` form over the bytes themselves is accepted too),
  ``trusted comment: TEXT``, then base64 of the global signature over the 64 signature
  bytes followed by TEXT (so the trusted comment cannot be changed either);
- secret key: minisign's *unencrypted* secret-key format (what ``minisign -G -W``
  writes): base64 of ``b"Ed"``, ``b"\\0\\0"`` (no KDF), ``b"B2"``, 48 unused KDF bytes,
  key id, the 64-byte libsodium secret key (seed + public key) and a BLAKE2b-256
  checksum of ``b"Ed"`` + key id + secret key (``minisign -G -W`` leaves it zero, so
  zero is accepted too; the public half must match the seed either way); written with
  0600 permissions. A
  password-protected minisign key (KDF ``Sc``) is refused with a message: convert it
  with ``minisign -C`` or make a jpbrief key.

The *fingerprint* people compare is not minisign's 8-byte key id (too short to resist
a forger who can make many keys) but the first 20 bytes of SHA-256 of the 32-byte
public key, written as ten groups of four capital hex digits.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jpbrief.core.message import QT_TRANSLATE_NOOP, MessageError

if TYPE_CHECKING:  # imported where used: only a pack's verification or signing needs it (8 MB of RSS)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ALG = b"Ed"
ALG_HASHED = b"ED"
KDF_NONE = b"\0\0"
KDF_SCRYPT = b"Sc"
CHK_ALG = b"B2"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
MAX_KEY_FILE = 4096
MAX_TRUSTED_COMMENT = 8000
"""minisign refuses trusted comments of 8,192 bytes or more (prefix included)."""


def _blake2b(data: bytes, size: int) -> Any:
    """``hashlib.blake2b``, hashlib imported on first use: in a venv it loads OpenSSL's
    libcrypto (megabytes of memory) that a reader who adds no pack never needs."""
    import hashlib

    return hashlib.blake2b(data, digest_size=size)


def _sha256(data: bytes) -> Any:
    import hashlib

    return hashlib.sha256(data)


class SignatureError(MessageError):
    """A key or signature that is malformed, does not match, or does not verify."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes
    raw: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign prints it (little-endian, upper-case hex)."""
        return f"{int.from_bytes(self.key_id, 'little'):016X}"

    def to_text(self, comment: str | None = None) -> str:
        blob = base64.b64encode(ALG + self.key_id + self.raw).decode("ascii")
        return f"{UNTRUSTED}{comment or 'minisign public key ' + self.key_id_hex}\n{blob}\n"

    def verify_raw(self, signature: bytes, message: bytes) -> bool:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    seed: bytes

    @property
    def public(self) -> PublicKey:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        raw = _private(self.seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKey(self.key_id, raw)

    def sign_raw(self, message: bytes) -> bytes:
        return _private(self.seed).sign(message)

    def to_text(self) -> str:
        secret = self.seed + self.public.raw
        checksum = _blake2b(ALG + self.key_id + secret, 32).digest()
        blob = ALG + KDF_NONE + CHK_ALG + bytes(32 + 8 + 8) + self.key_id + secret + checksum
        return (
            f"{UNTRUSTED}jpbrief pack signing key (minisign format, unencrypted): keep it secret\n"
            f"{base64.b64encode(blob).decode('ascii')}\n"
        )


@dataclass(frozen=True)
class Signature:
    """A parsed ``.minisig`` file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @property
    def key_id_hex(self) -> str:
        return f"{int.from_bytes(self.key_id, 'little'):016X}"


def fingerprint(raw_public_key: bytes) -> str:
    """``XXXX XXXX …`` (ten groups): what a recipient compares with the trainer's."""
    digest = _sha256(raw_public_key).hexdigest()[:40].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 40, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any spacing or case) in canonical form, for comparing."""
    digits = "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _private(seed: bytes) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(seed)


def generate() -> SecretKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    return SecretKey(os.urandom(8), seed)


def _lines(text: str, what: str, count: int) -> list[str]:
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    if len(lines) < count:
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: expected {count} lines, found {found}"),
                             what=what, count=count, found=len(lines))
    if not lines[0].startswith(UNTRUSTED):
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: the first line must start with {start!r}"),
                             what=what, start=UNTRUSTED.strip())
    return lines


def _b64(text: str, what: str, size: int) -> bytes:
    try:
        data = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as error:
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: not base64 ({error})"),
                             what=what, error=error) from None
    if len(data) != size:
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: {found} bytes where {size} were expected"),
                             what=what, found=len(data), size=size)
    return data


SECRET_KEY_BASE64 = 212
"""Length of a secret key's base64 line (158 bytes): told apart from a public key's (56)."""


def parse_public_key(text: str, what: str = "public key") -> PublicKey:
    """A public key file's text, or its second line alone (``minisign -P`` form)."""
    stripped = text.strip()
    line = stripped if "\n" not in stripped else _lines(text, what, 2)[1]
    if len(line.strip()) == SECRET_KEY_BASE64:
        raise SignatureError(QT_TRANSLATE_NOOP(
            "Packs", "{what}: this is a secret key, which stays with the trainer who signs; "
                     "use the public key beside it (the file ending in .pub)"), what=what)
    data = _b64(line, what, 42)
    if data[:2] != ALG:
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: not an Ed25519 minisign public key"),
                             what=what)
    return PublicKey(data[2:10], data[10:])


def parse_secret_key(text: str, what: str = "secret key") -> SecretKey:
    data = _b64(_lines(text, what, 2)[1], what, 158)
    if data[:2] != ALG or data[4:6] != CHK_ALG:
        raise SignatureError(f"{what}: not an Ed25519 minisign secret key")
    if data[2:4] == KDF_SCRYPT:
        raise SignatureError(
            f"{what}: this minisign key is protected by a password; make an unprotected "
            "copy with 'minisign -C -s KEY' or create a key with 'jpbrief pack keygen'"
        )
    if data[2:4] != KDF_NONE:
        raise SignatureError(f"{what}: unknown key protection {data[2:4]!r}")
    key_id, secret, checksum = data[54:62], data[62:126], data[126:158]
    expected = _blake2b(ALG + key_id + secret, 32).digest()
    if checksum not in (expected, bytes(32)):  # minisign -G -W leaves it zero
        raise SignatureError(f"{what}: checksum mismatch (the key file is damaged)")
    key = SecretKey(key_id, secret[:32])
    if key.public.raw != secret[32:]:
        raise SignatureError(f"{what}: the public half does not match the secret half")
    return key


def parse_signature(text: str, what: str = "signature") -> Signature:
    lines = _lines(text, what, 4)
    data = _b64(lines[1], what, 74)
    if data[:2] not in (ALG, ALG_HASHED):
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: unsupported signature algorithm {kind!r}"),
                             what=what, kind=data[:2])
    if not lines[2].startswith(TRUSTED):
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "{what}: the third line must start with {start!r}"),
                             what=what, start=TRUSTED.strip())
    comment = lines[2][len(TRUSTED) :].rstrip()
    return Signature(data[:2], data[2:10], data[10:], comment, _b64(lines[3], what, 64))


def sign(key: SecretKey, message: bytes, trusted_comment: str, untrusted_comment: str = "") -> str:
    """A ``.minisig`` file's text for ``message`` (pre-hashed ``ED`` form)."""
    if "\n" in trusted_comment or "\r" in trusted_comment:
        raise ValueError("a trusted comment is one line")
    if len(trusted_comment.encode("utf-8")) > MAX_TRUSTED_COMMENT:
        raise ValueError("trusted comment too long")
    signature = key.sign_raw(_blake2b(message, 64).digest())
    global_signature = key.sign_raw(signature + trusted_comment.encode("utf-8"))
    comment = untrusted_comment or "signature from jpbrief pack secret key"
    return (
        f"{UNTRUSTED}{comment}\n"
        f"{base64.b64encode(ALG_HASHED + key.key_id + signature).decode('ascii')}\n"
        f"{TRUSTED}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode('ascii')}\n"
    )


def verify(key: PublicKey, message: bytes, signature: Signature) -> None:
    """Raise :class:`SignatureError` unless ``signature`` is ``key``'s, over ``message``."""
    if signature.key_id != key.key_id:
        raise SignatureError(QT_TRANSLATE_NOOP("Packs", "signed by key id {signer}, not by this key ({key})"),
                             signer=signature.key_id_hex, key=key.key_id_hex)
    signed = (
        _blake2b(message, 64).digest()
        if signature.algorithm == ALG_HASHED else message
    )
    if not key.verify_raw(signature.signature, signed):
        raise SignatureError(QT_TRANSLATE_NOOP(
            "Packs", "the signature does not match (the file was changed or signed by another key)"))
    if not key.verify_raw(
        signature.global_signature, signature.signature + signature.trusted_comment.encode("utf-8")
    ):
        raise SignatureError(QT_TRANSLATE_NOOP(
            "Packs", "the trusted comment's signature does not match (it was changed)"))


def read_key_file(path: Path) -> str:
    """A key file's text; refuses anything too large to be a key."""
    with open(path, "rb") as handle:
        data = handle.read(MAX_KEY_FILE + 1)
    if len(data) > MAX_KEY_FILE:
        raise SignatureError(f"{path}: too large to be a key file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureError(f"{path}: not a key file (not text)") from None


def write_key_pair(key: SecretKey, secret_path: Path) -> Path:
    """Write ``secret_path`` (0600, never over an existing file) and ``<secret_path>.pub``."""
    public_path = secret_path.with_name(secret_path.name + ".pub")
    for path in (secret_path, public_path):
        if path.exists():
            raise FileExistsError(f"{path} already exists; refusing to overwrite a key")
    fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii", newline="\n") as handle:
        handle.write(key.to_text())
    public_path.write_text(key.public.to_text(), encoding="ascii", newline="\n")
    return public_path
