"""Reader for ECB+ (Cybulska & Vossen 2014; CC BY 3.0): topics of news documents with event coreference.

Layout: ``DIR/topics/<topic>/<topic>_<n>ecb[plus].xml`` (or the topic folders directly under ``DIR``) and
``DIR/ECBplus_coreference_sentences.csv``. Each topic has two sub-topics, the ``ecb`` and ``ecbplus`` halves,
which report two different real events of the same kind. The gold cluster of a mention is the instance id of
its ``CROSS_DOC_COREF`` relation, else its ``INTRA_DOC_COREF`` chain (scoped to the document), else the
mention alone (a singleton) — the convention of Cybulska & Vossen's and Barhom et al.'s evaluations.
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

TRAIN_TOPICS = tuple(range(1, 23))
DEV_TOPICS = (23, 24, 25)
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
#: Tokens written without a space before them (PTB punctuation and clitics).
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
                    "'S", "N'T", "...", "'", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "``"}
_QUOTES = {"``": '"', "''": '"'}


@dataclass(frozen=True, slots=True)
class Token:
    id: int  # the corpus t_id
    sentence: int
    text: str
    start: int  # character offsets into Document.text
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An annotated mention: ``tag`` is the ECB+ tag (ACTION_OCCURRENCE, HUMAN_PART_PER, LOC_GEO, TIME_DATE…)."""

    doc: str
    id: str
    tag: str
    tokens: tuple[int, ...]
    sentence: int
    cluster: str

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(("ACTION", "NEG_ACTION"))


@dataclass
class Document:
    name: str  # "1_10ecbplus"
    topic: int
    subtopic: str  # "1ecb" or "1ecbplus": one real event
    text: str
    tokens: list[Token]
    mentions: list[Mention] = field(default_factory=list)
    annotated: frozenset[int] = frozenset()  # sentence numbers listed in the coreference sentences file

    def token(self, token_id: int) -> Token:
        return self.tokens[self._position[token_id]]

    def span(self, mention: Mention) -> tuple[int, int]:
        return self.token(mention.tokens[0]).start, self.token(mention.tokens[-1]).end

    def __post_init__(self) -> None:
        self._position = {token.id: i for i, token in enumerate(self.tokens)}

    @property
    def events(self) -> list[Mention]:
        """The event mentions of the annotated sentences: what the standard evaluation scores."""
        return [m for m in self.mentions if m.is_event and m.sentence in self.annotated]


def topic_folders(root: Path) -> dict[int, Path]:
    base = root / "topics" if (root / "topics").is_dir() else root
    return {int(p.name): p for p in base.iterdir() if p.is_dir() and p.name.isdigit()}


def read_corpus(root: Path, topics: list[int] | None = None) -> list[Document]:
    """Every document of the given topics (all present when None), sorted by topic, sub-topic and number."""
    root = Path(root)
    folders = topic_folders(root)
    if not folders:
        raise FileNotFoundError(f"no ECB+ topic folders under {root}")
    wanted = sorted(folders) if topics is None else [t for t in topics if t in folders]
    sentences = _annotated_sentences(root / "ECBplus_coreference_sentences.csv")
    paths = [p for t in wanted for p in folders[t].glob("*.xml") if _NAME.match(p.name)]
    paths.sort(key=lambda p: tuple(int(x) if x.isdigit() else x for x in _NAME.match(p.name).groups()))
    return [read_document(path, sentences) for path in paths]


def _annotated_sentences(path: Path) -> dict[str, frozenset[int]]:
    if not path.exists():
        return {}
    found: dict[str, set[int]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            found[f"{row['Topic'].strip()}_{row['File'].strip()}"].add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def read_document(path: Path, sentences: dict[str, frozenset[int]] | None = None) -> Document:
    topic, number, half = _NAME.match(path.name).groups()
    name = path.name[: -len(".xml")]
    root = ET.parse(path).getroot()
    text, tokens = _detokenize([
        (int(t.get("t_id")), int(t.get("sentence")), t.text or "") for t in root.iter("token")
    ])
    doc = Document(name, int(topic), f"{topic}{half}", text, tokens,
                   annotated=(sentences or {}).get(name, frozenset()))
    doc.mentions = _mentions(root, doc)
    return doc


def _detokenize(raw: list[tuple[int, int, str]]) -> tuple[str, list[Token]]:
    """Tokens joined as a newspaper would print them; the first sentence (a headline or URL) on its own line."""
    parts: list[str] = []
    tokens: list[Token] = []
    length = 0
    previous: tuple[int, str] | None = None
    for token_id, sentence, raw_surface in raw:
        if previous is not None:
            gap = _gap(previous, sentence, raw_surface)
            parts.append(gap)
            length += len(gap)
        surface = _QUOTES.get(raw_surface, raw_surface)
        tokens.append(Token(token_id, sentence, surface, length, length + len(surface)))
        parts.append(surface)
        length += len(surface)
        previous = (sentence, raw_surface)
    return "".join(parts), tokens


def _gap(previous: tuple[int, str], sentence: int, surface: str) -> str:
    last_sentence, last = previous
    if sentence != last_sentence:
        return "\n\n" if last_sentence == 0 else " "
    if surface in _NO_SPACE_BEFORE or last in _NO_SPACE_AFTER:
        return ""
    return " "


def _mentions(root: ET.Element, doc: Document) -> list[Mention]:
    """Surface mentions (markables with token anchors) with their gold cluster ids."""
    cluster: dict[str, str] = {}
    for relation in root.iter("INTRA_DOC_COREF"):
        target = relation.find("target").get("m_id")
        for source in relation.iter("source"):
            cluster[source.get("m_id")] = f"{doc.name}:intra{target}"
    for relation in root.iter("CROSS_DOC_COREF"):  # cross-document chains win over within-document ones
        for source in relation.iter("source"):
            cluster[source.get("m_id")] = relation.get("note")
    markables = root.find("Markables")
    found = []
    for markable in markables if markables is not None else []:
        anchors = tuple(int(a.get("t_id")) for a in markable.iter("token_anchor"))
        if not anchors:
            continue
        m_id = markable.get("m_id")
        found.append(Mention(doc.name, m_id, markable.tag, anchors, doc.token(anchors[0]).sentence,
                             cluster.get(m_id, f"{doc.name}:{m_id}")))
    return found


def parse_topics(spec: str | None) -> list[int] | None:
    """ "23,24,25" or "1-22" (or a mix) → topic numbers; None means every topic present."""
    if not spec:
        return None
    topics: list[int] = []
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        topics.extend(range(int(low), int(high or low) + 1))
    return topics


def parse(docs: list[Document], model: str | None = None, cache: Path | None = None) -> dict[str, SpacyDoc]:
    """spaCy parses of the documents' texts, cached on disk per model and text (benchmarks re-run often)."""
    import hashlib
    import os
    import tempfile

    from spacy.tokens import DocBin

    from newsledger.annotate.nlp import load, model_name

    nlp = load(model)
    folder = Path(cache or os.environ.get("NEWSLEDGER_ECB_CACHE") or Path(tempfile.gettempdir()) / "ecb-cache")
    folder = folder / model_name(model)
    folder.mkdir(parents=True, exist_ok=True)
    found, missing = {}, []
    for doc in docs:
        path = folder / f"{doc.name}-{hashlib.sha1(doc.text.encode()).hexdigest()[:10]}.spacy"
        if path.exists():
            found[doc.name] = next(DocBin().from_disk(path).get_docs(nlp.vocab))
        else:
            missing.append((doc, path))
    for (doc, path), parsed in zip(missing, nlp.pipe((d.text for d, _ in missing), batch_size=16)):
        DocBin(docs=[parsed], store_user_data=False).to_disk(path)
        found[doc.name] = parsed
    return found
