"""The event lexicon: trigger words by type, and the word classes the argument rules use (see the package's
docstring for the table)."""

from __future__ import annotations

from newsledger.records import EventType

E = EventType
VERBS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "bomb", "raid", "assault", "shell", "sabotage", "target", "ambush",
                     "invade", "explode", "detonate", "shoot", "hit"], E.ATTACK),
    **dict.fromkeys(["intercept", "down"], E.INTERCEPTION),
    **dict.fromkeys(["launch", "fire"], E.LAUNCH),
    **dict.fromkeys(["damage", "destroy", "harm", "injure", "wound"], E.DAMAGE),
    **dict.fromkeys(["meet", "consult", "negotiate"], E.MEETING),
    **dict.fromkeys(["visit", "arrive", "tour"], E.VISIT),
    "sign": E.AGREEMENT,
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    **dict.fromkeys(["threaten", "warn"], E.THREAT),
    **dict.fromkeys(["arrest", "detain"], E.ARREST),
    **dict.fromkeys(["kill", "die", "assassinate", "murder"], E.DEATH),
}
NOUNS: dict[str, EventType] = {
    **dict.fromkeys(["attack", "strike", "airstrike", "bombing", "bombardment", "raid", "assault", "sabotage",
                     "shelling", "ambush", "invasion", "explosion", "blast"], E.ATTACK),
    **dict.fromkeys(["interception", "shootdown"], E.INTERCEPTION),
    "launch": E.LAUNCH,
    **dict.fromkeys(["damage", "destruction", "injury"], E.DAMAGE),
    **dict.fromkeys(["meeting", "talk", "summit", "consultation", "negotiation"], E.MEETING),
    **dict.fromkeys(["visit", "trip", "arrival"], E.VISIT),
    **dict.fromkeys(["deal", "agreement", "accord", "treaty", "pact", "ceasefire", "truce"], E.AGREEMENT),
    **dict.fromkeys(["sanction", "embargo"], E.SANCTION),
    "threat": E.THREAT,
    **dict.fromkeys(["arrest", "detention"], E.ARREST),
    **dict.fromkeys(["death", "killing", "assassination", "murder"], E.DEATH),
}
#: Verb + particle pairs that change the event ("shot down" is an interception, not an attack).
PARTICLES = {("shoot", "down"): E.INTERCEPTION, ("bring", "down"): E.INTERCEPTION}
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
UNACCUSATIVE = {"die", "explode"}  # their subject undergoes the event
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within", "into",
                  "on", "over"}
MOTION_PREPS = {"to", "toward", "towards"}  # locative only for visits: "a visit to Israel", not "supplying to Russia"
TIME_PREPS = {"on", "in", "at", "during", "of"}  # not "before"/"since": a bound is not the event's time
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NP_MODIFIERS = {"det", "predet", "amod", "compound", "nummod", "quantmod", "poss", "nmod"}
