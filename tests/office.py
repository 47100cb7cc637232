"""DOC, RTF and ODT copies of test documents, made by LibreOffice's own command line (`soffice
--convert-to`), the way a candidate's word processor would save them; nothing of the service's
converter is used to make them."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

FORMATS = ("doc", "rtf", "odt")


def convert(
    sources: Iterable[Path], extension: str, out_dir: Path, *, macros: bool = False
) -> dict[Path, Path]:
    """Each source converted to `extension` in `out_dir` by one LibreOffice run; source -> copy.
    LibreOffice's default settings apply, or with `macros` a macro security of "low"."""
    sources = list(sources)
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is not installed (make install installs it)"
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="test-office-profile-") as profile:
        subprocess.run(
            [
                *(soffice, "--headless", "--norestore", f"-env:UserInstallation={Path(profile).as_uri()}"),
                *("--convert-to", extension, "--outdir", str(out_dir), *map(str, sources)),
            ],
            capture_output=True,
            timeout=300,
            check=True,
        )
    copies = {source: out_dir / f"{source.stem}.{extension}" for source in sources}
    missing = [copy.name for copy in copies.values() if not copy.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return copies


def convert_bytes(data: bytes, suffix: str, extensions: Iterable[str]) -> dict[str, bytes]:
    """One document (`data`, a file of type `suffix`) in each of `extensions`."""
    with tempfile.TemporaryDirectory(prefix="test-office-") as work:
        source = Path(work) / f"document.{suffix}"
        source.write_bytes(data)
        return {
            extension: convert([source], extension, Path(work) / extension)[source].read_bytes()
            for extension in extensions
        }
