"""Clean what complainants and users type and upload, wherever it comes in:
the public form, the portal, the backend, the chatter composer."""

import mimetypes
import re

from odoo.tools.mimetypes import guess_mimetype

# Invisible characters that reorder the text after them: "photo\u202egpj.exe"
# shows as "photoexe.jpg". Embeddings and overrides (U+202A-U+202E),
# isolates (U+2066-U+2069), the left-to-right, right-to-left and Arabic
# letter marks (U+200E, U+200F, U+061C).
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text):
    """`text` without bidirectional control characters."""
    return BIDI_CONTROLS.sub("", text) if text else text


def shorten(text, size):
    """`text` cut to `size` characters at most, an ellipsis marking the cut."""
    text = text or ""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


# Kinds of file: the types of one kind stand for the same sort of content (an
# office document is a zip archive, a legacy one an OLE compound file, a CSV
# file text, a .jpg saved from a web page may hold a WebP image).
OFFICE_ZIP = (
    "application/vnd.openxmlformats-officedocument.",
    "application/vnd.oasis.opendocument.",
    "application/vnd.ms-excel.sheet.macroenabled",
    "application/vnd.ms-word.document.macroenabled",
    "application/vnd.ms-powerpoint.presentation.macroenabled",
)
OLE = {
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.ms-outlook",
    "application/x-ole-storage",
    "application/cdfv2",
}
MARKUP = {"text/html", "text/xml", "application/xml", "application/xhtml+xml", "image/svg+xml"}
TEXT = {"application/json", "application/csv", "application/javascript", "message/rfc822"}
# Signatures the files of a format begin with (a PDF may have a short
# preamble). A file whose extension names a signed format must show the
# signature of its kind.
SIGNATURES = (
    ("application/pdf", re.compile(rb"\A.{0,1019}%PDF-", re.DOTALL)),
    ("image/jpeg", re.compile(rb"\A\xff\xd8\xff")),
    ("image/png", re.compile(rb"\A\x89PNG\r\n\x1a\n")),
    ("image/gif", re.compile(rb"\AGIF8[79]a")),
    ("image/webp", re.compile(rb"\ARIFF.{4}WEBP", re.DOTALL)),
    ("application/zip", re.compile(rb"\APK(?:\x03\x04|\x05\x06)")),
    ("application/x-ole-storage", re.compile(rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")),
)
SIGNED = {mimetype for mimetype, _signature in SIGNATURES} | OLE
OCTET_STREAM = "application/octet-stream"
# What the type guesser answers for content it does not recognise...
UNKNOWN = {OCTET_STREAM, "application/x-empty", "inode/x-empty", "text/plain"}
# ... and what it answers from a first byte or two that other files share
# ("<", "BM", "RIFF"): no proof either way.
AMBIGUOUS = {"application/xml", "image/bmp", "image/x-icon", "image/webp"}


def _kind(mimetype):
    mimetype = (mimetype or "").lower()
    if not mimetype:
        return None
    if mimetype in MARKUP:
        return "markup"
    if mimetype in ("application/pdf", "application/x-pdf"):
        return "pdf"
    if (
        mimetype == "application/zip"
        or mimetype.endswith("+zip")
        or mimetype.startswith(OFFICE_ZIP)
    ):
        return "zip"
    if mimetype in OLE:
        return "ole"
    if mimetype in TEXT:
        return "text"
    family = mimetype.split("/")[0]
    return {"image": "image", "audio": "media", "video": "media", "text": "text"}.get(
        family, mimetype
    )


def upload_mimetype(filename, content):
    """The type of an uploaded file read from its content, and whether the
    content agrees with the type the file's extension gives.

    Kinds of file are compared, not exact types (see `_kind`). A file whose
    extension names a signed format (PDF, JPEG, PNG, GIF, WebP, zip, office
    documents) must begin with the signature of that kind; any other file
    must not be recognised as another kind than its extension says. A file
    without a known extension agrees with any content.
    """
    guessed = (guess_mimetype(content) or OCTET_STREAM).lower()
    signed = next((mimetype for mimetype, sig in SIGNATURES if sig.match(content)), None)
    if signed and (guessed in UNKNOWN | AMBIGUOUS or _kind(guessed) != _kind(signed)):
        mimetype = signed  # e.g. a JPEG whose first segment Odoo's guesser does not list
    elif guessed in AMBIGUOUS:
        mimetype = OCTET_STREAM
    else:
        mimetype = guessed
    content_kind = None if mimetype in UNKNOWN else _kind(mimetype)
    declared = mimetypes.guess_type(filename)[0]
    if not declared:
        return mimetype, True
    if declared in SIGNED or _kind(declared) == "zip":
        return mimetype, content_kind == _kind(declared)
    return mimetype, content_kind in (None, _kind(declared))


def check_upload(env, filename, content):
    """An uploaded file's name without bidirectional controls, its type read
    from its content, and the message refusing it when the content
    contradicts the name (None when it does not)."""
    name = strip_bidi(filename) or "attachment"
    mimetype, agrees = upload_mimetype(name, content)
    if agrees:
        return name, mimetype, None
    return (
        name,
        mimetype,
        env._(
            "The file “%(name)s” is not what its name says: its content is of another type.",
            name=name,
        ),
    )
