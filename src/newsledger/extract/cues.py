"""Lexicons for attribution: cue verbs and nouns, stance words, source descriptors.

The cue verbs were chosen from PolNeAR TRAIN: lemmas that head a gold cue in at least about 40% of their
occurrences as a verb with a complement (lower-precision lemmas such as "see", "make" or "want" are left
out: they are cues only in special frames the rules cannot tell apart).
"""

from __future__ import annotations

#: Verbs that introduce what someone said, wrote, thought or meant.
CUE_VERBS = frozenset(
    """
    say tell write add ask note suggest argue report announce claim state explain declare insist warn
    acknowledge admit concede confirm deny reject dismiss believe think suspect fear hope expect predict
    estimate conclude find show reveal indicate allege accuse blame charge criticize criticise praise
    describe call label dub brand recall remember mention cite quote tweet post retweet email text
    respond reply answer stress emphasize emphasise underscore reiterate repeat maintain contend assert
    insist promise pledge vow threaten urge caution advise recommend propose demand question wonder
    complain lament decry denounce condemn slam blast attack mock ridicule tout boast joke quip muse
    acknowledge point refer speak talk agree disagree disclose divulge observe remark comment opine
    testify affirm assure inform notify explain clarify counter rebut retort shoot fire write publish
    surmise guess figure reckon feel know learn understand announce proclaim shout yell chant scream
    hint imply signal credit applaud welcome hail laud endorse back support oppose decline refuse
    continue echo describe portray characterize characterise deem consider view regard
    """.split()
)

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

#: Verbs that are cues only with a clausal complement (a that-clause or a quote), never with a bare object.
CLAUSE_ONLY = frozenset(
    """
    know learn understand feel find show think believe remember continue consider figure fire shoot
    answer hope expect fear agree add
    """.split()
)

#: Multiword prepositional cues whose object is the source: "according to X, CONTENT".
ACCORDING = ("according", "to")

#: Nouns that name the act of saying; "in a statement" after a cue verb belongs to the cue.
STATEMENT_NOUNS = frozenset(
    "statement interview email letter tweet post release op-ed speech remarks conference call".split()
)

# --- stance ---------------------------------------------------------------------------------------------

HEDGE_LEMMAS = frozenset(
    "claim allege believe think suspect suggest speculate guess surmise reckon estimate fear hope".split()
)
DENY_LEMMAS = frozenset("deny reject dismiss refute rebut disavow dispute".split())
DECLINE_LEMMAS = frozenset("decline refuse".split())
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
HEDGE_PASSIVES = frozenset("suspect believe think say report allege rumor rumour expect".split())

# --- sources ----------------------------------------------------------------------------------------------

#: Things that speak for their authors: sources of kind document, and objects of "in a … poll".
SOURCE_DOCUMENTS = frozenset(
    """
    report statement document study poll survey memo memorandum letter analysis filing indictment complaint
    lawsuit record records email e-mail book article column op-ed editorial transcript data tweet post release
    assessment review audit investigation probe estimate projection forecast cable dossier brief
    """.split()
)
#: Outlets named in sources; a source mentioning one is media ("The Wall Street Journal reported").
MEDIA_NAMES = (
    "new york times", "the times", "wall street journal", "washington post", "reuters", "associated press",
    "(ap)", "afp", "agence france", "cnn", "bbc", "nbc", "abc news", "cbs", "fox news", "msnbc", "politico",
    "bloomberg", "the guardian", "financial times", "the economist", "axios", "npr", "usa today",
    "los angeles times", "the atlantic", "the hill", "haaretz", "jerusalem post", "times of israel",
    "al jazeera", "al-monitor", "breitbart", "huffington post", "daily beast", "vox", "buzzfeed", "newsweek",
    "time magazine", "the new yorker", "tass", "ria novosti", "irna", "tasnim", "fars news", "press tv",
    "xinhua", "yonhap", "kyodo", "dpa", "channel 12", "channel 13", "kan news", "ynet", "axel springer",
)
MEDIA_NOUNS = frozenset(
    "newspaper daily paper outlet network magazine broadcaster tabloid journal publication channel agency".split()
)
#: Unnamed people: "officials", "sources", "analysts" with no name attached are anonymous sources.
ANONYMOUS_NOUNS = frozenset(
    """
    official officials source sources analyst analysts expert experts observer observers diplomat diplomats
    aide aides insider insiders person people officer officers investigator investigators staffer staffers
    critic critics someone somebody individual individuals member members adviser advisers advisor advisors
    """.split()
)
#: Role nouns that name one person ("the minister said").
ROLE_NOUNS = frozenset(
    """
    minister spokesman spokeswoman spokesperson president secretary director chief chairman chairwoman chair
    governor senator representative ambassador general commander premier leader mayor king queen prince
    prosecutor judge lawyer attorney candidate nominee editor author writer speechwriter host anchor
    """.split()
)
GOVERNMENT_NOUNS = frozenset(
    """
    government ministry administration department agency military army navy police pentagon kremlin
    cabinet regime state states country embassy parliament congress senate court council authority
    authorities
    """.split()
)
#: Words that mark an organisation of a state inside a longer name ("the Iranian Defense Ministry").
GOVERNMENT_WORDS = ("Ministry", "Department", "Administration", "White House", "Pentagon", "Kremlin",
                    "Government", "Agency", "Forces", "Army", "Police", "Congress", "Senate")
ORGANIZATION_NOUNS = frozenset("company group organization organisation firm campaign party committee".split())
#: Nouns whose bare presence before a colon can make a speaker label ("Clinton camp: …").
GROUP_NOUNS = frozenset("camp campaign official officials aide aides spokesman critics analysts".split())
PERSON_PRONOUNS = frozenset("he she i".split())
#: Rank words kept out of an anonymous source's affiliation ("senior U.S. officials" -> "U.S.").
RANK_WORDS = frozenset("senior top former current high-ranking unnamed anonymous some several two three".split())

# --- continuation ---------------------------------------------------------------------------------------

#: Subjects that carry a report on into the next sentence.
CONTINUING_PRONOUNS = frozenset("it they".split())
ORDINALS = frozenset("first second third fourth fifth last other another rest remainder".split())
