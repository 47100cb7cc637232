"""RTF checked before LibreOffice reads it: how deep its groups nest, how much it embeds, whether it ends.

RTF is plain text, so nothing inflates, but two things in it cost a reader far more than the file's
size suggests: groups nested hundreds of thousands deep (LibreOffice keeps a state per level; at
200,000 levels it needs 0.6 GB) and embedded OLE objects, which it hands to further importers. A
resume needs neither: LibreOffice's and Word's own RTF nest groups a few levels deep and embed no
objects. One pass over the group structure finds both, and a file cut short (groups never closed,
a binary run longer than what is left), before anything is converted.
"""

from __future__ import annotations

import re

from resume_parser.errors import CorruptDocumentError, DocumentLimitError
from resume_parser.extraction.limits import DEFAULT_LIMITS, ExtractionLimits

# What changes the group structure: braces, escaped characters (\{ \} \\ are text), a binary run
# (\binN: N raw bytes follow, which may hold any byte) and the start of an embedded object.
_TOKEN = re.compile(rb"\\bin(-?\d{1,10}) ?|\\[\\{}]|\\object(?![a-z])|[{}]")


def check_rtf(data: bytes, limits: ExtractionLimits = DEFAULT_LIMITS) -> None:
    """Raise DocumentLimitError for nesting or embedded objects over the limits, CorruptDocumentError
    for a file that is truncated or unbalanced."""
    depth = 0
    object_depth: int | None = None  # the depth of the embedded object being read, if any
    object_start = 0
    object_bytes = 0
    position = 0
    while (token := _TOKEN.search(data, position)) is not None:
        position = token.end()
        text = token.group()
        if text == b"{":
            depth += 1
            if depth > limits.max_rtf_depth:
                raise DocumentLimitError(f"the RTF nests groups more than {limits.max_rtf_depth} deep")
        elif text == b"}":
            depth -= 1
            if depth < 0:
                raise CorruptDocumentError("the RTF closes more groups than it opens")
            if object_depth is not None and depth < object_depth:
                object_bytes += position - object_start
                object_depth = None
        elif text.startswith(b"\\bin"):
            position += _binary_length(token, len(data))
        elif text == b"\\object" and object_depth is None:
            object_depth, object_start = depth, token.start()
        if object_bytes > limits.max_embedded_object_bytes:
            raise DocumentLimitError(
                f"the RTF embeds objects of more than {limits.max_embedded_object_bytes} bytes"
            )
    if depth > 0:
        raise CorruptDocumentError(f"the RTF is truncated: {depth} of its groups are never closed")


def _binary_length(token: re.Match[bytes], size: int) -> int:
    length = int(token.group(1))
    if length < 0 or token.end() + length > size:
        raise CorruptDocumentError("the RTF declares more binary data than it holds: it is truncated")
    return length
