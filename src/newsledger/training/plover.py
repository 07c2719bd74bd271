"""Train the PLOVER typer's linear model on the PLOVER gold standard records (GSR).

    python -m newsledger.training.plover --data PLOVER_GSR_CAMEO.txt --out model.json.gz

Each GSR sentence gives one positive example, its main marked event word (``main_trigger``), labelled with its
PLOVER 2021 type, and negatives: the sentence's other
verbs and nouns, labelled NONE (words inside other marked event spans are left out: they are part of the event).
The model is a multinomial logistic regression (scikit-learn, the ``train`` extra) exported as a sparse weight
table that ``newsledger.extract.plover.model`` scores without scikit-learn.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsledger.evaluation.plover_corpus import GoldSentence, read
from newsledger.extract.plover.lexicon import SPEECH
from newsledger.extract.plover.model import (
    MODEL_PATH,
    NONE,
    LinearModel,
    is_candidate,
    save,
    token_features,
)
from newsledger.extract.plover.rules import lemma, lexicon_type
from newsledger.training import command

DEFAULT_C = 1.0
WEIGHT_FLOOR = 1e-3  # weights smaller than this are dropped from the artifact
DIGITS = 4


def marked_tokens(doc: Doc, marked: str) -> list[Token]:
    """The tokens of the first occurrence of a marked event text in the sentence, or none."""
    start = doc.text.find(marked)
    if start < 0 or not marked:
        return []
    span = doc.char_span(start, start + len(marked), alignment_mode="expand")
    return list(span) if span is not None else []


def main_trigger(doc: Doc, marked: tuple[str, ...], sentence) -> Token | None:
    """The marked word that carries the event: the first the lexicon types, else the first verb or noun that is
    not a reporting verb (the GSR often marks "announced" or "said" before the event itself)."""
    tokens = [t for text in marked for t in marked_tokens(doc, text) if is_candidate(t) and lemma(t) not in SPEECH]
    return next((t for t in tokens if lexicon_type(t, sentence) is not None), tokens[0] if tokens else None)


def examples(parsed: list[tuple[Doc, GoldSentence]]) -> tuple[list[list[str]], list[str]]:
    """Feature lists and labels for every candidate token of sentences whose trigger is found."""
    features, labels = [], []
    for doc, gold in parsed:
        event = gold.events[0] if gold.events else None
        if event is None or event.plover is None or not event.triggers:
            continue
        sentence = doc[:]
        trigger = main_trigger(doc, event.triggers, sentence)
        if trigger is None:
            continue
        inside = {t.i for marked in event.triggers for t in marked_tokens(doc, marked)}
        for token in sentence:
            if not is_candidate(token) or (token.i in inside and token.i != trigger.i):
                continue
            features.append(token_features(token, sentence, lexicon_type(token, sentence)))
            labels.append(event.plover.type if token.i == trigger.i else NONE)
    return features, labels


def fit(parsed: list[tuple[Doc, GoldSentence]], c: float = DEFAULT_C) -> LinearModel:
    """A multinomial logistic regression over the examples (L2, strength ``1/c``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    features, labels = examples(parsed)
    if len(set(labels)) < 2:
        raise ValueError("need at least two labels to train (no GSR trigger was found?)")
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(names, 1.0) for names in features])
    classifier = LogisticRegression(C=c, max_iter=2000)
    classifier.fit(matrix, labels)
    classes = tuple(str(name) for name in classifier.classes_)
    coefficients = classifier.coef_
    if len(classes) == 2:  # binary fits keep one row; the model wants one per class
        coefficients = [-coefficients[0], coefficients[0]]
    weights = {}
    for column, name in enumerate(vectorizer.get_feature_names_out()):
        row = [round(float(coefficients[k][column]), DIGITS) for k in range(len(classes))]
        if max(abs(w) for w in row) >= WEIGHT_FLOOR:
            weights[str(name)] = row
    intercepts = classifier.intercept_ if len(classes) > 2 else [-classifier.intercept_[0], classifier.intercept_[0]]
    return LinearModel(classes, weights, [round(float(b), DIGITS) for b in intercepts])


def parse(sentences: list[GoldSentence], model: str | None = None) -> list[tuple[Doc, GoldSentence]]:
    from newsledger.annotate.nlp import load

    nlp = load(model)
    return list(zip(nlp.pipe((s.text for s in sentences), n_process=1, batch_size=64), sentences))


def main(argv: list[str] | None = None) -> None:
    parser = command.parser(__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse L2 strength")
    args = parser.parse_args(argv)
    out = command.out_path(parser, args, MODEL_PATH)
    parsed = parse(read(args.data))
    model = fit(parsed, args.c)
    save(model, out, {"trained_on": args.data.name, "sentences": len(parsed), "c": args.c,
                           "data_licence": "PLOVER GSR: CC BY-SA 4.0 (openeventdata/PLOVER)",
                           "command": f"python -m newsledger.training.plover --data {args.data.name} --out FILE"})
    print(f"wrote {out}: {len(model.weights)} features, classes {', '.join(model.classes)}")


if __name__ == "__main__":
    main()
