"""The app's inputs as plain files: uploads, zip archives (extracted safely) and local folders.

Every input becomes an :class:`InputFile` with the name a reviewer knows it by (the uploaded file's
own name, ``archive.zip/dir/member.txt``, ``folder/sub/x.txt``; never a server path), the path it was
saved to, and a content digest (the cache key). Members that cannot be taken (unsafe path, unknown
format, too large) are kept as inputs with a ``skipped`` reason so the load report names them too.

No Streamlit here.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .ingest import SUPPORTED_SUFFIXES

ZIP_MAX_FILES = 5000
ZIP_MAX_BYTES = 512 * 1024 * 1024   # uncompressed, whole archive


@dataclass(frozen=True)
class InputFile:
    name: str                 # shown to the reviewer and used as source_file
    path: str = ""            # where the bytes are on this machine ("" when skipped)
    digest: str = ""          # sha1 of the content
    skipped: str = ""         # why the file was not parsed ("" when it is)


def accepted_suffixes() -> list[str]:
    """Uploader types: every format the parser reads (``SUPPORTED_SUFFIXES``) plus zip archives."""
    return sorted({s.lstrip(".") for s in SUPPORTED_SUFFIXES} | {"zip"})


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _store(data: bytes, name: str, store: Path) -> InputFile:
    """Content-addressed copy: the same bytes under the same name land on the same path."""
    h = digest(data)
    folder = store / h[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (Path(PurePosixPath(name).name).name or "file")
    if not path.exists():
        path.write_bytes(data)
    return InputFile(name=name, path=str(path), digest=h)


def _member_name(info: zipfile.ZipInfo) -> str:
    """The member's name; archives made on Chinese Windows store GBK names without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & 0x800:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name.replace("\\", "/")


def safe_member_parts(name: str) -> tuple[str, ...] | None:
    """The member's path parts, or None when it could escape the target folder (absolute, ``..``, drive)."""
    p = PurePosixPath(name)
    if p.is_absolute() or ".." in p.parts or (p.parts and ":" in p.parts[0]):
        return None
    parts = tuple(x for x in p.parts if x not in ("", "."))
    return parts or None


def from_zip(data: bytes, archive_name: str, store: Path) -> list[InputFile]:
    """Every member of a zip archive as an input (nested folders kept in the name, nothing written
    outside ``store``: members are saved content-addressed under their base name only)."""
    archive = Path(archive_name).name
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [InputFile(name=archive, skipped=f"not a readable zip archive: {exc}")]
    out: list[InputFile] = []
    total = 0
    with zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            raw = _member_name(info)
            parts = safe_member_parts(raw)
            if parts is None:
                out.append(InputFile(name=f"{archive}/{raw}", skipped="unsafe path in the archive (skipped)"))
                continue
            name = f"{archive}/{'/'.join(parts)}"
            if parts[0] == "__MACOSX" or parts[-1].startswith("._"):
                continue
            if PurePosixPath(parts[-1]).suffix.lower() not in SUPPORTED_SUFFIXES:
                out.append(InputFile(name=name, skipped="format not read (skipped)"))
                continue
            if len(out) >= ZIP_MAX_FILES or total + info.file_size > ZIP_MAX_BYTES:
                out.append(InputFile(name=name, skipped="archive too large (skipped)"))
                continue
            try:
                content = zf.read(info)
            except Exception as exc:  # bad CRC, encrypted member, unsupported compression
                out.append(InputFile(name=name, skipped=f"cannot extract: {exc}"))
                continue
            total += len(content)
            out.append(_store(content, name, store))
    return out


def from_uploads(files, store: Path) -> list[InputFile]:
    """Streamlit UploadedFile objects (anything with ``.name`` and ``.getvalue()``); zips are opened."""
    out: list[InputFile] = []
    for f in files:
        data = f.getvalue()
        name = Path(f.name).name
        if name.lower().endswith(".zip"):
            out.extend(from_zip(data, name, store))
        else:
            out.append(_store(data, name, store))
    return unique_names(out)


def from_folder(folder: str | Path, prefix: bool = True) -> list[InputFile]:
    """Every readable file under a local folder (recursively), named relative to the folder (with the
    folder's own name in front unless ``prefix`` is False)."""
    root = Path(folder).expanduser()
    if not root.is_dir():
        raise NotADirectoryError(str(folder))
    out: list[InputFile] = []
    for f in sorted(root.rglob("*")):
        if not f.is_file() or f.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        rel = f.relative_to(root).as_posix()
        name = f"{root.name}/{rel}" if prefix else rel
        try:
            st = f.stat()
            key = (str(f), st.st_mtime_ns, st.st_size)
            h = _DIGESTS.get(key) or _DIGESTS.setdefault(key, digest(f.read_bytes()))
        except OSError as exc:
            out.append(InputFile(name=name, skipped=f"cannot read file: {exc.strerror or exc}"))
            continue
        out.append(InputFile(name=name, path=str(f), digest=h))
    if len(_DIGESTS) > 100_000:
        _DIGESTS.clear()
    return out


_DIGESTS: dict[tuple, str] = {}   # (path, mtime, size) -> sha1: a rerun does not re-read a folder


def unique_names(files: list[InputFile]) -> list[InputFile]:
    """Two inputs of the same name but other content get ``name (2)``; exact repeats are dropped."""
    seen: dict[str, str] = {}
    out: list[InputFile] = []
    for f in files:
        name, n = f.name, 1
        while name in seen and seen[name] != f.digest:
            n += 1
            stem, dot, ext = f.name.rpartition(".")
            name = f"{stem} ({n}).{ext}" if dot else f"{f.name} ({n})"
        if name in seen and f.digest and seen[name] == f.digest:
            continue
        seen[name] = f.digest
        out.append(InputFile(name=name, path=f.path, digest=f.digest, skipped=f.skipped))
    return out


def corpus_key(files: list[InputFile]) -> tuple:
    """What the analysis depends on: names and contents (not paths), so a rerun is a cache hit."""
    return tuple((f.name, f.digest, f.skipped) for f in files)


def save_set(files: list[InputFile], store: Path) -> str:
    """Remember a set of uploads under a token (for the URL), so a page reload can find them again."""
    import json
    key = json.dumps([[f.name, f.path, f.digest, f.skipped] for f in files], ensure_ascii=False)
    token = digest(key.encode("utf-8"))[:20]
    folder = store / "sets"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{token}.json").write_text(key, encoding="utf-8")
    return token


def load_set(token: str, store: Path) -> list[InputFile] | None:
    """The uploads saved under ``token``; None when unknown or when a file is gone. Only paths inside
    ``store`` are accepted."""
    import json
    import re
    if not re.fullmatch(r"[0-9a-f]{20}", token or ""):
        return None
    path = store / "sets" / f"{token}.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    root = store.resolve()
    out = []
    for name, p, h, skipped in rows:
        if p and (root not in Path(p).resolve().parents or not Path(p).is_file()):
            return None
        out.append(InputFile(name=name, path=p, digest=h, skipped=skipped))
    return out
