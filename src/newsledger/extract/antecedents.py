"""Whom an unnamed person source stands for: "he said" for the nearest earlier person the pronoun agrees
with, the most salient first; "the mayor" or "the South Carolina senator" for the nearest earlier person the
text named with that role ("Mayor Bill de Blasio", "Sen. Lindsey Graham", "Graham, the senator").

Gender and roles come from the article itself, never from outside lists of names: a title ("Mr.", "Ms.") or
a role word before a name ("Sen.", "Republican presidential nominee"), an apposition, a gendered noun beside
the name ("the 34-year-old mother of three"), and the pronouns that take up a name as the subject of the next
sentence. Names inside quotations are what a speaker talks of, so no pronoun outside takes them up; a subject
pronoun carries its person on ("Schultz said …. He told me …. He said …"). A resolution reads as the fullest
form of the name the article uses ("Bill de Blasio", not "de Blasio"; "James Murdoch" for a "James" when he
is the only James named).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsledger.extract import cues
from newsledger.extract.cues import Range
from newsledger.extract.reading import Reading

MALE = frozenset(("he", "him", "his", "himself"))
FEMALE = frozenset(("she", "her", "hers", "herself"))
_TITLES = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f"}
#: Role words as written before a name, as the descriptor's head noun says them.
_ROLE_FORMS = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "pres.": "president", "gen.": "general",
    "lt.": "lieutenant", "sec.": "secretary", "atty.": "attorney", "congressman": "representative",
    "congresswoman": "representative", "lawmaker": "representative", "chairwoman": "chairman",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "advisor": "adviser",
}
#: Nouns that tell a person's gender when the text puts them next to the name ("Ivanka Trump, the 34-year-old
#: mother of three").
_GENDERED_NOUNS = {
    **dict.fromkeys(cues.words("""mother wife woman daughter sister widow grandmother actress businesswoman
        congresswoman spokeswoman chairwoman girl aunt niece queen"""), "f"),
    **dict.fromkeys(cues.words("""father husband man son brother widower grandfather businessman
        congressman spokesman boy uncle nephew king"""), "m"),
}
#: Pronouns that, as subjects, carry a person on to the next sentences.
_CHAINING = frozenset(("he", "she"))
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: A word of a name: letters, with inner apostrophes or hyphens ("O'Reilly", "Jo-Renee"), no digits or brackets.
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: How far back a pronoun looks for its person, in sentences, before settling for the nearest one anywhere.
_WINDOW = 4


@dataclass(slots=True)
class _Person:
    """Everyone the article names with one surname: where, with what roles, and which pronouns took them up."""

    names: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)  # "m" / "f" evidence

    @property
    def gender(self) -> str | None:
        (top, count), *rest = self.votes.most_common(2) or [(None, 0)]
        return top if count and (not rest or rest[0][1] < count) else None

    @property
    def full_name(self) -> str:
        return max(self.names, key=len)


@dataclass(frozen=True, slots=True)
class _Mention:
    person: str  # the surname key
    span: Range
    sentence: int
    subject: bool
    quoted: bool  # inside a quotation: someone the speaker talks of, not a speaker a later pronoun takes up
    named: Range | None = None  # for a pronoun that took a person up, where that person was named


class People:
    """The people a doc names, read once per doc; every lookup bisects, so an article of thousands of names
    and pronouns stays near linear."""

    def __init__(self, doc: Doc, read: Reading | None = None):
        read = read or Reading(doc)  # token strings from arrays: a Token object per access made this a hot spot
        self.sentence_of = list(itertools.accumulate(read.sent_start[1:], initial=0))
        first_subject: dict[int, str] = {}  # sentence number -> its first subject, lower-cased
        for i, dep in enumerate(read.dep):
            if dep == "nsubj":
                first_subject.setdefault(self.sentence_of[i], read.lower[i])
        quoted = _quoted_tokens(read)
        self.people: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        bearers: dict[str, Counter] = {}  # surname -> how often each full name with it was seen so far
        given: dict[str, set[str]] = {}  # first name -> the full names that start with it
        named = [(entity, _name_words(entity)) for entity in _person_spans(doc, read)]
        surnames = {words[-1].lower_ for _, words in named if len(words) > 1}
        singles = set()  # names of one word: "James" is some person's name, though he is James Murdoch
        for entity, words in named:
            surname = words[-1].lower_
            if len(words) > 1:
                key = " ".join(t.lower_ for t in words)
                bearers.setdefault(surname, Counter())[key] += 1
                given.setdefault(words[0].lower_, set()).add(key)
            elif surname in bearers:  # "Trump" is the Trump named most so far, not the last one ("Ivanka Trump")
                key = bearers[surname].most_common(1)[0][0]
            elif surname not in surnames and len(given.get(surname, ())) == 1:
                # "James", when James Murdoch is the only James named so far (and "Obama" is no first name)
                key = next(iter(given[surname]))
            else:
                key = surname
            if len(words) == 1:
                singles.add(surname)
            person = self.people.setdefault(key, _Person())
            person.names.append(_POSSESSIVE.sub("", entity.text.strip()))
            described = _described_by(entity)
            person.roles |= {role for t in described for role in (_role(t.lower_), _role(t.lemma_)) if role}
            before = doc[entity.start - 1].lower_ if entity.start else ""
            if before in _TITLES:
                person.votes[_TITLES[before]] += 3
            for word in described:  # "Ivanka Trump, the 34-year-old mother of three"; not "Carole King"
                if word.lower_ in _GENDERED_NOUNS and word.pos_ != "PROPN" and not entity.start <= word.i < entity.end:
                    person.votes[_GENDERED_NOUNS[word.lower_]] += 3
            sentence = self.sentence_of[entity.start]
            subject = entity.root.dep_ in ("nsubj", "nsubjpass")
            self.mentions.append(_Mention(key, (entity.start_char, entity.end_char), sentence, subject,
                                         quoted[entity.start]))
            # "Graham spoke. He said…": a gendered pronoun subject of the next sentence most likely takes up the
            # subject (a pronoun in the same sentence may as well be anyone else's)
            taken_up = first_subject.get(sentence + 1) if subject else None
            if taken_up is not None and (gender := _GENDERS.get(taken_up)):
                person.votes[gender] += 2
        self._surnames = {key.rsplit(" ", 1)[-1] for key in self.people} | singles
        self._genders = {key: person.gender for key, person in self.people.items()}
        #: the mentions a pronoun of each gender may take up ("f" excludes the men), with their ends to bisect
        self._agreeing = {wanted: _Index([]) for wanted in ("m", "f", None)}
        self._known = {wanted: _Index([]) for wanted in ("m", "f")}
        self._chain(doc, read, quoted)
        self._by_role: dict[str, _Index] = {}

    def _chain(self, doc: Doc, read: Reading, quoted: list[bool]) -> None:
        """Index, in text order, the names outside quotations and the subject pronouns outside quotations as
        mentions of whom they take up: "Schultz said …. The difference now, he told me, … kinder to Mr. Trump.
        He said …" — the second "he" takes up the first, so Schultz, not the Trump named in between."""
        names = iter(m for m in self.mentions if not m.quoted)
        pronouns = (doc[i] for i, (word, dep) in enumerate(zip(read.lower, read.dep))
                    if word in _CHAINING and dep in ("nsubj", "nsubjpass") and not quoted[i])
        upcoming = next(names, None)
        for token in pronouns:
            while upcoming is not None and upcoming.span[1] <= token.idx:
                self._take(upcoming)
                upcoming = next(names, None)
            antecedent = self._taken_up(token, token.idx)
            if antecedent is not None:
                self._take(_Mention(antecedent.person, (token.idx, token.idx + len(token)),
                                    self.sentence_of[token.i], True, False, antecedent.named or antecedent.span),
                           _gender_of(token))
        while upcoming is not None:
            self._take(upcoming)
            upcoming = next(names, None)

    def _take(self, mention: _Mention, said: str | None = None) -> None:
        """Index a mention under the genders it agrees with: its person's, and for a pronoun (``said``) only
        the pronoun's too ("he" of a person of no known gender is no later "she"'s)."""
        gender = self._genders[mention.person]
        self._agreeing[None].add(mention)
        for wanted in ("m", "f"):
            if gender in (None, wanted) and said in (None, wanted):
                self._agreeing[wanted].add(mention)
        if gender is not None:
            self._known[gender].add(mention)

    def bears(self, word: str) -> bool:
        """Whether some person in the article has this (lower-cased) surname."""
        return word in self._surnames

    def pronoun(self, token: Token, before: int) -> tuple[str, Range] | None:
        """The person a pronoun at ``token`` takes up, from the names outside quotations and the subject
        pronouns that took someone up before ``before``: in the nearest sentence with a person of its gender
        within reach (else with one it agrees with, of no known gender), the subject, else the first named;
        the nearest agreeing name when no sentence within reach has one."""
        mention = self._taken_up(token, before)
        if mention is None:
            return None
        return self.people[mention.person].full_name, mention.named or mention.span

    def _taken_up(self, token: Token, before: int) -> _Mention | None:
        gender = _gender_of(token)
        index = self._agreeing[gender]
        found = index.by(before)
        if not found:
            return None
        known = self._known[gender] if gender else None
        known_found = known.by(before) if known else 0
        if known_found and self.sentence_of[token.i] - known.mentions[known_found - 1].sentence <= _WINDOW:
            index, found = known, known_found  # "she" takes up a woman named within reach before anyone unknown
        nearest = index.mentions[found - 1]
        if self.sentence_of[token.i] - nearest.sentence > _WINDOW:
            return nearest
        return index.subject_or_first(found - 1)

    def described(self, head: Token, before: int) -> tuple[str, Range] | None:
        """The nearest person named before ``before`` with the role of a descriptor's head noun."""
        role = _role(head.lower_) or _role(head.lemma_)
        if role is None:
            return None
        if role not in self._by_role:
            self._by_role[role] = _Index([m for m in self.mentions if role in self.people[m.person].roles])
        index = self._by_role[role]
        found = index.by(before)
        if not found:
            return None
        mention = index.mentions[found - 1]
        return self.people[mention.person].full_name, mention.span


def _person_spans(doc: Doc, read: Reading) -> list:
    """The people the doc names: its PERSON entities, and the other mentions of their surnames that the
    entity tagger left unlabelled ("Oz has been dogged by charges that he …", where only one "Oz" of many
    was tagged a person)."""
    persons = [e for e in doc.ents if e.label_ == "PERSON" and _name_words(e)]
    surnames = {_name_words(entity)[-1].lower_ for entity in persons}
    bare = [_with_first_names(doc[i]) for i, word in enumerate(read.lower)
            if word in surnames and read.pos[i] == "PROPN" and not read.ent[i] and read.dep[i] != "compound"]
    return sorted(persons + bare, key=lambda span: span.start)


def _name_words(entity) -> list[Token]:
    return [t for t in entity if _NAME_WORD.fullmatch(t.text)]


def _with_first_names(surname: Token):
    """The name a surname ends: an untagged "Ivanka Trump" is hers, not a mention of the best-known Trump."""
    first = min((c.i for c in surname.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=surname.i)
    return surname.doc[first:surname.i + 1]


class _Index:
    """Mentions in text order with their ends, to find the last one ending by a position."""

    def __init__(self, mentions: list[_Mention]):
        self.mentions: list[_Mention] = []
        self._ends: list[int] = []
        #: per mention, the first mention of its sentence up to it, and the first subject (or -1): a sentence of
        #: thousands of "he said he knew" is looked up without a walk back through it
        self._first: list[int] = []
        self._first_subject: list[int] = []
        for mention in mentions:
            self.add(mention)

    def add(self, mention: _Mention) -> None:
        """Append a mention ending at or after every one indexed."""
        k = len(self.mentions)
        same = k > 0 and self.mentions[-1].sentence == mention.sentence
        first, subject = (self._first[-1], self._first_subject[-1]) if same else (k, -1)
        self.mentions.append(mention)
        self._ends.append(mention.span[1])
        self._first.append(first)
        self._first_subject.append(k if subject < 0 and mention.subject else subject)

    def subject_or_first(self, k: int) -> _Mention:
        """The first subject among the mentions of mention ``k``'s sentence up to it, else the first of them."""
        subject = self._first_subject[k]
        return self.mentions[subject if subject >= 0 else self._first[k]]

    def by(self, position: int) -> int:
        """How many of the mentions end by ``position``."""
        return bisect.bisect_right(self._ends, position)


_GENDERS = {**dict.fromkeys(MALE, "m"), **dict.fromkeys(FEMALE, "f")}


def _gender_of(token: Token) -> str | None:
    return _GENDERS.get(token.lower_)


def _role(word: str) -> str | None:
    """The role a word names, in the form descriptors use ("Sen." -> "senator"), or None."""
    word = word.lower()
    role = _ROLE_FORMS.get(word, word)
    return role if role in _KNOWN_ROLES else None


def _described_by(entity) -> list[Token]:
    """The words the text attaches to a name: before it in its noun phrase ("Sen. Lindsey Graham",
    "Republican presidential nominee Donald Trump"), its apposition ("Graham, the senator"), or the noun it
    stands in apposition to ("the mayor, Bill de Blasio")."""
    doc, root = entity.doc, entity.root
    words = [*doc[root.left_edge.i:entity.start], *entity]
    words += [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        words.append(root.head)
    return words


def _quoted_tokens(read: Reading) -> list[bool]:
    """Which tokens lie inside quotation marks."""
    inside = [False] * read.n
    for start, end in read.quotes:
        for i in range(bisect.bisect_left(read.idx, start), bisect.bisect_left(read.idx, end)):
            inside[i] = True
    return inside


_KNOWN_ROLES = cues.ROLE_NOUNS

