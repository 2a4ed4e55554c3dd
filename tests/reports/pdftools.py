"""Reading generated PDFs back: text per page, fonts per page, page sizes."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

SUBSET = re.compile(r"^[A-Z]{6}\+")


@dataclass(frozen=True)
class PageFont:
    base_font: str
    subtype: str
    embedded: bool  # has a FontFile2 (TrueType) stream


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def compact(text: str) -> str:
    """Text without any whitespace: cells wrap names over lines."""
    return re.sub(r"\s+", "", text)


def page_fonts(pdf: bytes) -> list[list[PageFont]]:
    out = []
    for page in reader(pdf).pages:
        fonts = []
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.append(PageFont(str(font["/BaseFont"])[1:], str(font["/Subtype"]), embedded))
        out.append(fonts)
    return out


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]
