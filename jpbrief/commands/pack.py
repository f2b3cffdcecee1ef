"""Content-pack commands: ``pack keygen|build|verify|install|list|remove|trust|keys``.

Exit codes: 0 done (or nothing to do), 1 refused (bad pack, untrusted signer, conflict,
downgrade), 2 usage or file errors.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jpbrief.commands import content_dir, print_json
from jpbrief.core import paths

if TYPE_CHECKING:
    from jpbrief.core.packs.manifest import Manifest
    from jpbrief.core.packs.signing import PublicKey
    from jpbrief.core.packs.store import PackStore

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _error(message: str, code: int = EXIT_REFUSED) -> int:
    print(f"jpbrief pack: {message}", file=sys.stderr)
    return code


class _Stop(Exception):
    """Ends a command: the message for stderr, and the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def _stop_on(kinds: type[Exception] | tuple[type[Exception], ...], about: str = "",
             code: int = EXIT_REFUSED) -> Iterator[None]:
    """Turn an error of ``kinds`` into the command's end: "FILE: reason" (the file the
    error names, else ``about``), with ``code``."""
    try:
        yield
    except kinds as error:
        where = getattr(error, "filename", None) or about
        reason = getattr(error, "strerror", None) or str(error)
        said = not where or reason.startswith(f"{where}: ")  # the error names it already
        raise _Stop(reason if said else f"{where}: {reason}", code) from error


def _command(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A ``pack`` subcommand: a :class:`_Stop` raised in it is printed and its code returned."""

    @functools.wraps(run)
    def command(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except _Stop as stop:
            return _error(str(stop), stop.code)

    return command


def _store() -> PackStore:
    from jpbrief.core.packs.store import PackStore

    return PackStore(paths.packs_dir(), paths.trusted_keys_dirs())


def _describe(manifest: Manifest) -> None:
    print(f"{manifest.title} ({manifest.id} {manifest.version}, {manifest.date})")
    if manifest.publisher:
        print(f"  publisher:   {manifest.publisher}")
    print(f"  fingerprint: {manifest.fingerprint}")
    if manifest.changelog:
        print("  changes:     " + manifest.changelog.replace("\n", "\n               "))
    print(f"  articles ({len(manifest.articles)}):")
    for article in manifest.articles:
        print(f"    {article.id}: {article.title}")


@_command
def cmd_keygen(args: argparse.Namespace) -> int:
    from jpbrief.core.packs import signing

    key = signing.generate()
    with _stop_on(OSError, code=EXIT_USAGE):
        public_path = signing.write_key_pair(key, Path(args.keyfile))
    print(f"secret key: {args.keyfile} (keep it private; anyone holding it can sign packs as you)")
    print(f"public key: {public_path} (give this to recipients, or bake it into installers)")
    print(f"fingerprint: {key.public.fingerprint}")
    print("Tell recipients this fingerprint in person or by phone, not with the pack.")
    return EXIT_OK


def _read_public(path: str) -> PublicKey:
    from jpbrief.core.packs import signing

    return signing.parse_public_key(signing.read_key_file(Path(path)), path)


@_command
def cmd_build(args: argparse.Namespace) -> int:
    from jpbrief.core.packs import signing
    from jpbrief.core.packs.build import BuildError, PackInfo, build, default_version
    from jpbrief.core.packs.manifest import ManifestError

    with _stop_on((OSError, signing.SignatureError), args.key, EXIT_USAGE):
        key = signing.parse_secret_key(signing.read_key_file(Path(args.key)), args.key)
    folder = Path(args.content_dir)
    pack_id = args.id or re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower()).strip("-")
    info = PackInfo(
        id=pack_id, version=args.version or default_version(), title=args.title or pack_id,
        publisher=args.publisher, changelog=args.changelog or "",
    )
    try:
        with _stop_on(OSError, args.output, EXIT_USAGE):
            manifest = build(folder, Path(args.output), key, info, articles=args.article or (),
                             bundle_dir=Path(args.content) if args.content else paths.content_dir())
    except (BuildError, ManifestError) as error:
        for problem in getattr(error, "problems", []):
            print(problem)
        return _error(str(error))
    size = Path(args.output).stat().st_size
    print(f"wrote {args.output} ({size:,} bytes)")
    _describe(manifest)
    return EXIT_OK


@_command
def cmd_verify(args: argparse.Namespace) -> int:
    from jpbrief.core.packs import archive, signing

    with _stop_on((OSError, signing.SignatureError), args.key, EXIT_USAGE):
        key = _read_public(args.key) if args.key else None
    store = _store()
    with _stop_on(archive.PackError, args.file):
        checked = archive.check(Path(args.file), store.trusted_keys(), key=key, trust_new=key is None)
        archive.verify_files(checked)
    _describe(checked.manifest)
    installed = {k.fingerprint for k in store.trusted_keys()}
    if checked.trusted and key is not None and key.fingerprint not in installed:
        print("ok: the signature and every file check out, signed by the key you gave; this "
              "installation does not trust that key (a reader needs it: pack trust, or install --trust)")
        return EXIT_OK
    if checked.trusted:
        print("ok: the signature and every file check out; the signer is trusted")
        return EXIT_OK
    print("the signature and every file check out, but the signer is NOT trusted yet:")
    print("compare the fingerprint above with the one the trainer gave you, then install with --trust")
    return EXIT_REFUSED


@_command
def cmd_install(args: argparse.Namespace) -> int:
    from jpbrief.core.packs import archive, merge

    store = _store()
    with _stop_on(OSError, args.file, EXIT_USAGE), _stop_on(archive.PackError, args.file):
        try:
            result = store.install(
                Path(args.file), trust=args.trust, allow_downgrade=args.allow_downgrade,
                content_check=merge.install_check(content_dir(args), store.root),
            )
        except archive.UntrustedSigner as untrusted:  # its message says what to do
            _describe(untrusted.manifest)
            raise _Stop(str(untrusted), EXIT_REFUSED) from untrusted
    _describe(result.manifest)
    if result.action == "unchanged":
        print(result.message)
    elif result.previous:
        print(f"{result.action} {result.manifest.id} from {result.previous} to {result.manifest.version}")
    else:
        print(f"installed {result.manifest.id} {result.manifest.version}")
    return EXIT_OK


@_command
def cmd_list(args: argparse.Namespace) -> int:
    from jpbrief.core.packs.archive import PackError
    from jpbrief.core.packs.store import scan

    with _stop_on(PackError):
        packs, damaged = scan(paths.packs_dir())
    for reason in damaged:
        print(f"jpbrief pack: warning: {reason}", file=sys.stderr)
    if args.json:
        print_json([{**p.manifest.summary(), "folder": str(p.folder)} for p in packs])
        return EXIT_OK
    if not packs:
        print("no content packs installed")
    for pack in packs:
        m = pack.manifest
        print(f"{m.id}\t{m.version}\t{m.title}\t{m.publisher or '-'}\t{m.fingerprint}\t"
              f"{len(m.articles)} article(s)")
    return EXIT_OK


@_command
def cmd_remove(args: argparse.Namespace) -> int:
    from jpbrief.core.packs.archive import PackError

    with _stop_on(PackError):
        removed = _store().remove(args.id)
    if removed is None:
        print(f"removed the damaged pack {args.id}")
    else:
        print(f"removed {removed.manifest.label} ({len(removed.manifest.articles)} article(s))")
    return EXIT_OK


@_command
def cmd_trust(args: argparse.Namespace) -> int:
    from jpbrief.core.packs import signing

    with _stop_on((OSError, signing.SignatureError), args.pubfile, EXIT_USAGE):
        key = _read_public(args.pubfile)
        path = _store().trust(key)
    print(f"trusted the key with fingerprint {key.fingerprint} (saved as {path})")
    return EXIT_OK


def cmd_keys(args: argparse.Namespace) -> int:
    store = _store()
    rows = [
        {"fingerprint": key.fingerprint, "file": str(path),
         "origin": "user" if path.parent == store.key_dirs[0] else "installation"}
        for path, key in store.trusted_key_files()
    ]
    if args.json:
        print_json(rows)
        return EXIT_OK
    if not rows:
        print("no trusted keys: a pack from any signer needs your explicit trust")
    for row in rows:
        print(f"{row['fingerprint']}\t{row['origin']}\t{row['file']}")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    exits = ("Exit status: 0 done; 1 refused (a check failed, an untrusted signer, a downgrade, "
             "an unknown pack; the message says which file or pack); 2 wrong usage.")
    pack = subparsers.add_parser("pack", help="build, verify, install and remove signed content packs",
                                 epilog=exits)
    commands = pack.add_subparsers(dest="pack_command", metavar="PACK_COMMAND", required=True)

    def command(name: str, run: Callable[[argparse.Namespace], int], help: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(name, help=help, epilog=exits)
        parser.set_defaults(func=run)
        return parser

    keygen = command("keygen", cmd_keygen, "create a signing key pair (KEYFILE and KEYFILE.pub)")
    keygen.add_argument("keyfile", metavar="KEYFILE")

    build = command("build", cmd_build, "check a content folder and pack its articles, signed")
    build.add_argument("content_dir", metavar="CONTENT_DIR")
    build.add_argument("-o", "--output", required=True, metavar="FILE.jpbpack")
    build.add_argument("--key", required=True, metavar="KEYFILE", help="secret key from 'pack keygen'")
    build.add_argument("--article", action="append", metavar="ID",
                       help="pack this article (repeatable; default: every article of CONTENT_DIR)")
    build.add_argument("--id", help="pack id (default: the folder's name)")
    build.add_argument("--version", help="1-4 numbers, e.g. 1.2 (default: the date and time)")
    build.add_argument("--title", help="what recipients see (default: the id)")
    build.add_argument("--publisher", help="who hands the pack out")
    build.add_argument("--changelog", help="what is new in this version")

    verify = command("verify", cmd_verify, "check a pack's signature and every file; exit 0 if trusted")
    verify.add_argument("file", metavar="FILE.jpbpack")
    verify.add_argument("--key", metavar="PUBFILE", help="require this public key")

    install = command("install", cmd_install, "verify a pack and install it for this user")
    install.add_argument("file", metavar="FILE.jpbpack")
    install.add_argument("--trust", action="store_true",
                         help="trust the signer (only after comparing its fingerprint)")
    install.add_argument("--allow-downgrade", action="store_true", help="install an older version")

    listing = command("list", cmd_list, "list the installed packs")
    listing.add_argument("--json", action="store_true", help="print JSON")

    remove = command("remove", cmd_remove, "uninstall a pack")
    remove.add_argument("id", metavar="ID")

    trust = command("trust", cmd_trust, "trust a trainer's public key (.pub)")
    trust.add_argument("pubfile", metavar="PUBFILE")

    keys = command("keys", cmd_keys,
                   "list the trusted keys: yours, and those this installation came with")
    keys.add_argument("--json", action="store_true", help="print JSON")
