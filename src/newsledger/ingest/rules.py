"""What one line that is not the article looks like: a lexicon of rules, each with its kind, length bound and reason.

A rule sees one stripped line (in plain text from the ``newspaper`` library or trafilatura, a paragraph is a line)
and applies only up to ``max_len`` characters: notices, credits and captions are short lines of their own, while a
paragraph of the story is long and varied, so a long line is the article's whatever words it contains. Every
pattern names the page furniture it stands for (a widget, a credit, a prompt), never one article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One kind of line that is not the article: lines up to ``max_len`` characters that ``pattern`` finds."""

    kind: str
    pattern: re.Pattern[str]
    max_len: int  # longer lines are article text, whatever they contain
    reason: str
    cues: re.Pattern[str] | None = None  # when given, a lower-cased line holds a cue or the pattern cannot match


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def _cues(*words: str) -> re.Pattern[str]:
    """Literal words one of which a line must hold for a rule to look further: a cheap scan before the pattern."""
    return re.compile("|".join(map(re.escape, words)))


# A line ending in a photo credit: "(REUTERS/Ken Cedeno)", "(AP Photo/…)", "… Photo: Jane Doe", "… Getty Images".
_CAPTION = _rx(r"""
    (?: \( (?=[^()]{2,80}\)\.?$) (?: (?-i:[A-Z][\w.'’&-]*) (?:\s[\w.'’&-]+){0,3} / [^()]+
                                  | [^()]* \b(?:photo|photograph|image|credit|courtesy)\b [^()]* ) \)
      | (?:^|[.!?"”]\s+|\s[|–—-]\s) (?:photo(?:graph)?|image|picture|photo\ credit|credit)s?\s*:\s*[^!?]{2,80}
      | \bgetty\ images\b [^.!?]{0,40}
    ) \.?$
    | ^(?:image|photo)\ caption\b
""")

# Photo and video widgets flattened into text: "FILE - …", "Buy Photo …", "Image 1 of 4 …", "Skip Ad … x Embed x
# Share <caption>", a video's "(Published Tuesday, June 7, 2016)" stamp, "View Full Caption", "See more videos".
_MEDIA_WIDGET = _rx(r"""
      ^(?: file (?:\ photo)? (?:\s+[-–—] | \s*: | \.$)
         | buy\ photo\b | ap\ photo\b | image\ \d+\ of\b | photo:\s*/ | stock\ (?:image|photo)\b
         | skip\ ad\b | close\ skip\b | video\s*\(\d{1,2}:\d{2}\) )
    | \benlarge\ \|\ buy\ this\ photo\b
    | \(published\ \w+day,\ [^()]{4,40}\)\W*$
    | \bview\ full\ caption\b
    | \bsee\ more\ videos\W*$
    | \((?:source|photo|credit|courtesy)\s*:\s*[^()]{1,60}\)\.?$
""")

_PAYWALL = _rx(r"""^(?:
      (?:to\ )?(?:read|continue\ reading|keep\ reading)\ (?:the\ )?(?:full|rest\ of\ the|entire)\ (?:story|article)
    | (?:are\ you\ )?already\ (?:a\ )?(?:subscriber|member|registered)
    | already\ have\ an\ account
    | (?:click|tap)\ (?:here\ )?to\ (?:log\ ?in|sign\ ?in|subscribe|register)
    | (?:log|sign)\ ?in\ to\ (?:continue|read|keep|access|view)
    | subscribe\b
    | sign\ up\ (?:for|to|now|today)\b
    | (?:become|register\ as)\ a\ (?:subscriber|member)
    | (?:create|register)\ (?:a\ )?(?:free\ )?account
    | (?:start|get)\ (?:your\ )?(?:free\ )?(?:trial|unlimited\ access|full\ access)
    | (?:you(?:'|’)ve|you\ have)\ (?:reached|read|used)\ .*\b(?:free|limit)
    | this\ (?:article|story|content)\ is\ (?:only\ )?(?:available\ )?(?:for|to|exclusive\ to)
      \ (?:our\ )?(?:subscribers|members)
    | (?:subscribers|members)[\ -]only
)""")

# Account, registration and e-mail alert widgets: the same few sentences on every page of a publishing platform.
_ACCOUNT = _rx(r"""
      thank\ you\ for\ registering | verification\ (?:e-?mail|message) | confirmation\ e-?mail
    | \{\*.*\*\} | ^almost\ done\W*$ | ^welcome\ back\b | why\ are\ we\ asking\ this
    | notification\ has\ been\ saved | problem\ saving\ your\ notification | get\ e-?mail\ notifications
    | e-?mail\ notifications\ are\ only\ sent | posts\ new\ content | you\ are\ the\ owner\ of\ this\ article
    | ^just\ one\ more\ thing | by\ submitting\ your\ registration | you\ must\ enter\ the\ characters
    | click\ here\ to\ return\ to\ the\ page | deliverable\ area | get\ digital\ access | re-enter\ zip\ code
    | ^sign\ in\ using\b | with\ your\ existing\ account | visit\ us\ and\ sign\ in | already\ have\ an\ account
""")

# Template placeholders a page failed to fill ("{* loginWidget *}", "{{ headline }}"): never prose, at any length.
_TEMPLATE = _rx(r"\{\*[^{}]{1,80}\*\}|\{\{[^{}]{1,80}\}\}")

# A rule of dashes, underscores or stars between sections.
_SEPARATOR = _rx(r"^[-–—_=*#~•·.\s]{2,}$")

_NAVIGATION = _rx(r"""^(?:
      share(?:\ (?:this|on|via)\b.*)?
    | advertisement | advertising | sponsored(?:\ content)?
    | skip\ to\ (?:main\ )?(?:content|navigation)
    | follow\ (?:us|me)\b.*
    | (?:back\ to\ top | copy\ link | tweet | whatsapp | facebook | twitter | linkedin | comments?)
    | print(?:\ this)?(?:\ (?:article|page|story))? | e-?mail(?:\ this)?(?:\ (?:article|story))?
    | listen\ to\ (?:this\ )?(?:article|story)\b.* | recommended(?:\ for\ you)? | most\ (?:read|popular)
    | more\ from\b.* | trending(?:\ now)?
    | google | pinterest | tumblr | reddit | more | close | photos | a\ a | like\ this:.*
)[\s:.!>»›|]*$""")

# A wiki page's section headings ("Victims [ edit ]") are navigation, not the story's sentences.
_WIKI_HEADING = _rx(r"\[\s*edit\s*\]$|^from\ wikipedia,\ the\ free\ encyclopedia$")

# "Read more: <headline>", "Related: <headline>", "► Related: …", "[RELATED: …]", "EARLIER: …", "RAW VIDEO: …":
# a pointer to another story carries that story's headline, so it gets a longer limit.
_SEE_ALSO = _rx(r"""^\W{0,3}(?:advertisement\s+)?(?:
      (?:read\ more|see\ also|related(?:\ (?:articles?|stories|coverage|content|news|links|video))?)\s*:
    | (?-i:Related\ (?:Articles?|Stories|Coverage|Content|News|Links|Video)|RELATED|READ\ MORE)\b
    | (?:also(?:\ see)?|earlier|previously|raw\ video|more\ video|more\ photos|video|photos?|gallery|documents?
       |also\ on\ [\w.]+|previous\ stories|more\ (?:stories|coverage)\ (?:from|on)\b[^:]*)\s*(?::|\||$)
)""")

# A link's text standing alone: "Track all of the city's shootings … here.", "<headline>. Read more.", "More >>".
_LINK_TEXT = _rx(r"""
      ^(?:track|read|watch|see|find|get|view|listen\ to|click|tap)\b .{0,80} \bhere\W*$
    | \bread\ more\W*$
    | ^(?:click|tap)\ here\b
    | >>\W*$
""")

_COOKIE = _rx(r"""
      ^(?:this\ (?:web)?site|we)\ uses?\ cookies\b
    | \bby\ continuing\ to\ (?:use|browse)\ (?:this|our)\ (?:web)?site
    | ^(?:accept|reject|allow)\ (?:all\ )?cookies\W*$
    | ^(?:cookie\ (?:policy|settings|preferences|notice)|manage\ cookies)\W*$
""")

# Copyright and wire notices: "Copyright 2016 WFAA", "(© 2016 KHOU)", "… All rights reserved. This material may not
# be published, broadcast, rewritten or redistributed." The notice must open the line or follow a short caption: a
# paragraph of the story that a page glued a credit onto keeps it, rather than losing the story's sentence.
_COPYRIGHT = _rx(r"""
      ^\W{0,3}(?:source:[^©]{0,60})?(?:copyright|©|\(c\))(?:\s+(?:\d{4}\b|by\b|(?-i:[A-Z]))[^\s]*)(?:\s+[^\s]+){0,7}\W*$
    | ^.{0,100}? (?: (?:copyright|©)\s*\d{4}\b | \ball\ rights\ reserved\b
                   | \bmay\ not\ be\ (?:re)?published,\ broadcast\b )
""")

# Who wrote it and how to reach them: "By: Jane Doe and John Roe", "by: Jane Doe Updated: Mar 8, 2017 - 6:13 PM",
# "Contributing: …", "… contributed to this report.", "-- Jane Doe", "Reported by: … Email: …".
_BYLINE = _rx(r"""
      ^\W{0,2}(?:reported\ |written\ |posted\ )?by\s*:?
          (?:\s+(?-i:[A-Z])[\w.'’-]*(?:(?:,|\s+and|\s+&)?\s+(?-i:[A-Z])[\w.'’-]*){0,6})?
          (?:\s+(?:updated|posted|published|e-?mail)\b.*)?$
    | ^contributing\s*:
    | \bcontributed\ to\ (?:this|the)\ (?:report|story|article)\b
    | ^(?:--|—|–)\s*(?-i:[A-Z])[\w.'’-]+(?:\s(?-i:[A-Z])[\w.'’-]+){0,3}$
    | \bfollow\ (?:him|her|them)\ on\ (?:twitter|facebook|instagram)\b
    | ^(?:on\ )?(?:twitter|e-?mail|facebook|instagram)\s*:\s*@?[\w.@/-]*$
""")

# Reporter contact lines: nothing but a name, an e-mail address, a phone number or a social handle.
_CONTACT_TOKEN = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+|(?:https?://)?(?:www\.)?twitter\.com/\w+|@\w{2,}|\(?\b\d{3}\)?[\s.-]*\d{3}[.-]\d{4}\b"
    r"|\b\d{3}-\d{4}\b"
)
_CONTACT_FILLER = re.compile(
    r"\b(?:contact|reach|e-?mail|twitter|facebook|phone|call|on|at|or|and|him|her|follow|find)\b|[^\w\s]",
    re.IGNORECASE,
)
_CONTACT_MAX_LEN = 160
_CONTACT_MAX_NAME_WORDS = 4

# Service prompts that send the reader elsewhere for more: "Check back for updates.", "Stay with Channel 3 … for
# updates", "Download our app", "Text NEWS to 72727", "Read or Share this story: <url>", "Please enable Javascript
# to watch this video", weather alerts from a station's ticker, the Wayback Machine's toolbar.
_SERVICE_OPENING = _rx(r"""^(?:
      read\ or\ share\ this\ story\b | report\ an\ error\b | if\ you\ or\ someone\ you\ know\b
    | (?:this\ is\ a\ (?:developing|breaking)(?:\ news)?\ story\.\s+)?(?:check\ back|stay\ (?:with|tuned)|tune\ in)\b
    | download\ (?:the\ )?app\b | refresh\ [\w.]+\ (?:and|for)\b
    | th(?:is|e)\ (?:story|post|article|report)\ (?:has\ been|was|will\ be|is\ being)\ updated\b
    | text\ \W?\w+\W?\ to\ \d{4,6}\b | follow\b.{0,40}(?:twitter|facebook|instagram|:\s*$)
    | join\ the\ conversation\b | never\ miss\ another\b | stay\ up\ to\ date\b
    | (?:hear|watch|see)\ (?:the|his|her|their|our)\b[\w\ ’']{0,40}\b(?:below|above)\W*$
    | for\ more\ [\w\ ]{1,40},\ (?:listen|watch|visit|go|read|click)\b
)""")

# The same prompts anywhere in a short line (one regex per cue word keeps the scan linear and cheap).
_SERVICE_ANYWHERE = _rx(r"""
      please\ enable\ javascript | this\ video\ is\ (?:no\ longer|not)\ available | scroll\ down\ for\ video
    | hide\ transcript | look\ for\ more\ coverage\b | download\ (?:the|our)\b[\w\ ]{0,40}\bapp\b
    | will\ update\ this\ (?:story|article|report) | delivered\ (?:via\ e-?mail|to\ your\ inbox)\b
    | (?:warning|watch|advisory|statement|alert)\ issued\ \w+\ \d{1,2}\ at\ \d{1,2}:\d{2}\s?[ap]m\b
    | \d\ captures\b
""")

RULES = (
    Rule("caption", _CAPTION, 600, "a photo credit closes a caption, not a sentence of the story",
         cues=_cues(")", ":", "getty", "caption")),
    Rule("caption", _MEDIA_WIDGET, 1200, "photo galleries and video players leave their chrome on the caption",
         cues=_cues("file", "photo", "image", "stock", "skip", "video", "published", "caption", "source", "credit",
               "courtesy")),
    Rule("notice", _TEMPLATE, 5000, "a page's unfilled template placeholders are never prose"),
    Rule("separator", _SEPARATOR, 200, "a rule between sections carries no words"),
    Rule("paywall", _PAYWALL, 120, "subscription prompts are short lines of their own"),
    Rule("notice", _ACCOUNT, 300, "account and alert widgets repeat the same sentences on every page",
         cues=_cues("regist", "e-mail", "email", "{*", "almost", "welcome", "asking", "notification", "content",
               "owner", "one more", "characters", "return", "deliverable", "digital", "zip", "sign", "account")),
    Rule("navigation", _NAVIGATION, 80, "menu and sharing words stand alone on a line"),
    Rule("navigation", _WIKI_HEADING, 80, "a wiki's section headings end in an edit link"),
    Rule("related", _SEE_ALSO, 200, "a pointer to another story carries that story's headline"),
    Rule("related", _LINK_TEXT, 250, "a link's text standing alone points elsewhere", cues=_cues("here", "more", ">>")),
    Rule("cookie", _COOKIE, 300, "cookie banners", cues=_cues("cookie")),
    Rule("credit", _COPYRIGHT, 300, "copyright and wire notices close the page",
         cues=_cues("copyright", "©", "(c)", "rights reserved", "may not be")),
    Rule("credit", _BYLINE, 300, "bylines, contributor lines and author bios are about the writer",
         cues=_cues("by", "contribut", "-", "—", "–", "follow", "twitter", "mail", "facebook", "instagram")),
    Rule("notice", _SERVICE_OPENING, 250, "service prompts send the reader elsewhere and say nothing of the story"),
    Rule("notice", _SERVICE_ANYWHERE, 250, "service prompts send the reader elsewhere and say nothing of the story",
         cues=_cues("javascript", "video", "transcript", "coverage", "app", "update", "delivered", "issued", "captures")),
)

_STAMP_WORDS = frozenset(
    "published posted updated created modified last at on by ago am pm a.m. p.m. edt est cdt cst mdt mst pdt pst "
    "gmt utc seconds second minutes minute hours hour days day weeks week months month years year".split()
)
_WEEKDAY_OR_MONTH = re.compile(
    r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
    r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
    re.IGNORECASE,
)
_STAMP_NUMBER = re.compile(r"\d{1,4}(?:[/:.-]\d{1,4}){0,2}(?:[ap]\.?m\.?)?", re.IGNORECASE)
_DOMAIN = re.compile(r"[\w-]+\.(?:com|net|org|tv)", re.IGNORECASE)
_STAMP_MAX_LEN = 120
_DIGIT = re.compile(r"\d")


def is_stamp(text: str) -> bool:
    """A line that only dates the page ("Updated: 01/26/2015 10:24 PM", "April 20, 2014 9:20 PM").

    Every word must be a date, a time or a stamp word, and the line must name itself a stamp (published,
    updated…) or carry both a four-digit year and a clock time: a bare "May 5" may head a timeline of the story.
    """
    if len(text) > _STAMP_MAX_LEN or not _stamp_word(text.split()[0].strip(",;|–—-:()").lower()):
        return False
    spaced = re.sub(r"([ap]\.m\.)(?=\w)", r"\1 ", text, flags=re.IGNORECASE)  # "2:51 p.m.on Wednesday"
    words = [w for w in (w.strip(",;|–—-:()").lower() for w in spaced.split()) if w]
    if not _DIGIT.search(text) or not all(_stamp_word(w) for w in words):
        return False
    named = any(w in {"published", "posted", "updated", "created", "modified"} for w in words)
    year = any(re.fullmatch(r"(?:19|20)\d\d", w) for w in words)
    clock = any(re.fullmatch(r"\d{1,2}:\d{2}(?:[ap]\.?m\.?)?", w) for w in words)
    return named or (year and clock)


def _stamp_word(word: str) -> bool:
    return (
        word in _STAMP_WORDS
        or _STAMP_NUMBER.fullmatch(word) is not None
        or _WEEKDAY_OR_MONTH.fullmatch(word.rstrip(".")) is not None
        or _DOMAIN.fullmatch(word) is not None
    )


# Video players and live tickers flag another story's title with one word: "Video California Lawmakers Eye …",
# "Developing Handcuffed Inmate Escapes from Transport Vehicle in Hayward".
_HEADLINE_FLAGS = frozenset({"Video", "Developing", "Watch", "Breaking", "Gallery", "Photos", "Slideshow"})
_FLAGGED_MIN_WORDS, _FLAGGED_MAX_LEN, _TITLE_CASE_SHARE = 4, 160, 0.6


def is_flagged_headline(text: str) -> bool:
    """A flag word, then a headline in title case with no closing period (prose has lower-case words)."""
    words = text.split()
    if len(text) > _FLAGGED_MAX_LEN or len(words) < _FLAGGED_MIN_WORDS or words[0] not in _HEADLINE_FLAGS:
        return False
    capitalised = sum(word[:1].isupper() or word[:1].isdigit() for word in words[1:])
    return capitalised >= _TITLE_CASE_SHARE * (len(words) - 1) and not text.endswith(".")


def is_contact(text: str) -> bool:
    """A reporter's contact line: an address, number or handle, and at most a short name beside it."""
    cheap_cue = "@" in text or "twitter.com" in text.lower() or _DIGIT.search(text)
    if len(text) > _CONTACT_MAX_LEN or not cheap_cue:
        return False
    if not _CONTACT_TOKEN.search(text):
        return False
    rest = _CONTACT_FILLER.sub(" ", _CONTACT_TOKEN.sub(" ", text)).split()
    return len(rest) <= _CONTACT_MAX_NAME_WORDS and all(word[:1].isupper() for word in rest)


def line_kind(text: str) -> str | None:
    """What one stripped line is if it is not the article (its kind), or None for article text."""
    folded = text.lower()
    for rule in RULES:
        if len(text) > rule.max_len or (rule.cues is not None and not rule.cues.search(folded)):
            continue
        if rule.pattern.search(text):
            return rule.kind
    if is_stamp(text):
        return "notice"
    if is_flagged_headline(text):
        return "related"
    if is_contact(text):
        return "credit"
    return None
