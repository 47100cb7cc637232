"""OpenDocument text (.odt) checked before LibreOffice reads it: zip bomb, password, missing content.

An ODT is a ZIP package like a DOCX, so the same central-directory bound applies (docx.py). A
password-protected one keeps its manifest readable and says there, per file, how the rest is
encrypted (ODF 1.2 part 3, 3.8: <manifest:encryption-data>).
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from resume_parser.errors import CorruptDocumentError, EncryptedDocumentError
from resume_parser.extraction.docx import check_zip_limits
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits

_MANIFEST = "META-INF/manifest.xml"
_ENCRYPTION_DATA = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}encryption-data"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def check_odt(data: bytes, limits: ExtractionLimits = DEFAULT_LIMITS) -> None:
    check_zip_limits(data, limits)  # before anything is inflated
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            manifest = archive.read(_MANIFEST) if _MANIFEST in names else None
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise CorruptDocumentError("the OpenDocument package is damaged") from error
    if manifest is not None and _is_encrypted(manifest):
        raise EncryptedDocumentError("the OpenDocument text is password-protected")
    if "content.xml" not in names:
        raise CorruptDocumentError("the OpenDocument package has no content")


def _is_encrypted(manifest: bytes) -> bool:
    try:
        root = etree.fromstring(manifest, _XML_PARSER)
    except etree.XMLSyntaxError as error:
        raise CorruptDocumentError("the OpenDocument manifest is damaged") from error
    return next(root.iter(_ENCRYPTION_DATA), None) is not None
