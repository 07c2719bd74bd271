"""Lexicons for attribution: cue verbs and nouns, stance words, source descriptors.

The cue verbs come from PolNeAR TRAIN: every verb lemma the extractor proposes as a cue, scored against the
gold cues (averaged over annotators), kept when at least 35% of its proposals (5 or more) are gold cues, per
frame: with a clausal complement ("said that…", "wants to…") or with an object ("praised the plan").
Rare speech verbs were added by hand; verbs of plain action that PolNeAR also annotates ("veto", "sue",
"release") are left out, since the ledger records who said or thought what.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

#: A quotation mark, straight, curly or doubled (''…'' and ``…`` in some wire copy).
QUOTE_MARK = re.compile(r"[“”\"]|''|``")


def quote_regions(text: str) -> list[Range]:
    """Character ranges of quotations, marks included. A quotation left open at a paragraph's end runs on
    when the next paragraph opens with a quotation mark (the convention for multi-paragraph quotes), else it
    ends with its paragraph."""
    regions: list[Range] = []
    open_at: int | None = None
    offset = 0
    for paragraph in text.split("\n"):
        if open_at is not None and paragraph.strip():
            if paragraph.lstrip()[:1] in ("“", '"', "'", "`"):
                marks = list(QUOTE_MARK.finditer(paragraph))[1:]  # the re-opening mark
            else:
                regions.append((open_at, offset - 1))
                open_at, marks = None, list(QUOTE_MARK.finditer(paragraph))
        else:
            marks = list(QUOTE_MARK.finditer(paragraph))
        for mark in marks:
            symbol, position = mark.group(), offset + mark.start()
            closing = symbol == "”" or (symbol in ('"', "''") and open_at is not None)
            if open_at is None and not closing:
                open_at = position
            elif open_at is not None and closing:
                regions.append((open_at, offset + mark.end()))
                open_at = None
        offset += len(paragraph) + 1
    if open_at is not None:
        regions.append((open_at, len(text.rstrip())))
    return regions


def words(text: str) -> frozenset[str]:
    """A lexicon written as space-separated words."""
    return frozenset(text.split())

#: Cue verbs when they take a clause: "X said (that) …", "X urged Y to …".
CLAUSE_CUES = words(
    """
    accuse acknowledge add address admit affirm agree allege announce answer appear applaud argue ask assert
    assume assure back believe blame blast boast brand call caution challenge chant characterize
    charge cite claim clarify comment complain concede conclude condemn confirm contend continue counter
    credit criticise criticize decide declare decline decry deem demand demonstrate denounce deny describe
    disagree disclose discuss dismiss divulge doubt dub echo email emphasize endorse estimate expect explain
    express fear feel find forget guess hail highlight hint hop hope imagine imply indicate inform
    insist joke know label lament laud learn like love maintain mention mock muse note notice observe offer
    opine oppose pledge point portray post praise predict prefer proclaim promise propose publish question
    quip quote realize rebut recall recognize recommend refer refuse regard reiterate reject remark remember
    remind repeat reply report request respond retort retweet reveal ridicule say scream seek seem share
    shout show signal slam speculate state stress suggest support surmise suspect talk tell testify
    think threaten tout tweet underscore urge view vow want warn welcome wish wonder worry write yell
    """
)

#: Cue verbs when they take an object or a governed preposition: "X praised Y", "X called for Y".
OBJECT_CUES = words(
    """
    accuse acknowledge admire alarm anger announce answer appear applaud approve argue articulate ask assail
    assert attribute back believe blame blast brand brush call care caution chant characterize charge
    cheer chide cite claim clarify comment compare complain concede conclude condemn confirm congratulate
    contemplate contend contrast credit criticise criticize declare decline decry deem defend demand
    denounce deny describe detail disagree disclose discuss dislike dismiss dispute divulge downplay dub
    echo email emphasize endorse estimate expect explain express favor fear guess hail highlight hint
    identify illustrate imagine imply indicate inform insist insult invoke joke justify label lament laud
    liken list love mention mock muse name note observe offer opine oppose outline pledge point portray post
    praise predict prefer proclaim promise promote propose publish question quip quote rail rattle rebuff
    rebuke rebut recall recite recognize recommend recount refer reference refuse regard reiterate reject
    remark remember remind repeat reply report repudiate respond retort retweet reveal ridicule say scream
    seem shout show signal slam sound speak state stress suggest surmise suspect talk tell testify thank
    tout tweet underscore urge view voice vow warn warrant wonder worry write yell
    """
)

CUE_VERBS = CLAUSE_CUES | OBJECT_CUES

#: Verbs whose content follows a particular preposition, which then belongs to the cue ("called for X").
CUE_PREPOSITIONS = {
    "call": {"for", "on"},
    "point": {"to"},
    "refer": {"to"},
    "talk": {"about"},
    "speak": {"about", "of"},
    "ask": {"about", "for"},
    "warn": {"of", "about", "against"},
    "complain": {"about"},
    "rail": {"against"},
    "focus": {"on"},
    "comment": {"on"},
    "write": {"about"},
}

#: Verbs whose object before the content is whom it was said to, not part of it ("told reporters to wait").
TELL_VERBS = words("tell")
#: Verbs whose object before a "that" clause is the addressee ("assured voters that…"); before a "to" clause
#: it is part of the content ("asked voters to wait").
ADDRESSEE_VERBS = words("ask assure remind convince inform notify warn persuade")
#: "X seems to win": X is no speaker but part of what seems so; the content runs from X over the cue
#: (PolNeAR marks it so, with no source, five times in six on train).
RAISING_CUES = words("seem appear")

#: Nouns that name the act of saying; "in a statement" after a cue verb belongs to the cue.
STATEMENT_NOUNS = words(
    "statement interview email letter tweet post release op-ed speech remarks conference call"
)

# --- stance ---------------------------------------------------------------------------------------------

HEDGE_LEMMAS = words(
    """
    claim allege believe think suspect suggest speculate guess surmise reckon estimate fear hope accuse
    charge wonder question seem appear expect predict prediction reportedly speculation
    would might
    """
)
#: A content whose own verb is one of these reports a belief, so its attribution hedges ("said he thinks").
BELIEF_LEMMAS = words("think believe suspect guess feel")
DENY_LEMMAS = words("deny reject dismiss refute rebut disavow dispute")
#: Cues of a state of mind: who believes or wishes something passes nothing on, so is no relay in a chain.
ATTITUDE_LEMMAS = words("believe think wish hope fear want expect suspect worry feel doubt assume consider")
DECLINE_LEMMAS = words("decline refuse")
#: Content that negates involvement reads as a denial whatever the cue ("played no role").
DENIAL_PATTERNS = (
    "played no role",
    "had no role",
    "had nothing to do with",
    "has nothing to do with",
    "was not involved",
    "were not involved",
    "not responsible for",
    "no involvement",
    "did not carry out",
    "was not behind",
    "were not behind",
)
#: Cue phrases that mean the source would not say ("declined to comment", "has not confirmed or denied").
DECLINE_PATTERNS = (
    "declined to comment",
    "declined to confirm",
    "declined to discuss",
    "would not comment",
    "would not confirm",
    "did not comment",
    "refused to comment",
    "refused to confirm",
    "not confirmed or denied",
    "neither confirmed nor denied",
    "did not respond",
    "did not immediately respond",
    "no comment",
)
#: Passive cues that hedge: "Israel is suspected / believed / thought / said to…".
HEDGE_PASSIVES = words("suspect believe think say report allege rumor rumour expect")

# --- sources ----------------------------------------------------------------------------------------------

#: Things that speak for their authors: sources of kind document, and objects of "in a … poll".
SOURCE_DOCUMENTS = words(
    """
    report statement document study poll survey memo memorandum letter analysis filing indictment complaint
    lawsuit record records email e-mail book article column op-ed editorial transcript data tweet post release
    assessment review audit investigation probe estimate projection forecast cable dossier brief
    datum statistic ruling video footage
    """
)
#: Adverbs that attribute their clause to unnamed others ("is reportedly spending"); PolNeAR marks
#: "reportedly" as a cue two times in three on train, "allegedly" and "apparently" rarely.
HEARSAY_ADVERBS = words("reportedly")
#: Documents that speak through "in" wherever it stands ("leads in a new poll"), unlike a statement.
POLL_NOUNS = words("poll polls survey surveys")
#: Outlets named in sources; a source mentioning one is media ("The Wall Street Journal reported").
MEDIA_NAMES = (
    "new york times", "the times", "wall street journal", "washington post", "reuters", "associated press",
    "(ap)", "afp", "agence france", "cnn", "bbc", "nbc", "abc news", "cbs", "fox news", "msnbc", "politico",
    "bloomberg", "the guardian", "financial times", "the economist", "axios", "npr", "usa today",
    "los angeles times", "the atlantic", "the hill", "haaretz", "jerusalem post", "times of israel",
    "al jazeera", "al-monitor", "breitbart", "huffington post", "daily beast", "vox", "buzzfeed", "newsweek",
    "time magazine", "the new yorker", "tass", "ria novosti", "irna", "tasnim", "fars news", "press tv",
    "xinhua", "yonhap", "kyodo", "dpa", "channel 12", "channel 13", "kan news", "ynet", "axel springer",
    "cnbc", "rt america", "russia today", "new york post", "washington times", "daily caller", "fox business",
    "c-span", "pbs", "univision", "telemundo", "cosmopolitan",
)


def names_an_outlet(text: str) -> bool:
    """Whether a name mentions a news outlet ("The Wall Street Journal's report", "a CNN anchor")."""
    lowered = text.lower()
    return any(outlet in lowered for outlet in MEDIA_NAMES)


#: Outlets' initials as headlines write them ("NYT Report: …"), spelt out for resolution.
OUTLET_ABBREVIATIONS = {
    "nyt": "The New York Times", "wsj": "The Wall Street Journal", "wapo": "The Washington Post",
    "ap": "The Associated Press", "ft": "The Financial Times", "lat": "The Los Angeles Times",
}
#: Outlets known by their letters, which name an outlet wherever they stand ("RT hired Larry King").
CALL_SIGNS = words("rt cns pbs npr cnbc msnbc bbc cnn abc nbc cbs")
#: Words that make a proper name an outlet's: as its head ("The Denver Post", "RT"), or "News" anywhere in it
#: ("Christian News Service").
OUTLET_HEADS = words("""
    times post journal tribune herald gazette chronicle globe examiner inquirer courier telegraph
    """) | CALL_SIGNS
#: What an outlet airs, through which a speaker's words reach it ("said on The Steve Harvey Morning Show").
PROGRAMME_NOUNS = words("show program programme podcast broadcast")
MEDIA_NOUNS = words(
    "newspaper daily paper outlet network magazine broadcaster tabloid journal publication channel agency"
)
#: Unnamed people: "officials", "sources", "analysts" with no name attached are anonymous sources.
ANONYMOUS_NOUNS = words(
    """
    official officials source sources analyst analysts expert experts observer observers diplomat diplomats
    aide aides insider insiders person people officer officers investigator investigators staffer staffers
    critic critics someone somebody individual individuals member members adviser advisers advisor advisors
    """
)
#: Role nouns that name one person ("the minister said").
ROLE_NOUNS = words(
    """
    minister spokesman spokeswoman spokesperson president secretary director chief chairman chairwoman chair
    governor senator representative congressman congresswoman lawmaker ambassador general lieutenant
    commander premier leader mayor king queen prince prosecutor judge justice sheriff commissioner lawyer
    attorney candidate nominee editor author writer speechwriter host anchor strategist founder executive
    ceo pastor professor
    """
)
GOVERNMENT_NOUNS = words(
    """
    government ministry administration department agency military army navy police pentagon kremlin
    cabinet regime state states country embassy parliament congress senate court council authority
    authorities
    """
)
#: Words that mark an organisation of a state inside a longer name ("the Iranian Defense Ministry").
GOVERNMENT_WORDS = ("Ministry", "Department", "Administration", "White House", "Pentagon", "Kremlin",
                    "Government", "Agency", "Forces", "Army", "Police", "Congress", "Senate", "Mossad", "CIA",
                    "FBI", "NSA", "Shin Bet", "IRGC", "Revolutionary Guard")
ORGANIZATION_NOUNS = words("company group organization organisation firm campaign party committee")
#: Words of a newsroom's own labels before a colon ("Editor's note:", "The Latest:", "BREAKING NEWS:"), which
#: name no speaker.
SECTION_LABELS = words("""
    note latest correction corrections update updates breaking exclusive video watch related byline photo photos
    read listen live
    """)
#: Nouns whose bare presence before a colon can make a speaker label ("Clinton camp: …").
GROUP_NOUNS = words("camp campaign official officials aide aides spokesman critics analysts")
PERSON_PRONOUNS = words("he she i")
#: Endings of nouns for people by what they do ("advocate", "physician", "journalist", "voter", "Democrat").
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ate", "crat", "ee")
#: Nouns with those endings that are not people.
NOT_AGENTS = words("""
    number paper center centre order matter letter water border power headquarter corner computer figure
    estimate rate state debate mandate event element sector factor plant grant restaurant fee tree degree
    """)
#: Heads that count people without naming them ("Some said", "Twelve percent said", "Most agreed").
SHARE_WORDS = words("some many most few several others percent majority minority half all both")
#: Adjectives that place unnamed people in an institution ("a federal judge", "military sources").
INSTITUTION_ADJECTIVES = words("federal state local municipal military congressional diplomatic judicial")
#: People who serve an institution, whom such an adjective places in it ("local officials", not "local residents").
OFFICIAL_NOUNS = words("""
    official source prosecutor judge agent investigator officer lawmaker regulator diplomat aide staffer
    spokesman spokeswoman spokesperson authority
    """)
#: Rank words kept out of an anonymous source's affiliation ("senior U.S. officials" -> "U.S.").
RANK_WORDS = words("senior top former current high-ranking unnamed anonymous some several two three")

# --- continuation ---------------------------------------------------------------------------------------

#: Subjects that carry a report on into the next sentence.
CONTINUING_PRONOUNS = words("it they")
ORDINALS = words("first second third fourth fifth last other another rest remainder")

WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday today yesterday")
#: Words before "to <outlet>" that make the outlet a relay: "officials close to / speaking to the Journal".
SPOKEN_TO = words("close speak talk tell explain confirm describe")
