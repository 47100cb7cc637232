"""DOC, RTF and ODT through LibreOffice: what survives the conversion, and what a document cannot do to
the converter (run macros, reach the network, outlive a deadline, eat the memory cap)."""

from __future__ import annotations

import asyncio
import http.server
import io
import os
import signal
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import docx
import pytest

from resume_parser.extraction import libreoffice
from resume_parser.extraction.docx import extract_docx
from resume_parser.extraction.isolation import ParserProcesses
from resume_parser.extraction.local import extract_bytes
from resume_parser.layout import BlockKind
from tests.extraction.documents import docx_bytes, texts
from tests.extraction.test_docx import sample_resume
from tests.helpers import process_is_alive
from tests.office import FORMATS, convert_bytes

MIB = 2**20
MEDIA_TYPES = {
    "doc": "application/msword",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
}


@pytest.fixture(scope="module")
def copies() -> dict[str, bytes]:
    """test_docx's sample resume (page header and footer, a table, a text box, a hyperlink), saved
    as DOC, RTF and ODT by LibreOffice."""
    return convert_bytes(sample_resume(), "docx", FORMATS)


@pytest.mark.parametrize("extension", FORMATS)
def test_a_copy_reads_as_its_docx_original(copies: dict[str, bytes], extension: str) -> None:
    original = texts(extract_docx(sample_resume()))
    document = extract_bytes(copies[extension])

    assert (document.media_type, document.extractor) == (MEDIA_TYPES[extension], "libreoffice+docx")
    if extension == "rtf":
        # LibreOffice's own RTF export leaves out this hand-built text box (see the next test).
        original.remove("Languages: German, English")
    assert texts(document) == original
    kinds = [block.kind for block in document.pages[0].blocks]
    assert kinds[0] == BlockKind.HEADER and kinds[-1] == BlockKind.FOOTER
    assert kinds.count(BlockKind.TABLE) == 3


def test_a_text_box_of_an_rtf_is_read() -> None:
    rtf = (
        rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\pard Jane Doe\par"
        rb"{\shp{\*\shpinst\shpleft0\shptop0\shpright4000\shpbottom1000\shpwr2"
        rb"{\sp{\sn shapeType}{\sv 202}}{\shptxt\pard Languages: German, English\par}}}"
        rb"\pard Platform Engineer\par}"
    )
    # Read after the paragraph it is anchored to, as in a DOCX.
    assert texts(extract_bytes(rtf)) == ["Jane Doe", "Platform Engineer", "Languages: German, English"]


def test_hidden_text_stays_hidden_through_the_conversion() -> None:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    document.add_paragraph().add_run("Kubernetes Golang Principal").font.hidden = True
    copy = convert_bytes(docx_bytes(document), "docx", ["doc"])["doc"]
    assert texts(extract_bytes(copy)) == ["Jane Doe"]


MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Main
    Dim n As Integer
    n = FreeFile
    Open "{marker}" For Output As #n
    Print #n, "a macro ran"
    Close #n
End Sub
</script:module>
"""
LIBRARIES = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
"""
LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
</library:library>
"""
ON_LOAD = (
    '<office:scripts><office:event-listeners><script:event-listener script:language="ooo:script" '
    'script:event-name="dom:load" xlink:type="simple" '
    'xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document"/>'
    "</office:event-listeners></office:scripts>"
)


def odt_with_macro_on_load(odt: bytes, marker: Path) -> bytes:
    """The ODT with a Basic macro, bound to the document's load event, that writes `marker`."""
    source = zipfile.ZipFile(io.BytesIO(odt))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"<office:body>", ON_LOAD.encode() + b"<office:body>", 1)
            if item.filename == "META-INF/manifest.xml":
                entries = "".join(
                    f'<manifest:file-entry manifest:full-path="{path}" manifest:media-type="text/xml"/>'
                    for path in (
                        "Basic/script-lc.xml",
                        "Basic/Standard/script-lb.xml",
                        "Basic/Standard/Module1.xml",
                    )
                )
                data = data.replace(b"</manifest:manifest>", entries.encode() + b"</manifest:manifest>")
            target.writestr(item, data)
        target.writestr("Basic/script-lc.xml", LIBRARIES)
        target.writestr("Basic/Standard/script-lb.xml", LIBRARY)
        target.writestr("Basic/Standard/Module1.xml", MACRO.format(marker=marker))
    return out.getvalue()


def test_a_macro_bound_to_the_load_event_never_runs(copies: dict[str, bytes], tmp_path: Path) -> None:
    # (No positive control: LibreOffice's own --convert-to did not run this macro either, even with
    # macro security "low", so this guards the outcome, not the mechanism.)
    marker = tmp_path / "marker"
    document = extract_bytes(odt_with_macro_on_load(copies["odt"], marker))
    assert "Jane Doe" in texts(document)
    assert not marker.exists()


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request it gets."""
    requests: list[str] = []
    handler = type("Recorder", (_Recorder,), {"requests": requests})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def odt_with_linked_image(odt: bytes, url: str) -> bytes:
    """The ODT with an image that is not stored in it but linked from `url` (a tracking pixel)."""
    frame = (
        '<text:p><draw:frame draw:name="photo" text:anchor-type="paragraph" svg:width="2cm" svg:height="2cm">'
        f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/>'
        "</draw:frame></text:p>"
    )
    source = zipfile.ZipFile(io.BytesIO(odt))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "content.xml":
                data = data.replace(b"<office:text>", b"<office:text>" + frame.encode(), 1)
            target.writestr(item, data)
    return out.getvalue()


def test_an_image_linked_from_the_web_is_never_fetched(
    copies: dict[str, bytes], web_server: tuple[str, list[str]]
) -> None:
    url, requests = web_server
    # A LibreOffice with its default settings fetches it: the link is live.
    convert_bytes(odt_with_linked_image(copies["odt"], f"{url}/control.png"), "odt", ["docx"])
    assert "/control.png" in requests

    document = extract_bytes(odt_with_linked_image(copies["odt"], f"{url}/pixel.png"))
    assert "Jane Doe" in texts(document)
    assert "/pixel.png" not in requests


def converter_pids() -> tuple[int, int, int]:
    office = libreoffice._THIS_PROCESS.office
    assert office is not None
    return os.getpid(), office.office_pid, office.bridge_pid


def convert_with_a_hung_office(data: bytes) -> None:
    """A conversion in a LibreOffice that stops answering (SIGSTOP): it never returns."""
    extract_bytes(data)
    office = libreoffice._THIS_PROCESS.office
    assert office is not None
    os.kill(office.office_pid, signal.SIGSTOP)
    extract_bytes(data)


async def test_a_hung_converter_is_killed_with_its_child(copies: dict[str, bytes]) -> None:
    processes = ParserProcesses(processes=1, memory_limit_bytes=2048 * MIB, timeout_seconds=120)
    try:
        await processes.run(extract_bytes, copies["rtf"])
        child, office, bridge = await processes.run(converter_pids)
        with pytest.raises(TimeoutError):  # the pipeline's stage deadline, shortened
            await asyncio.wait_for(processes.run(convert_with_a_hung_office, copies["rtf"]), timeout=20)
        # The next document gets a fresh child and a fresh LibreOffice.
        assert (await processes.run(extract_bytes, copies["doc"])).media_type == MEDIA_TYPES["doc"]
        assert (await processes.run(converter_pids))[1] != office
        assert not any(process_is_alive(pid) for pid in (child, office, bridge))
    finally:
        processes.close()
