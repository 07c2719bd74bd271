"""Findings: what a story's sources say about each slot of each happening, and how well it is established.

For each cross-document event the values of its slots are gathered from the event mentions' argument spans and
from the text around them — the content of the attribution that holds the mention, or the mention's sentence
when the outlet speaks in its own voice. Each value is credited to the innermost attribution whose content
holds it and to that attribution's origin (``independence``). Then per slot:

* incompatible values → ``disputed``, each side with its supporters, unless they are a count rising on a later
  day (``updates``): then ``updated``, in time order; the people shot (less the dead) are the injured;
* else two or more independent origins → ``corroborated``, one → ``single_source``. Speculation ("is
  suspected", "officials believe") is shown but confirms nothing;
* a party that denies or declines to comment on the happening gets a ``denied`` / ``no_comment`` finding;
* attributions in different articles whose contents say the same thing, outside any slot, become a ``claim``.

Pure and deterministic: the same records give the same findings, ids ``f_<story>:<n>`` in a stable order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from newsledger.reconcile import count_reader
from newsledger.reconcile.claim_pairs import claim_groups, content_words
from newsledger.reconcile.claims import Claim
from newsledger.reconcile.counts import count_value
from newsledger.reconcile.derived import counts_told, injured_from_counts
from newsledger.reconcile.facets import comparable
from newsledger.reconcile.independence import (
    Origin,
    origin,
    says_something,
    speaks,
    written_up,
)
from newsledger.reconcile.judging import (
    confirming_origins,
    established,
    happening_name,
    slot_finding,
    slot_value,
)
from newsledger.reconcile.pronouns import Antecedents, is_bare
from newsledger.reconcile.refusals import answers_about_facts, party_name
from newsledger.reconcile.region_values import RegionValues
from newsledger.reconcile.slots import (
    SLOTS,
    Relations,
    agent_value,
    date_value,
    description_value,
    place_value,
    town_of,
    weapon_value,
)
from newsledger.reconcile.values import Found, Value
from newsledger.records import (
    Article,
    Attribution,
    CrossEvent,
    Event,
    EventType,
    Evidence,
    Factuality,
    Finding,
    FindingStatus,
    SlotValue,
    Span,
    Stance,
    Story,
    innermost_holder,
)

#: Events whose agent is a perpetrator and whose patient is a target.
AGENTIVE = {EventType.ATTACK, EventType.LAUNCH, EventType.ARREST, EventType.DEATH}
#: The event types a slot belongs to first, when a value sits near mentions of several happenings.
HOME = {
    "launched": {EventType.LAUNCH}, "shot_down": {EventType.INTERCEPTION}, "hit": {EventType.ATTACK},
    "killed": {EventType.DEATH, EventType.ATTACK}, "injured": {EventType.ATTACK, EventType.DAMAGE},
    "shot": {EventType.ATTACK}, "legal": {EventType.ATTACK, EventType.DEATH},
    "arrested": {EventType.ARREST}, "damage": {EventType.DAMAGE, EventType.ATTACK},
    "weapon": {EventType.ATTACK}, "agent": {EventType.ATTACK}, "magnitude": {EventType.DAMAGE},
}
#: Cue lemmas that make a hedge a guess rather than a report ("officials claim" reports; "is suspected" guesses).
SPECULATIVE = {"suspect", "believe", "think", "fear", "appear", "seem", "suggest", "speculate", "assume", "guess",
               "expect", "suppose", "wonder", "estimate"}
ROLE_WORDS = re.compile(r"\b(?:role|responsib\w*|involve\w*|behind|conduct\w*|carr\w+ out|report\w*|claim\w*|"
                        r"allegation\w*)\b", re.IGNORECASE)
REACH = 400  # characters around a denial, or a content without mentions, in which its happening is looked for
CLAIM_SIMILARITY = 0.5
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|\n|$)")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass
class _Context:
    story: Story
    articles: dict[str, Article]
    attributions: dict[str, list[Attribution]]
    relations: Relations
    voices: dict[str, Origin]  # articles that write up another outlet's report → that outlet (``written_up``)
    values: RegionValues  # what each region says, read once per region and kept
    _sentences: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    _antecedents: dict[str, Antecedents] = field(default_factory=dict)
    _speakers: dict[str, list[Attribution]] = field(default_factory=dict)
    _origins: dict[tuple[str | None, str], Origin] = field(default_factory=dict)

    def origin(self, attribution: Attribution | None, article: str) -> Origin:
        """Worked out once per attribution: a story's claims ask it of the same few again and again."""
        key = (attribution.id if attribution else None, article)
        if key not in self._origins:
            self._origins[key] = origin(attribution, self.articles[article], self.articles, self.voices.get(article))
        return self._origins[key]

    def sentences(self, article: str) -> tuple[list[int], list[int]]:
        """The (starts, ends) of the article's sentences, found once per article."""
        if article not in self._sentences:
            found = [(m.start(), m.end()) for m in _SENTENCE.finditer(self.articles[article].text)]
            self._sentences[article] = ([start for start, _ in found], [end for _, end in found])
        return self._sentences[article]

    def antecedents(self, article: str) -> Antecedents:
        if article not in self._antecedents:
            self._antecedents[article] = Antecedents(self.articles[article].text, self.attributions.get(article, []))
        return self._antecedents[article]

    def holder(self, article: str, start: int, end: int) -> Attribution | None:
        """The innermost attribution whose content holds the span (a relay's outer report is not the source),
        passing over "sources" that are no speaker ("the drones managed to…": kind unknown)."""
        if article not in self._speakers:
            self._speakers[article] = [a for a in self.attributions.get(article, []) if speaks(a)]
        return innermost_holder(self._speakers[article], Span("", start, end))


def findings_for_story(story: Story, articles: list[Article], attributions: list[Attribution], events: list[Event],
                       cross_events: list[CrossEvent], values: RegionValues | None = None) -> list[Finding]:
    """The story's findings: slot findings per happening (most widely reported first), then denials and claims;
    none for a story that does not hold together (``comparable``). ``values``: regions read before, recalled."""
    if not comparable(story):
        return []
    slots, derived, answered = decide(gather(story, articles, attributions, events, cross_events, values))
    return numbered(story.id, [*slots, *derived, *answered])


def decide(gathered: Gathered) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """The slot findings (per happening, most widely reported first), those derived from them, and the answers."""
    by_slot = claims_by_slot(gathered.claims)
    story = gathered.context.story.id
    made = [slot_finding(story, happening, slot, by_slot[happening.id, slot], gathered.context.relations)
            for happening in gathered.happenings for slot in SLOTS if (happening.id, slot) in by_slot]
    derived = injured_from_counts(made, list(gathered.events.values()))
    return made, derived, answers(gathered, {f.event for f in made if f.slot == "agent"})


def claims_by_slot(claims: list[Claim]) -> dict[tuple[str, str], list[Claim]]:
    """The claims of each (happening, slot), in the order said."""
    by_slot: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.slot in SLOTS:
            by_slot[claim.event, claim.slot].append(claim)
    return by_slot


def numbered(story: str, findings: list[Finding]) -> list[Finding]:
    for n, finding in enumerate(findings):
        finding.id = finding_id(story, n)
    return findings


def finding_id(story: str, n: int) -> str:
    """The id of the story's finding number ``n``."""
    return f"f_{story}:{n}"


@dataclass
class Gathered:
    """What a story's articles say of its happenings: every claim, with the context it was read in."""

    context: _Context
    happenings: list[CrossEvent]  # most widely reported first
    events: dict[str, Event]
    claims: list[Claim]


def gather(story: Story, articles: list[Article], attributions: list[Attribution], events: list[Event],
           cross_events: list[CrossEvent], values: RegionValues | None = None,
           counted: frozenset[str] = frozenset(), read_learned: bool = True) -> Gathered:
    """The claims of these articles on the story's happenings; ``counted``: the slots whose counts other articles
    of the story already give (a count is then not inferred from victims named, nor read by the learned readers);
    ``read_learned``: whether the learned count readers read these articles (they read a story's earliest)."""
    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article].append(attribution)
    by_id = {a.id: a for a in articles}
    voices = {a.id: voice for a in articles if (voice := written_up(a, by_article.get(a.id, []), by_id))}
    context = _Context(story, by_id, dict(by_article), Relations(), voices, values or RegionValues())
    events_by_id = {e.id: e for e in events if e.article in context.articles}
    happenings = sorted((c for c in cross_events if c.story == story.id),
                        key=lambda c: (-len(c.articles), -len(c.mentions), c.id))
    return Gathered(context, happenings, events_by_id,
                    _claims(context, happenings, events_by_id, counted, read_learned))


def answers(gathered: Gathered, with_agent: set[str]) -> list[Finding]:
    """The findings beside the slots: parties denying or declining to comment (``with_agent``: the happenings
    whose agent a slot finding gives), and the same claim in several articles (of attributions no slot holds)."""
    used = {c.attribution for c in gathered.claims if c.attribution and c.slot in SLOTS}
    attributions = [a for found in gathered.context.attributions.values() for a in found]
    return _denials(gathered.context, gathered.happenings, gathered.events, with_agent) + _same_claims(
        gathered.context, attributions, used)


# --- gathering values ----------------------------------------------------------------------------------------

def _claims(context: _Context, happenings: list[CrossEvent], events: dict[str, Event], counted: frozenset[str],
            read_learned: bool) -> list[Claim]:
    """Every value of every slot, once: argument spans first, then what the text around the mentions says."""
    claims: dict[tuple[str, str, int, int], Claim] = {}
    near: dict[tuple[str, int, int], list[tuple[Event, CrossEvent]]] = defaultdict(list)
    in_article: dict[str, list[tuple[Event, CrossEvent]]] = defaultdict(list)  # the mentions, by article
    for happening in happenings:
        for event in (events[m] for m in happening.mentions if m in events):
            for slot, span, value in _arguments(event, context):
                _add(claims, context, happening.id, slot, value, event.article, span.start, span.end, event)
            near[_region(context, event)].append((event, happening))
            in_article[event.article].append((event, happening))
    _unmentioned(context, in_article, near)
    values: dict[tuple[str, str, int, int], tuple[Found, list[tuple[Event, CrossEvent]]]] = {}
    for (article, start, end), mentions in sorted(near.items()):  # a value in nested regions: all their mentions
        for found in context.values.found(article, context.articles[article].text, start, end, context.relations):
            key = (found.slot, article, found.start, found.end)
            values.setdefault(key, (found, []))[1].extend(mentions)
    for (_, article, _, _), (found, mentions) in values.items():
        event, happening = _home(found, mentions)
        _add(claims, context, happening.id, found.slot, found.value, article, found.start, found.end, event,
             found.support)
    home = {mention: happening for happening in happenings for mention in happening.mentions}
    told = [event for event in events.values() if event.id in home]
    for slot, event, n in counts_told(told, counted | {slot for slot, _, _, _ in claims}):  # "killed A and B": two
        _add(claims, context, home[event.id].id, slot, count_value(str(n)), event.article,
             min(event.patient.start, event.trigger.start), max(event.patient.end, event.trigger.end), event)
    read = counted | {slot for slot, _, _, _ in claims}  # no rule read how many: the learned readers', in their sentences
    readers = [r for r in count_reader.shipped().readers if read_learned and not read & count_reader.READ_BY_RULES[r.slot]]
    found = count_reader.story_mentions(count_reader.earliest(context.articles[a] for a in in_article)) if readers else []
    for reader, reading in ((r, r.read(found)) for r in readers):
        for article, mention, _ in reading.mentions if reading else ():  # homed as a rule's value would be
            value = count_value(str(reading.value))
            event, happening = _home(Found(reader.slot, mention.start, mention.end, value), in_article[article])
            _add(claims, context, happening.id, reader.slot, value, article, mention.start, mention.end, event,
                 how=f"{count_reader.LEARNED}, score {reading.score:.2f}")
    return list(claims.values())


def _arguments(event: Event, context: _Context):
    """(slot, span, value) from the event's own argument spans; a pronoun ("He", "who") stands for what it takes
    up, or gives no value."""
    relations = context.relations
    if event.agent and event.type in AGENTIVE:
        value = agent_value(_words_for(event.agent, event, context) or "", relations)
        if value:
            yield "agent", event.agent, value
        elif weapon := weapon_value(event.agent.text):
            yield "weapon", event.agent, weapon
    if event.patient and event.type in AGENTIVE:
        if event.type == EventType.LAUNCH and (weapon := weapon_value(event.patient.text)):
            yield "weapon", event.patient, weapon
        elif event.type == EventType.ATTACK:
            value = description_value(_words_for(event.patient, event, context) or "")
            if value:
                yield "target", event.patient, value
    if event.place:
        value = place_value(event.place, relations)
        if value:
            yield "place", event.place, value
        elif (town := town_of(event.place, relations)) is not None:
            yield "place", event.place.within, town
    if event.time and event.time.value:
        yield "time", event.time, date_value(event.time.value)


def _words_for(span: Span, event: Event, context: _Context) -> str | None:
    """The span's words, or for a bare pronoun what it stands for (None when nothing says)."""
    if not is_bare(span.text):
        return span.text
    return context.antecedents(event.article).of(span.start, span.end)


def _region(context: _Context, event: Event) -> tuple[str, int, int]:
    """Where to read values around a mention: its attribution's content, else its sentence."""
    holder = context.holder(event.article, event.trigger.start, event.trigger.end)
    if holder:
        return event.article, holder.content.start, holder.content.end
    starts, ends = context.sentences(event.article)
    i = bisect_right(starts, event.trigger.start) - 1
    if i >= 0 and event.trigger.start < ends[i]:
        return event.article, starts[i], ends[i]
    return event.article, event.trigger.start, event.trigger.end


def _unmentioned(context: _Context, mentions: dict[str, list[tuple[Event, CrossEvent]]],
                 near: dict[tuple[str, int, int], list[tuple[Event, CrossEvent]]]) -> None:
    """Contents that mention no event ("the operation was conducted by Israel's Mossad") are read too, for the
    happenings mentioned within ``REACH`` characters of them."""
    for article, attributions in sorted(context.attributions.items()):
        for attribution in attributions:
            region = (article, attribution.content.start, attribution.content.end)
            if article not in context.articles or region in near:
                continue
            close = [(e, h) for e, h in mentions.get(article, ()) if region[1] - REACH <= e.trigger.start <= region[2] + REACH]
            if close:
                near[region] = close


def _home(found: Found, mentions: list[tuple[Event, CrossEvent]]) -> tuple[Event, CrossEvent]:
    """The happening a value belongs to: one of the slot's own type first, then the nearest mention."""
    def rank(item: tuple[Event, CrossEvent]) -> tuple:
        event, happening = item
        distance = min(abs(event.trigger.start - found.end), abs(found.start - event.trigger.end))
        return (happening.type not in HOME.get(found.slot, set()), distance, happening.id)

    return min(mentions, key=rank)


def _add(claims: dict, context: _Context, happening: str, slot: str, value: Value, article: str, start: int,
         end: int, event: Event, support: tuple[tuple[int, int], ...] = (), how: str = "") -> None:
    key = (slot, article, start, end)
    if key in claims:
        return
    holder = context.holder(article, start, end)
    if holder and holder.stance in (Stance.DENIES, Stance.DECLINES_TO_COMMENT):
        return  # what a denial mentions is what it denies: see _denials
    if event.factuality == Factuality.HYPOTHETICAL:
        return  # "seek to block Mossad from carrying out attacks" says nothing happened
    claims[key] = _claim(context, happening, slot, value, article, start, end, holder, support, how)


def _claim(context: _Context, happening: str, slot: str, value: Value, article: str, start: int, end: int,
           holder: Attribution | None, support: tuple[tuple[int, int], ...] = (), how: str = "") -> Claim:
    said_in = context.articles[article]
    source = context.origin(holder, article)
    speculative = _speculative(holder)
    evidence = tuple(Evidence(article, said_in.text[s:e], s, e, holder.id if holder else None)
                     for s, e in dict.fromkeys(((start, end), *support)))
    return Claim(happening, slot, value, article, start, end, holder.id if holder else None, source, speculative,
                 evidence, _voice(context, holder, article, source, speculative), context.origin(None, article).key,
                 said_in.published, how)


def _voice(context: _Context, attribution: Attribution | None, article: str, source: Origin,
           speculative: bool) -> str:
    """How a supporter reads in an explanation: "The New York Times (002…) citing anonymous … officials"."""
    where = context.articles[article].label
    if attribution is None or attribution.source is None:
        voice = f"{where} in its own voice"
        if source == context.voices.get(article):
            voice += f", writing up {source.label}"
    elif attribution.via:
        voice = f"{attribution.via[0].text} ({where}) citing {source.label}"
    else:
        voice = f"{source.label} ({where})"
    return voice + (" — speculation" if speculative else "")


def _speculative(attribution: Attribution | None) -> bool:
    if attribution is None or attribution.stance != Stance.HEDGES:
        return False
    return attribution.source is None or any(word in SPECULATIVE for word in attribution.cue.lemma.split())


# --- denials and declines ------------------------------------------------------------------------------------

def _denials(context: _Context, happenings: list[CrossEvent], events: dict[str, Event],
             with_agent: set[str]) -> list[Finding]:
    """A party denying or declining to comment on a happening: answered happening = the nearest mention before
    the denial in its article (the claim it answers is usually just said)."""
    member = {m: h for h in happenings for m in h.mentions}
    in_article: dict[str, list[Event]] = defaultdict(list)
    for event in events.values():
        in_article[event.article].append(event)
    found = []
    for article in sorted(context.articles):
        for attribution in sorted(context.attributions.get(article, []), key=lambda a: a.cue.start):
            if not answers_about_facts(attribution, context.articles[article].text):  # "denied a request for an interview", "did not know"
                continue
            happening = _answered(attribution, in_article.get(article, []), member)
            about_agent = ROLE_WORDS.search(attribution.content.text) or _bare(attribution)
            slot = "agent" if happening and happening.id in with_agent and about_agent else "claim"
            found.append(_denial(context, attribution, happening, slot))
    return found


def _answered(attribution: Attribution, events: list[Event], member: dict[str, CrossEvent]) -> CrossEvent | None:
    start = min(attribution.cue.start, attribution.content.start)
    before = [e for e in events if e.id in member and start - REACH <= e.trigger.start < attribution.content.end]
    if not before:
        return None
    return member[max(before, key=lambda e: (e.trigger.start <= start, -abs(start - e.trigger.start))).id]


def _bare(attribution: Attribution) -> bool:
    """"has not confirmed or denied these reports": the content only points back at what was just said."""
    return len(_WORD.findall(attribution.content.text.lower())) <= 4


def _denial(context: _Context, attribution: Attribution, happening: CrossEvent | None, slot: str) -> Finding:
    article = context.articles[attribution.article]
    source = attribution.source
    parts = [attribution.cue, attribution.content, *([source] if source else [])]
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    who = context.origin(attribution, article.id)
    party = party_name(source) if source else article.label
    denied = attribution.stance == Stance.DENIES
    status = FindingStatus.DENIED if denied else FindingStatus.NO_COMMENT
    about = happening_name(happening) if happening else "the claim"
    action = "denies" if denied else "neither confirms nor denies"
    subject = {("agent", True): f"a role in {about}", ("agent", False): f"the reports of who carried out {about}",
               ("claim", True): f"what is said of {about}", ("claim", False): f"what is said of {about}"}[slot, denied]
    evidence = Evidence(article.id, article.text[start:end], start, end, attribution.id)
    explanation = (f"{party} {action} {subject}: “{attribution.content.text}” ({article.label})")
    return Finding("", context.story.id, happening.id if happening else None, slot, status,
                   [SlotValue(party, [evidence], [attribution.id], [who.key])], 1, explanation)


# --- the same claim in several articles ----------------------------------------------------------------------

def _same_claims(context: _Context, attributions: list[Attribution], used: set[str]) -> list[Finding]:
    """Attributions of different articles whose contents share most of their content words: one claim."""
    candidates = sorted((a for a in attributions if a.id not in used and a.article in context.articles
                         and a.stance not in (Stance.DENIES, Stance.DECLINES_TO_COMMENT) and says_something(a)),
                        key=lambda a: a.id)
    words = {a.id: content_words(a.content.text) for a in candidates}
    by_id = {a.id: a for a in candidates}
    found = []
    for group in ([by_id[i] for i in ids] for ids in claim_groups(words, {i: a.article for i, a in by_id.items()},
                                                                  CLAIM_SIMILARITY)):
        if len({a.article for a in group}) < 2:
            continue
        claims = [_claim(context, "", "claim", Value("claim", group[0].content.text), a.article, a.content.start,
                         a.content.end, a) for a in group]
        confirming = confirming_origins(claims)
        status = FindingStatus.CORROBORATED if len(confirming) >= 2 else FindingStatus.SINGLE_SOURCE
        explanation = established("claim", [claims], confirming)
        found.append(Finding("", context.story.id, None, "claim", status, [slot_value(claims)],
                             len(confirming), explanation))
    return found
