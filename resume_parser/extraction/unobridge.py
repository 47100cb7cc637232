"""Drives one LibreOffice over its private pipe: a conversion to DOCX per line of standard input.

This file is run as a script by the Python that has LibreOffice's UNO bindings (Debian's
python3-uno, for /usr/bin/python3), not by the service's interpreter, which cannot load them;
libreoffice.py starts it beside each LibreOffice. It imports nothing of the service.

    python3 -I unobridge.py PIPE_NAME CONNECT_SECONDS

Once connected it prints {"ready": true}. Then each request line

    {"source": "/dir/in", "target": "/dir/out.docx", "filter": "MS Word 97"}

(with "export": "writer_pdf_Export" to store a PDF instead of DOCX)

is answered by one line, {"ok": true} or {"ok": false, "step": "load" | "store", "error": TYPE}.
An error carries the exception's type only: its message can quote the document. The request
{"terminate": true} shuts LibreOffice down (it then removes its pipes) and ends the bridge.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

EXPORT_FILTER = "MS Word 2007 XML"
NEVER_EXECUTE = 0  # com.sun.star.document.MacroExecMode.NEVER_EXECUTE
NO_UPDATE = 0  # com.sun.star.document.UpdateDocMode.NO_UPDATE: links are never followed


def properties(**values: Any) -> tuple[Any, ...]:
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


def connect(pipe: str, seconds: float) -> Any:
    """The office's Desktop, once LibreOffice accepts connections on the pipe."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + seconds
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)


def convert(desktop: Any, request: dict[str, str]) -> dict[str, Any]:
    step = "load"
    try:
        # Hidden, read-only, with the import filter our detection chose (never LibreOffice's own
        # guess among its dozens of importers), no macros and no links followed.
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(request["source"]),
            "_blank",
            0,
            properties(
                Hidden=True,
                ReadOnly=True,
                FilterName=request["filter"],
                MacroExecutionMode=NEVER_EXECUTE,
                UpdateDocMode=NO_UPDATE,
            ),
        )
        if document is None:
            return {"ok": False, "step": step, "error": "NoDocument"}
        step = "store"
        try:
            target = uno.systemPathToFileUrl(request["target"])
            export = request.get("export", EXPORT_FILTER)
            document.storeToURL(target, properties(FilterName=export, Overwrite=True))
        finally:
            document.close(True)
    except Exception as error:  # UNO's exceptions (IOException, IllegalArgumentException, ...)
        return {"ok": False, "step": step, "error": type(error).__name__}
    return {"ok": True}


def reply(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    pipe, seconds = sys.argv[1], float(sys.argv[2])
    desktop = connect(pipe, seconds)
    reply({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("terminate"):
            desktop.terminate()
            break
        reply(convert(desktop, request))
    return 0


if __name__ == "__main__":
    sys.exit(main())
