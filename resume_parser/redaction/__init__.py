"""The redacted document: the original resume as a PDF with every personal value and picture blacked
out, the text beneath truly gone (each page an image, with an invisible layer of the words kept).

    pages.py    the original laid out as PDF pages (PDF as is, Word and OpenDocument by LibreOffice,
                text and HTML as plain pages, images one page per frame)
    matching.py which words of the pages print a personal value
    drawnpictures.py photos in the page's pixels: on scans, or drawn as vectors
    regions.py  what to black out: evidence boxes, matching words, pictures
    writer.py   the pages rasterized, painted and written as an image PDF with its text layer
    redact.py   the whole redaction of one document (run in a parser child process)
    service.py  the use case behind GetRedactedDocument
"""
