"""Render briefs as Markdown, HTML (everything escaped, no script allowed) or JSON."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

FORMATS = ("md", "html", "json")
#: Finding sections as the brief titles them (the keys of ``brief["findings"]``).
SECTION_TITLES = {"established": "Established", "single_source": "Single source", "updated": "Updated over time",
                  "disputed": "Disputed", "denied": "Denied or no comment"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("newsledger.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(briefs: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(briefs, ensure_ascii=False, indent=2)
    if fmt == "html":
        return _environment().get_template("brief.html").render(briefs=briefs, sections=SECTION_TITLES)
    if fmt == "md":
        return "\n\n".join(_markdown(brief) for brief in briefs)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


_MARKDOWN_SIGNS = re.compile(r"([\\`*_\[\]#|!])")


def _md(text: str | None) -> str:
    """Article text is untrusted: neutralise HTML, and the Markdown that would make links, images or code of
    it, so a Markdown viewer shows it as text; fold newlines."""
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return " ".join(_MARKDOWN_SIGNS.sub(r"\\\1", text).split())


def _markdown(brief: dict[str, Any]) -> str:
    story = brief["story"]
    lines = [f"# {_md(story['title'])}", ""]
    when = story["first_seen"] or "date unknown"
    if story["last_seen"] and story["last_seen"] != story["first_seen"]:
        when += f" to {story['last_seen']}"
    lines.append(f"Story `{story['id']}` · {when} · {len(brief['articles'])} article(s)")
    if story["key_entities"]:
        lines.append(f"Key entities: {_md(', '.join(story['key_entities']))}")
    if story.get("findings_withheld"):
        lines += ["", f"**No findings:** these articles share too little (cohesion {story['cohesion']:.3f}) to "
                      "compare their facts as one happening's."]
    lines += ["", *_summary_md(brief["summary"]), "## Articles", ""]
    for article in brief["articles"]:
        where = article["outlet"] or "outlet unknown"
        date = f", {article['published']}" if article["published"] else ""
        flags = f" [{_md('; '.join(article['unvetted']))}]" if article.get("unvetted") else ""
        lines.append(f"- {_md(article['title'] or '(untitled)')} — {_md(where)}{date} ({_md(article['url'] or article['file'] or article['id'])}){flags}")
    lines.append("")
    for section, title in SECTION_TITLES.items():
        lines += [f"## {title}", ""]
        findings = brief["findings"][section]
        for finding in findings:
            lines += _finding_md(finding)
        if not findings:
            lines += ["(none)", ""]
    lines += _happenings_md(brief) + ["", "## Timeline", ""]
    for event in brief["timeline"]:
        lines.append(f"- **{event['when']}** · {_event_md(event)}")
    if not brief["timeline"]:
        lines.append("(no dated events)")
    if brief["undated"]:
        lines += ["", "### Undated", ""]
        lines += [f"- {_event_md(event)}" for event in brief["undated"]]
    lines += ["", "## Sources and their chains", ""]
    for group in brief["sources"]:
        affiliation = f", {_md(group['affiliation'])}" if group["affiliation"] else ""
        lines.append(f"### {_md(group['name'])} ({group['kind']}{affiliation})")
        for at in group["attributions"]:
            direct = " · direct quote" if at["direct"] else ""
            lines.append(
                f"- **{at['stance'].replace('_', ' ')}** · {_md(' ← '.join(at['chain']))} · “{_md(at['cue']['text'])}”{direct}"
            )
            lines.append(f"  > {_md(at['reported_text'])}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _summary_md(summary: dict[str, Any]) -> list[str]:
    """The story at a glance: the main happening, where, when, key counts with their status, the tally."""
    tally = summary["tally"]
    lines = ["## Summary", ""]
    if summary["happening"]:
        lines.append(f"- **What:** {_md(summary['happening'])}")
    for label, fact in (("Where", summary["where"]), ("When", summary["when"])):
        if fact:
            lines.append(f"- **{label}:** {_md(fact['value'])} ({fact['status'].replace('_', ' ')})")
    for fact in summary["counts"]:
        lines.append(f"- **{fact['slot'].replace('_', ' ')}:** {_md(fact['value'])} ({fact['status'].replace('_', ' ')})")
    lines.append(f"- **Facts:** {tally['corroborated']} corroborated, {tally['single_source']} single source, "
                 f"{tally.get('updated', 0)} updated, {tally['disputed']} disputed, "
                 f"{tally['denied']} denied or not commented on")
    return [*lines, ""]


def _event_md(event: dict[str, Any]) -> str:
    place = event["place"] or {}
    where = f" · in {_md(place['geo']['name'])}" if place.get("geo") and place["geo"]["name"] != place["text"] else ""
    return f"{_md(event['what'])} · {_md(event['summary'])}{where} ({event['factuality']}; {_md(event['article_label'])})"


def _finding_md(finding: dict[str, Any]) -> list[str]:
    """The slot and happening, the explanation, then each value with its evidence: chain and quoted span."""
    lines = [(f"### {_md(finding['slot'].replace('_', ' '))} · {_md(finding['happening'])} · "
             f"{finding['status'].replace('_', ' ')}"), "", _md(finding["explanation"]), ""]
    for value in finding["values"]:
        origins = len(value["origins"])
        lines.append(f"- **{_md(value['value'])}** ({origins} confirming origin{'s' if origins != 1 else ''})")
        for evidence in value["evidence"]:
            source = f" (“{_md(evidence['article_title'])}”, {evidence['published'] or 'undated'})" \
                if evidence.get("article_title") else ""
            lines.append(f"  - {_md(' ← '.join(evidence['chain']))}{source}: “{_md(evidence['text'])}”")
    return [*lines, ""]


def _happenings_md(brief: dict[str, Any]) -> list[str]:
    lines = ["## What happened", ""]
    for happening in brief["happenings"]:
        where = f" · {_md(', '.join(happening['places']))}" if happening["places"] else ""
        when = f" · {', '.join(happening['times'])}" if happening["times"] else ""
        lines.append(
            f"- **{happening['type']}**{where}{when} · {len(happening['mentions'])} mention(s) in "
            f"{len(happening['articles'])} article(s): {_md(', '.join(happening['triggers'][:5]))}"
        )
    return lines
