"""LibreOffice as a converter to DOCX (or PDF), one warm instance per process, started so no document can act.

Starting LibreOffice takes seconds; converting a one-page resume in a running one takes a fraction
of one (`make bench-convert`). So each process that converts keeps one LibreOffice, started on its
first document, listening on a pipe, and driven by unobridge.py (run by the Python that has the UNO
bindings). In the worker that process is a parser child (isolation.py): LibreOffice and the bridge
inherit its memory cap, and die with it through the parent-death signal (setpriv --pdeathsig) when
the stage deadline kills it, so a hung conversion is ended like a hung parse.

Every start gets a new throw-away directory: the user profile (`-env:UserInstallation`), the
documents on their way through, and HOME and TMPDIR of both processes. The profile turns macros
off (security level "very high", execution disabled), and with them plugins and Java; it never
updates links or fetches anything a document links to from outside. The pipe is named with a random
token and is a Unix socket: LibreOffice listens on no network port. After any failure the instance
is discarded, so the next document meets a fresh one.
"""

from __future__ import annotations

import json
import multiprocessing.util
import os
import resource
import secrets
import select
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

from resume_parser.errors import (
    ConfigurationError,
    CorruptDocumentError,
    DocumentError,
    DocumentLimitError,
    TransientError,
)

# Debian's python3-uno gives the system Python, and only it, LibreOffice's UNO bindings.
UNO_PYTHON = "/usr/bin/python3"
BRIDGE = Path(__file__).with_name("unobridge.py")
INSTALL_HINT = (
    "DOC, RTF and ODT need LibreOffice Writer and its UNO bindings: install Debian's "
    "libreoffice-writer-nogui and python3-uno (`make install` does)"
)
START_SECONDS = 60.0  # a cold start on a loaded machine takes a few seconds
_STOP_SECONDS = 2.0  # pebble gives a terminated child 3 s before it kills it
_WORK_PREFIX = "resume-parser-office-"
_PIPE_PREFIX = "resume-parser-"
_PIPE_DIR = Path("/tmp")  # where LibreOffice always makes its named pipes (sal/osl/unx/pipe.cxx)
DOCX_EXPORT = "MS Word 2007 XML"
PDF_EXPORT = "writer_pdf_Export"
_SUFFIXES = {DOCX_EXPORT: ".docx", PDF_EXPORT: ".pdf"}
_FLAGS = ("--headless", "--nologo", "--nodefault", "--norestore", "--nolockcheck")

# The user profile's settings (registrymodifications.xcu): (path, property, value).
_SETTINGS = (
    ("org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "3"),  # very high
    ("org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "true"),
    ("org.openoffice.Office.Common/Security/Scripting", "ExecutePlugins", "false"),
    # Images and other resources a document links to from outside are not loaded.
    ("org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "true"),
    ("org.openoffice.Office.Writer/Content/Update", "Link", "2"),  # never update links
    ("org.openoffice.Office.Java/VirtualMachine", "Enable", "false"),
    ("org.openoffice.Office.Common/Save/Document", "AutoSave", "false"),
)


def require_libreoffice() -> None:
    """Start-up check of a process that reads files locally: LibreOffice, its bindings and setpriv."""
    _program()
    if shutil.which("setpriv") is None:
        raise ConfigurationError("setpriv (util-linux) is missing; LibreOffice could outlive its parser")
    if not Path(UNO_PYTHON).exists():
        raise ConfigurationError(f"{UNO_PYTHON} is missing; {INSTALL_HINT}")
    check = subprocess.run([UNO_PYTHON, "-I", "-c", "import uno"], capture_output=True, check=False)
    if check.returncode != 0:
        raise ConfigurationError(f"{UNO_PYTHON} cannot import uno; {INSTALL_HINT}")


def _program() -> Path:
    """soffice.bin itself: the `soffice` script would put a launcher between us and it, and the
    parent-death signal reaches only our own child."""
    found = shutil.which("soffice")
    program = Path(found).resolve().with_name("soffice.bin") if found else None
    if program is None or not os.access(program, os.X_OK):
        raise ConfigurationError(f"LibreOffice (soffice) is not on PATH; {INSTALL_HINT}")
    return program


class Office:
    """One LibreOffice listening on a private pipe, and the bridge process that drives it."""

    def __init__(
        self, work: Path, pipe: str, office: subprocess.Popen[bytes], bridge: subprocess.Popen[bytes]
    ):
        self._work = work
        self._pipe = pipe
        self._office = office
        self._bridge = bridge

    @classmethod
    def start(cls) -> Office:
        _remove_abandoned_files()
        work = Path(tempfile.mkdtemp(prefix=f"{_WORK_PREFIX}{os.getpid()}-"))  # mode 0700
        try:
            return cls._start_in(work)
        except (subprocess.SubprocessError, OSError) as error:
            shutil.rmtree(work, ignore_errors=True)
            raise TransientError("LibreOffice did not start", reason="CONVERTER_UNAVAILABLE") from error
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise

    @classmethod
    def _start_in(cls, work: Path) -> Office:
        program = _program()
        profile = work / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_profile_settings(), encoding="utf-8")
        command = [str(program), *_FLAGS, f"-env:UserInstallation={profile.as_uri()}"]
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(work),
            "TMPDIR": str(work),
        }
        # A new profile is completed by a first run that exits; LibreOffice would otherwise exit
        # after creating it and ask its launcher for a restart.
        subprocess.run(
            _dying_with_parent(*command, "--terminate_after_init"),
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=START_SECONDS,
            check=True,
        )
        pipe = f"{_PIPE_PREFIX}{os.getpid()}-{secrets.token_hex(16)}"
        office = subprocess.Popen(
            _dying_with_parent(*command, f"--accept=pipe,name={pipe};urp;"),
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        bridge = subprocess.Popen(
            _dying_with_parent(UNO_PYTHON, "-I", BRIDGE, pipe, str(START_SECONDS)),
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        started = cls(work, pipe, office, bridge)
        if started._reply() != {"ready": True}:
            started.stop()
            raise TransientError("LibreOffice did not start", reason="CONVERTER_UNAVAILABLE")
        return started

    @property
    def office_pid(self) -> int:
        return self._office.pid

    @property
    def bridge_pid(self) -> int:
        return self._bridge.pid

    def alive(self) -> bool:
        return self._office.poll() is None and self._bridge.poll() is None

    def convert(self, data: bytes, import_filter: str, export_filter: str = DOCX_EXPORT) -> bytes:
        """The document as DOCX (or as `export_filter` writes it). Raises a DocumentError subclass
        when LibreOffice cannot read it, runs out of memory or crashes; the instance is then
        unusable (stop it)."""
        source, target = self._work / "document", self._work / f"document{_SUFFIXES[export_filter]}"
        try:
            source.write_bytes(data)
            request = {
                "source": str(source),
                "target": str(target),
                "filter": import_filter,
                "export": export_filter,
            }
            _stdin(self._bridge).write(json.dumps(request).encode() + b"\n")
            _stdin(self._bridge).flush()
            reply = self._reply()
            if reply is None or not reply.get("ok"):
                raise self._failure(reply)
            return target.read_bytes()
        finally:
            source.unlink(missing_ok=True)  # the candidate's document never stays behind
            target.unlink(missing_ok=True)

    def _reply(self) -> dict[str, Any] | None:
        """The bridge's next line, or None once either process has died."""
        stdout = self._bridge.stdout
        assert stdout is not None
        while self.alive():
            ready, _, _ = select.select([stdout], [], [], 0.2)
            if ready:
                line = stdout.readline()
                return json.loads(line) if line else None
        return None

    def _failure(self, reply: dict[str, Any] | None) -> DocumentError | TransientError:
        try:
            code = self._office.wait(timeout=2 if reply is None else 0.1)
        except subprocess.TimeoutExpired:
            code = None
        if code == -signal.SIGABRT:
            # What C++ code does when an allocation fails under the address-space cap.
            limit = resource.getrlimit(resource.RLIMIT_AS)[0]
            cap = "the memory limit" if limit == resource.RLIM_INFINITY else f"{limit // 2**20} MiB of memory"
            return DocumentLimitError(f"converting the document needed more than {cap}")
        if code == -signal.SIGKILL:  # the OOM killer or an operator: the machine, not the file
            return TransientError("LibreOffice was killed", reason="CONVERTER_KILLED")
        if code is not None:
            return DocumentError(
                "LibreOffice crashed while reading the document", metadata={"exit_code": str(code)}
            )
        if reply is not None and reply.get("step") == "load":
            return CorruptDocumentError("LibreOffice could not read the document: it is damaged")
        return DocumentError("LibreOffice could not convert the document")

    def stop(self) -> None:
        """Shut LibreOffice down, or kill it if it does not go within a few seconds, and delete
        the directory. Idempotent."""
        if self.alive():
            try:
                _stdin(self._bridge).write(b'{"terminate": true}\n')
                _stdin(self._bridge).flush()
                self._office.wait(timeout=_STOP_SECONDS)
            except (OSError, subprocess.TimeoutExpired):
                pass
        for process in (self._bridge, self._office):
            if process.poll() is None:
                process.kill()
            process.wait()
            for stream in (process.stdin, process.stdout):
                if stream is not None:
                    stream.close()
        shutil.rmtree(self._work, ignore_errors=True)
        _pipe_path(self._pipe).unlink(missing_ok=True)  # left behind by a killed LibreOffice


def _stdin(process: subprocess.Popen[bytes]) -> IO[bytes]:
    assert process.stdin is not None
    return process.stdin


def _dying_with_parent(*command: str | Path) -> list[str]:
    """`command`, killed by the kernel when the process (strictly: the thread) that started it ends."""
    return ["setpriv", "--pdeathsig", "KILL", "--", *map(str, command)]


def _profile_settings() -> str:
    items = "".join(
        f'<item oor:path="/{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, value in _SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def _pipe_path(name: str) -> Path:
    return _PIPE_DIR / f"OSL_PIPE_{os.getuid()}_{name}"


def _remove_abandoned_files() -> None:
    """Delete what processes killed before they could clean up left behind: their directories (which
    may hold a candidate's document) and their pipes. (A killed LibreOffice also leaves its empty
    single-instance socket, /tmp/OSL_PIPE_*_SingleOfficeIPC_*, named by a hash we do not redo.)"""
    for path in Path(tempfile.gettempdir()).glob(f"{_WORK_PREFIX}*-*"):
        if not _running(_owner(path.name.removeprefix(_WORK_PREFIX))):
            shutil.rmtree(path, ignore_errors=True)
    for path in _PIPE_DIR.glob(_pipe_path(f"{_PIPE_PREFIX}*").name):
        if not _running(_owner(path.name.split(_PIPE_PREFIX, 1)[1])):
            path.unlink(missing_ok=True)


def _owner(name: str) -> int:
    """The process id that starts a work directory's or pipe's name, 0 if none does."""
    pid = name.split("-", 1)[0]
    return int(pid) if pid.isdigit() else 0


def _running(pid: int) -> bool:
    if pid <= 0:
        return True  # not one of ours: leave it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class _ThisProcess:
    """This process's LibreOffice: started on the first document, replaced after a failure. A parser
    child converts one document at a time; the lock is for callers that share a process between
    threads. Reentrant: a parser child's SIGTERM handler stops the instance (via the finalizer
    below) in the thread that may be converting."""

    def __init__(self) -> None:
        self.office: Office | None = None
        self.lock = threading.RLock()
        self.finalized_pid: int | None = None

    def convert(self, data: bytes, import_filter: str, export_filter: str) -> bytes:
        with self.lock:
            if self.office is not None and not self.office.alive():
                self.stop()  # killed with the thread that started it, or by an operator
            if self.office is None:
                self.office = Office.start()
                self._stop_at_exit()
            try:
                return self.office.convert(data, import_filter, export_filter)
            except BaseException:
                self.stop()
                raise

    def stop(self) -> None:
        with self.lock:
            if self.office is not None:
                self.office.stop()
                self.office = None

    def _stop_at_exit(self) -> None:
        """multiprocessing runs its finalizers when a parser child exits or is terminated, and at
        the exit of any other process (through atexit); one inherited through fork is skipped, so
        each process registers its own."""
        if self.finalized_pid != os.getpid():
            multiprocessing.util.Finalize(None, self._stop_before_terminating, exitpriority=10)
            self.finalized_pid = os.getpid()

    def _stop_before_terminating(self) -> None:
        """stop(), with SIGTERM held back until it is done: pebble terminates a child just after
        telling it to exit, and its handler would end the process halfway, leaving files behind."""
        if threading.current_thread() is not threading.main_thread():
            self.stop()
            return
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            self.stop()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


_THIS_PROCESS = _ThisProcess()


def convert_to_docx(data: bytes, import_filter: str) -> bytes:
    """`data` converted to DOCX by this process's LibreOffice with the named import filter."""
    return _THIS_PROCESS.convert(data, import_filter, DOCX_EXPORT)


def convert_to_pdf(data: bytes, import_filter: str) -> bytes:
    """`data` laid out and printed to PDF by this process's LibreOffice with the named import filter."""
    return _THIS_PROCESS.convert(data, import_filter, PDF_EXPORT)


def stop_office() -> None:
    """Stop this process's LibreOffice, if it started one."""
    _THIS_PROCESS.stop()
