"""Word 97-2003 (.doc) checked before LibreOffice reads it: damaged or password-protected.

A .doc is an OLE2 compound file (a small file system of streams). Its WordDocument stream opens
with the FibBase ([MS-DOC] 2.5.2), whose flags say whether the document is encrypted (or XOR
obfuscated, which is the same for us) and which of the two table streams holds its structure.
Nothing in it is compressed; its size is bounded by the upload limit.
"""

from __future__ import annotations

import io
import struct

import olefile

from resume_parser.errors import CorruptDocumentError, EncryptedDocumentError
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits

_FIB_FLAGS = struct.Struct("<H")
_FIB_FLAGS_OFFSET = 0x0A
_ENCRYPTED = 0x0100  # fEncrypted
_TABLE_STREAM_1 = 0x0200  # fWhichTblStm: the table stream is 1Table, else 0Table


def check_doc(data: bytes, limits: ExtractionLimits = DEFAULT_LIMITS) -> None:
    """Raise EncryptedDocumentError or CorruptDocumentError. (`limits`, for the signature every
    format's check shares: nothing in a .doc inflates, and its size is the upload's.)"""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            fib = ole.openstream("WordDocument").read(_FIB_FLAGS_OFFSET + _FIB_FLAGS.size)
            flags = _FIB_FLAGS.unpack_from(fib, _FIB_FLAGS_OFFSET)[0]
            table_stream = "1Table" if flags & _TABLE_STREAM_1 else "0Table"
            has_table = ole.exists(table_stream)
    except Exception as error:
        # olefile raises OSError for a damaged header, struct and index errors for cut-off streams.
        raise CorruptDocumentError("the Word document is damaged") from error
    if flags & _ENCRYPTED:
        raise EncryptedDocumentError("the Word document is password-protected")
    if not has_table:
        raise CorruptDocumentError("the Word document is damaged: its table stream is missing")
