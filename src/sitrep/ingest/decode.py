"""Bytes to text: tell binary files from text and detect the encoding of text files.

Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32), then strict UTF-8, then the
encoding the container declares, then charset_normalizer's guess among single-byte and legacy
encodings (cp1252, latin-1, ...).
"""

from __future__ import annotations

import codecs

# Byte-order marks, longest first: UTF-32 LE starts with the UTF-16 LE mark.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

# Magic numbers of common binary formats people drop into an input folder by mistake.
_BINARY_MAGIC = {
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or .docx/.xlsx)",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"\x1f\x8b": "gzip file",
}


class NotText(ValueError):
    """The bytes are not text in any encoding sitrep can read (the message says why)."""


def sniff_binary(data: bytes) -> str | None:
    """A short description when the bytes look binary, else None."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:4096]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return None
    # NUL bytes do not occur in text in 8-bit encodings or UTF-8; UTF-16 without a BOM is rare
    # enough in news files that we treat it as binary rather than guess.
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    return None


def decode_bytes(data: bytes, declared: str | None = None, cut: bool = False) -> tuple[str, str]:
    """(text, encoding name). Raises NotText for binary data or undecodable bytes.

    `declared` is an encoding named by the container (an HTTP header, a meta tag); it is tried
    after a BOM and strict UTF-8, before guessing. `cut` says the bytes were cut at a size limit,
    so the last character may be incomplete and is dropped.
    """
    for bom, enc in BOMS:
        if data.startswith(bom):
            text = _decode(data, enc, cut)
            if text is None:
                raise NotText(f"starts with a {enc} byte-order mark but does not decode as {enc}")
            return text, enc
    what = sniff_binary(data)
    if what:
        raise NotText(f"not a text file: {what}")
    # Valid UTF-8 with non-ASCII bytes is almost never anything else, while pages that declare
    # latin-1 but are UTF-8 are common; so UTF-8 goes before the declared encoding.
    for enc in ["utf-8"] + ([declared] if declared else []):
        text = _decode(data, enc, cut)
        if text is not None:
            return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise NotText("not a text file: no text encoding fits its bytes")
    # The guess was made on the head of the file; a tail that does not fit it is replaced.
    return data.decode(best.encoding, errors="replace"), best.encoding


def _decode(data: bytes, encoding: str, cut: bool) -> str | None:
    """Strict decoding, or None; cut data may lose up to 3 bytes of a split last character."""
    for trim in range(4 if cut else 1):
        try:
            return data[:len(data) - trim].decode(encoding)
        except UnicodeDecodeError:
            continue
        except LookupError:  # an encoding name Python does not know
            return None
    return None
