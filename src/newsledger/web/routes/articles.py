"""The article page: clean text with every attribution's source, cue and content marked, the attributions and
events listed with stance and chain, the entities it mentions, and what cleaning removed."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsledger.records import Article, Attribution
from newsledger.report.brief import chain, event_summary
from newsledger.store import queries
from newsledger.web.highlight import Mark, highlight
from newsledger.web.routes import PAGE_BAD_REQUEST, PAGE_NOT_FOUND, store
from newsledger.web.templating import not_found, page

router = APIRouter(responses=PAGE_BAD_REQUEST)


@router.get("/articles/{article_id}", response_class=HTMLResponse, responses=PAGE_NOT_FOUND,
            summary="An article with its attributions")
def article_page(request: Request, article_id: str):
    article = queries.article(store(request), article_id)
    if article is None:
        return not_found(request, "Article", article_id)
    attributions = store(request).attributions([article_id])
    listed = [
        {"number": number, "record": at, "chain": chain(at, article), "anchor": anchor(at)}
        for number, at in enumerate(attributions, start=1)
    ]
    events = store(request).events([article_id])
    return page(
        request,
        "article.html",
        article=article,
        story=queries.stories_of(store(request), [article_id]).get(article_id),
        text=highlight(article.text, marks(article, attributions)),
        attributions=listed,
        numbers={at.id: number for number, at in enumerate(attributions, start=1)},
        events=[(event, event_summary(event)) for event in events],
        entities=queries.entity_counts(store(request), [article_id], limit=200),
    )


def anchor(attribution: Attribution) -> str:
    return f"at-{attribution.id}"


def marks(article: Article, attributions: list[Attribution]) -> list[Mark]:
    found = []
    for number, at in enumerate(attributions, start=1):
        note = f"[{number}] {at.stance.value.replace('_', ' ')} · {' ← '.join(chain(at, article))}"
        if at.source:
            found.append(Mark(at.source.start, at.source.end, "source", f"{note} (source)"))
        found.append(Mark(at.cue.start, at.cue.end, "cue", f"{note} (cue “{at.cue.text}”)", anchor(at), f"[{number}]"))
        for piece in at.content_pieces() or [at.content]:  # not the narration between a content's pieces
            found.append(Mark(piece.start, piece.end, "content", f"{note} (content)"))
    return found
