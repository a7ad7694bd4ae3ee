"""Writing outputs: whole or not at all, readable by their owner only, never through a link.

Every output goes first to a temporary file beside it, created exclusively (``O_EXCL``:
never an existing file, never a symbolic link planted at its name) with a random name
and mode 0600, then renamed into place. A published text and its audit trail are both
written to temporary files, then the audit is renamed into place, then the text: a
published text never exists without its audit. A write that fails removes its
temporary files and raises :class:`OutputError`, which names the file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import List, Optional, Union

from judanon.errors import JudanonError

PathLike = Union[str, "os.PathLike[str]"]
#: Suffix of the temporary files (``.NAME.XXXXXXXX.part``, hidden, beside NAME).
TEMP_SUFFIX = ".part"


class OutputError(JudanonError):
    """An output could not be written (disk full, permission, a folder in the way); the
    message names the file. The command line exits with code 3."""

    def __init__(self, path: PathLike, reason: str):
        super().__init__(f"cannot write {os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _unlink(path: Optional[str]) -> None:
    if path is None:
        return
    try:
        os.unlink(path)
    except OSError:
        pass


def temporary(target: Path) -> "tuple[int, str]":
    """A new temporary file beside ``target``: ``(fd, path)``, mode 0600, created with
    ``O_EXCL`` (so never an existing file or a link)."""
    return tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)


def _write_temp(target: Path, content: str) -> str:
    """``content`` in a new temporary file beside ``target``; its path."""
    tmp = None
    try:
        fd, tmp = temporary(target)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        return tmp
    except OSError as exc:
        _unlink(tmp)
        raise OutputError(target, _reason(exc)) from None


def write_whole(path: PathLike, content: str) -> None:
    """Write ``content`` to ``path`` whole or not at all."""
    target = Path(path)
    tmp = _write_temp(target, content)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise OutputError(target, _reason(exc)) from None


def write_pair(published: Path, text: str, audit: Path, audit_json: str) -> None:
    """A published text and its audit trail: the audit is in place before the text."""
    written: List[str] = []
    try:
        written.append(_write_temp(audit, audit_json))
        written.append(_write_temp(published, text))
    except OutputError:
        for tmp in written:
            _unlink(tmp)
        raise
    audit_tmp, text_tmp = written
    try:
        os.replace(audit_tmp, audit)
    except OSError as exc:
        _unlink(audit_tmp)
        _unlink(text_tmp)
        raise OutputError(audit, _reason(exc)) from None
    try:
        os.replace(text_tmp, published)
    except OSError as exc:
        _unlink(text_tmp)
        # an earlier text at this name would now sit beside another run's audit
        _unlink(os.fspath(published))
        raise OutputError(published, _reason(exc)) from None


def check_folder(folder: PathLike) -> None:
    """Make ``folder`` (and its parents) and make sure a file can be created in it."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, tmp = temporary(path / "probe")
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise OutputError(path, _reason(exc)) from None


class ReplaceOnCommit:
    """A file written under a temporary name and renamed to ``path`` by :meth:`commit`:
    until then ``path`` keeps what it held (or stays absent), and :meth:`discard` (an
    interrupted or failed run) removes the temporary file."""

    def __init__(self, path: PathLike):
        self.path = Path(path)
        if self.path.is_dir():
            raise OutputError(self.path, "is a folder")
        try:
            fd, self._tmp = temporary(self.path)
        except OSError as exc:
            raise OutputError(self.path, _reason(exc)) from None
        self._file = os.fdopen(fd, "w", encoding="utf-8")

    @property
    def temporary_path(self) -> str:
        return self._tmp

    def write(self, text: str) -> None:
        try:
            self._file.write(text)
        except OSError as exc:
            raise OutputError(self.path, _reason(exc)) from None

    def commit(self) -> None:
        try:
            self._file.close()
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise OutputError(self.path, _reason(exc)) from None

    def discard(self) -> None:
        try:
            self._file.close()
        except OSError:
            pass
        _unlink(self._tmp)


__all__ = ["OutputError", "write_whole", "write_pair", "check_folder", "ReplaceOnCommit", "temporary"]
