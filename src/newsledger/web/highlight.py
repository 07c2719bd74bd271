"""Article text with spans marked up, safe for hostile text and for spans that overlap or nest.

HTML elements must nest, spans need not (a quote's content often holds another attribution's source and cue),
so the text is cut at every span boundary and each piece is wrapped once, in one ``<mark>`` whose classes and
title name every span covering it. Every piece of text is escaped; only the markup made here is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    role: str  # "source", "cue" or "content": the CSS class hl-<role>
    note: str  # shown on hover: which attribution, its stance and chain
    anchor: str | None = None  # when set, a numbered link to #<anchor> follows the span (keyboard and no-JS access)
    label: str = ""


def highlight(text: str, marks: list[Mark]) -> Markup:
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    pieces: list[str] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        pieces.append(_piece(text[start:end], active))
        pieces += [_link(m) for m in active if m.end == end and m.anchor]
    return Markup("".join(pieces))


def _piece(text: str, covering: list[Mark]) -> str:
    if not covering:
        return str(escape(text))
    roles = " ".join(f"hl-{role}" for role in sorted({m.role for m in covering}))
    note = "\n".join(m.note for m in covering)
    return f'<mark class="hl {roles}" title="{escape(note)}">{escape(text)}</mark>'


def _link(mark: Mark) -> str:
    return f'<a class="ref" href="#{escape(mark.anchor)}">{escape(mark.label)}</a>'
