"""The event lexicon: trigger words by type, and the word classes the argument rules use (see the package's
docstring for the table)."""

from __future__ import annotations

from newsledger.records import EventType

E = EventType
VERBS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "bomb", "raid", "assault", "shell", "sabotage", "target", "ambush",
                     "invade", "explode", "detonate", "shoot", "hit", "stab", "slash", "gun", "pistol-whip",
                     "carjack", "rob"], E.ATTACK),
    **dict.fromkeys(["intercept", "down"], E.INTERCEPTION),
    **dict.fromkeys(["launch", "fire"], E.LAUNCH),
    **dict.fromkeys(["damage", "destroy", "harm", "injure", "wound"], E.DAMAGE),
    **dict.fromkeys(["meet", "consult", "negotiate"], E.MEETING),
    **dict.fromkeys(["visit", "arrive", "tour"], E.VISIT),
    "sign": E.AGREEMENT,
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    **dict.fromkeys(["threaten", "warn"], E.THREAT),
    **dict.fromkeys(["arrest", "detain"], E.ARREST),
    **dict.fromkeys(["kill", "die", "assassinate", "murder", "slay", "massacre", "succumb"], E.DEATH),
}
NOUNS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "airstrike", "bombing", "bombardment", "raid", "assault", "sabotage",
                     "shelling", "ambush", "invasion", "explosion", "blast", "shooting", "gunfire", "gunshot",
                     "stabbing", "robbery", "carjacking", "rampage", "standoff", "gunbattle", "shootout"], E.ATTACK),
    **dict.fromkeys(["interception", "shootdown"], E.INTERCEPTION),
    "launch": E.LAUNCH,
    **dict.fromkeys(["damage", "destruction", "injury", "wound"], E.DAMAGE),
    **dict.fromkeys(["meeting", "talk", "summit", "consultation", "negotiation"], E.MEETING),
    **dict.fromkeys(["visit", "trip", "arrival"], E.VISIT),
    **dict.fromkeys(["deal", "agreement", "accord", "treaty", "pact", "ceasefire", "truce"], E.AGREEMENT),
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    "threat": E.THREAT,
    **dict.fromkeys(["arrest", "detention"], E.ARREST),
    **dict.fromkeys(["death", "killing", "assassination", "murder", "homicide", "slaying", "massacre", "dead",
                     "suicide"],
                    E.DEATH),
}
#: Adjectives that tell of a happening when said of someone: "Four people are dead", "was found dead", "left two
#: men dead", "One dead after shooting" (the commonest way news tells of a death, and no verb or noun says it).
ADJECTIVES: dict[str, EventType] = {"dead": E.DEATH, "slain": E.DEATH, "wounded": E.DAMAGE}
#: Where such an adjective is said of someone (``triggers.said_of``), besides a modifier: a predicate ("are dead",
#: "pronounced dead", "found him dead"), a headline's root ("1 dead, 3 wounded"), a conjunct.
SAID_OF_DEPS = {"acomp", "oprd", "xcomp", "ccomp", "ROOT", "conj"}
#: What one dies of: "succumbed to his injuries" (not "to pressure").
HARMS = {"injury", "wound", "gunshot", "burn", "illness", "cancer", "disease"}
#: Words for people, of whom "dead" or "wounded" is said (not "a dead end", "the battery was dead"). The
#: reconciliation's count patterns keep their own list (``reconcile.counts.ONE_PERSON``): extraction does not read it.
PEOPLE = {"man", "woman", "men", "women", "person", "people", "teen", "teenager", "boy", "girl", "child", "baby",
          "toddler", "infant", "victim", "officer", "suspect", "father", "mother", "son", "daughter", "husband",
          "wife", "brother", "sister", "student", "driver", "resident", "body", "deputy", "trooper", "soldier",
          "civilian", "bystander", "customer", "worker", "employee", "friend", "cousin", "relative", "patient",
          "neighbor", "passenger", "pedestrian", "gunman", "shooter", "agent"}
#: Verb + particle pairs that change the event ("shot down" is an interception, not an attack).
PARTICLES = {("shoot", "down"): E.INTERCEPTION, ("bring", "down"): E.INTERCEPTION, ("pass", "away"): E.DEATH}
#: Verbs that carry a trigger noun rather than being an event themselves ("carried out the attack").
LIGHT = {"carry", "conduct", "launch", "stage", "mount", "execute", "perform", "hold", "do", "cause", "undertake",
         "commit", "begin", "start", "sign", "reach", "strike", "impose", "make", "wage", "order", "plan"}
#: Verbs whose infinitive complement has not happened (yet): "plans to strike", "tried to persuade".
INTENT = {"plan", "seek", "aim", "intend", "want", "try", "attempt", "hope", "prepare", "threaten", "persuade",
          "urge", "ask", "push", "consider", "propose", "vow", "pledge", "promise", "expect", "need", "wish",
          "decide", "plot", "like", "prefer"}
WEAPONS = {"missile", "rocket", "drone", "projectile", "uav", "munition", "bomb", "warhead", "salvo", "barrage",
           "shell", "torpedo", "mortar", "interceptor", "satellite"}
FACILITIES = {"facility", "site", "plant", "base", "compound", "building", "factory", "depot", "airport", "port",
              "complex", "installation", "reactor", "headquarters", "camp", "target", "ship", "vessel", "tanker",
              "convoy", "embassy", "consulate", "house", "home", "hospital", "school"}
#: Nouns that name the surroundings of a place: "the outskirts of Tehran", "the city of Isfahan".
PLACE_NOUNS = {"city", "town", "village", "province", "region", "capital", "outskirt", "outskirts", "center",
               "centre", "suburb", "district", "area", "border", "edge", "heart", "north", "south", "east", "west"}
CARRIERS = {"campaign", "operation", "mission", "attempt", "plot", "wave", "spree"}
UNACCUSATIVE = {"die", "explode", "succumb", "pass"}  # their subject undergoes the event ("pass" only with "away")
#: Verbs whose subject bears the wound or injury they name: "suffered a gunshot wound", "died of his wounds".
SUFFERING_VERBS = {"suffer", "sustain", "receive", "have", "recover", "die", "succumb"}
#: Verbs of care, whose object (or passive subject) bears it: "treated the man for a gunshot wound", "was taken to
#: the hospital with gunshot wounds".
CARE_VERBS = {"treat", "take", "transport", "rush", "airlift", "bring", "admit", "hospitalize"}
#: Verbs that do someone "to death" besides the attack and death verbs ("beaten to death"; not "sentenced to death").
DONE_TO_DEATH = {"beat", "strangle", "burn", "bludgeon", "choke", "stomp", "crush", "trample", "maul", "starve"}
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within", "into",
                  "on", "over"}
MOTION_PREPS = {"to", "toward", "towards"}  # locative only for visits: "a visit to Israel", not "supplying to Russia"
TIME_PREPS = {"on", "in", "at", "during", "of"}  # not "before"/"since": a bound is not the event's time
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NP_MODIFIERS = {"det", "predet", "amod", "compound", "nummod", "quantmod", "poss", "nmod"}
#: Objects that complete their verb rather than name whom it hits: "opened fire", "set fire", "returned fire".
VERB_COMPLETING_OBJECTS = {"fire"}
#: Where people go or are kept after a happening: a place only when the trigger itself is there.
AFTERMATH_PLACES = {"hospital", "jail", "prison", "morgue", "mortuary", "clinic", "courthouse", "court", "station",
                    "custody", "center", "centre"}
#: Verbs that say where someone was taken or held ("booked into", "transported to", "treated at").
WHEREABOUTS_VERBS = {"take", "transport", "rush", "airlift", "fly", "drive", "carry", "bring", "book", "hold", "jail",
                     "lodge", "detain", "treat", "admit", "release", "remain", "list", "hospitalize", "arraign",
                     "charge", "sentence", "appear", "live", "reside", "grow", "attend", "work", "study", "return",
                     "accuse", "convict", "suspect", "indict", "plead", "try", "investigate", "arrest", "identify"}
#: Verbs that send police or medics to a scene: "officers responded to the 1700 block of Silver Bell Circle", "police
#: were called to East 24th Street and Park Avenue", "went to a house in the 1700 block of …".
RESPONSE_VERBS = {"respond", "call", "dispatch", "send", "summon", "go", "arrive"}
#: Who responds to a scene: the subject of a response verb ("went on" and "called his mother" send no one).
RESPONDERS = {"police", "officer", "deputy", "trooper", "agent", "paramedic", "medic", "firefighter", "crew", "emt",
              "responder", "authority", "detective", "investigator", "unit", "sheriff"}
#: Words that end a street's name ("Parnell Avenue", "Coursin streets", "Interstate 95" excepted).
STREET_WORDS = {"street", "avenue", "road", "drive", "boulevard", "lane", "court", "place", "way", "highway", "parkway",
                "terrace", "circle", "trail", "pike", "expressway", "freeway", "turnpike", "alley", "row", "square",
                "st", "ave", "rd", "dr", "blvd", "ln", "ct", "pl", "hwy", "pkwy", "ter", "cir"}
#: Parts of a street an address names: "the 3500 block of", "the intersection of", "the corner of".
STREET_PARTS = {"block", "intersection", "corner", "area", "stretch", "section", "end"}
#: Venues where local news places a happening; like facilities, the place named inside them comes first.
VENUES = {"home", "house", "residence", "apartment", "party", "bar", "club", "nightclub", "restaurant", "store", "shop",
          "school", "church", "park", "lot", "station", "motel", "hotel", "mall", "parking", "street", "neighborhood",
          "neighbourhood", "complex", "gathering", "yard", "backyard", "driveway", "porch", "room", "bedroom",
          "market", "lounge", "theater", "theatre", "campus", "office", "playground"}
#: The last word of a venue's proper name ("the Eastland Bowling Center", "Eastland Bowling Lanes", "the Hill Haven
#: Event Center"): the NER calls such names organisations, but after "at" they say where.
NAMED_VENUES = {"center", "centre", "lanes", "arena", "stadium", "inn", "tavern", "pub", "grill", "cafe", "plaza",
                "apartments", "hall", "bar", "club", "lounge", "restaurant", "motel", "hotel", "mall", "market",
                "church", "school", "park"}
#: Verbs a trigger noun lends its place and time to as their subject ("the shooting happened near…").
SCENE_VERBS = {"happen", "occur", "unfold", "erupt", "take"}
