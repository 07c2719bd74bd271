"""Text that is not the article (related stories, captions, notices, credits, lists of other cases) leaves the
article at cleaning, is kept in ``removed`` with its kind and raw offsets, and the story's own sentences stay."""

from __future__ import annotations

import time

import pytest

from newsledger.ingest.clean import RawDocument, clean_article, clean_text
from newsledger.ingest.rules import is_contact, is_stamp, line_kind

STORY = [
    ("SPRINGFIELD (WXYZ) - A 24-year-old man was shot and killed outside a market on Elm Street late Saturday, "
     "police said."),
    "Officers found the man lying near the entrance about 11:40 p.m. He was pronounced dead at the scene.",
    '"We heard four or five shots, then a car took off," said a neighbor who asked not to be named.',
    "No arrests have been made. Anyone with information is asked to call Crime Stoppers at 555-555-0100.",
]

PAGE = "\n\n".join([
    "Man, 24, shot dead outside Elm Street market",
    "3:02 City council votes on new stadium Pause",
    "1:27 High school team wins state title",
    "0:45 Weekend weather: rain moves in",
    "Please enable Javascript to watch this video",
    "by: Jane Doe Updated: Mar 8, 2017 - 6:13 PM",
    STORY[0],
    STORY[1],
    "Police tape outside the market on Elm Street. (Photo: John Roe/WXYZ)",
    STORY[2],
    "RELATED: 17 dead, 41 wounded in Chicago weekend shootings",
    STORY[3],
    "READ MORE:",
    "Two men wounded in Northside drive-by",
    "Teen charged in March killing of store clerk",
    ("Copyright 2016 WXYZ. All rights reserved. This material may not be published, broadcast, rewritten or "
     "redistributed."),
    "This is a developing story. Check back for updates.",
    "jane.doe@wxyz.example 555-555-0199",
])


def _removed(text: str) -> dict[str, str]:
    return {r.text: r.kind for r in clean_text(text).removed}


def test_a_local_news_page_keeps_only_the_story():
    cleaned = clean_text(PAGE)
    assert cleaned.text.split("\n\n") == ["Man, 24, shot dead outside Elm Street market", *STORY]
    assert cleaned.headline == "Man, 24, shot dead outside Elm Street market"
    kinds = {r.text: r.kind for r in cleaned.removed}
    assert kinds == {
        "3:02 City council votes on new stadium Pause": "related",
        "1:27 High school team wins state title": "related",
        "0:45 Weekend weather: rain moves in": "related",
        "Please enable Javascript to watch this video": "notice",
        "by: Jane Doe Updated: Mar 8, 2017 - 6:13 PM": "credit",
        "Police tape outside the market on Elm Street. (Photo: John Roe/WXYZ)": "caption",
        "RELATED: 17 dead, 41 wounded in Chicago weekend shootings": "related",
        "READ MORE:": "related",
        "Two men wounded in Northside drive-by": "list of other cases",
        "Teen charged in March killing of store clerk": "list of other cases",
        PAGE.split("\n\n")[15]: "credit",
        "This is a developing story. Check back for updates.": "notice",
        "jane.doe@wxyz.example 555-555-0199": "credit",
    }


def test_removed_offsets_point_into_the_raw_text():
    for removed in clean_text(PAGE).removed:
        assert PAGE[removed.start : removed.end] == removed.text


def test_other_stories_headlines_at_the_top_leave_but_the_story_stays():
    others = [
        "Alabama school district wants alleged rape victim to use her real name in federal case",
        "Idaho woman arrested for trying to convert acquaintance by beating her",
        "Mississippi lawmaker says remark isn't racist, it's just 'a way of talking'",
    ]
    text = "\n\n".join([*others, *STORY, *STORY])
    assert [(r.kind, r.text) for r in clean_text(text).removed] == [("related", other) for other in others]
    cases = ["Two men wounded in Northside drive-by", "Teen charged in March killing of store clerk"]
    text = "\n\n".join([*STORY, *STORY, *cases])
    assert [(r.kind, r.text) for r in clean_text(text).removed] == [("list of other cases", c) for c in cases]


def test_a_text_of_highlights_alone_is_kept_whole():
    highlights = "\n\n".join([
        "Law enforcement continue to search for suspect that killed four people Wednesday in Orangeburg County",
        "Coroner: the four victims are Tamara Perry, 14, Shamekia Sanders, 17, and two adults",
        "Green 1990s Mercedes believed to be connected to incident discovered burned near Vance",
    ])
    assert clean_text(highlights).removed == []


def test_an_inline_related_tail_is_cut_and_its_list_follows_it():
    lead = ("OAKLAND — Police on Saturday had yet to identify a teenage boy who was found fatally shot inside a "
            "vehicle Friday evening in East Oakland.")
    tail = "Related Articles Two men sentenced for 2014 murders in Richmond"
    text = "\n\n".join([f"{lead} {tail}", "Hayward: Woman charged in crash that killed cyclist", *STORY])
    cleaned = clean_text(text)
    assert cleaned.text.split("\n\n") == [lead, *STORY]
    assert [(r.kind, text[r.start : r.end]) for r in cleaned.removed] == [
        ("related", tail),
        ("related", "Hayward: Woman charged in crash that killed cyclist"),
    ]


def test_a_repeated_gallery_caption_keeps_its_first_copy():
    caption = "Iris Rodriguez, 7, who was fatally shot Wednesday night in the 5500 block of San Fernando Street."
    cleaned = clean_text("\n\n".join([caption, caption, *STORY]))
    assert [(r.kind, r.start) for r in cleaned.removed] == [("repeat", len(caption) + 2)]
    assert cleaned.text.startswith(caption)


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, police had arrested two men in connection with the shooting.",
        "Related charges were filed against the driver on Monday.",
        "She will stay with her aunt for now, police said.",
        "File-sharing records were part of the evidence, prosecutors said.",
        "Copyright lawyers were not involved in the case.",
        "Video shows the group walking around a corner before the shots.",
        "Developing story: police say the gunman fled on foot toward the river.",
        "Anyone with information is asked to call police at 410-396-2221.",
        "The shooting happened at 3:05 p.m. on Tuesday, May 5, 2015.",
        "Photos of the victim were shared on Facebook by his family.",
        "Also, police said the gun had been reported stolen in Tulsa.",
        "“It’s a pretty good outcome,” he said. “A lot better than it could have gone.”",
        "Residents were told to tune in to local radio for evacuation orders.",
        "Police released this photo of the suspect vehicle, a gray sedan.",
    ],
)
def test_the_story_s_own_sentences_are_kept(line: str):
    assert line_kind(line) is None
    assert clean_text("\n\n".join([*STORY, line])).removed == []


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Updated: 01/26/2015 10:24 PM", "notice"),
        ("Last Updated at 2:51 p.m.on Wednesday, Dec. 14", "notice"),
        ("Read or Share this story: http://usat.ly/1WXKYtE", "notice"),
        ("Stay with Channel 3 and WRCBtv.com for updates on this developing story.", "notice"),
        ("Thank you for registering!", "notice"),
        ("Lake Effect Snow Warning issued January 11 at 6:51PM EST expiring January 14 at 4:00AM EST", "notice"),
        ("Copyright Associated Press", "credit"),
        ("(© 2016 KHOU)", "credit"),
        ("PIX11's Anthony DiLorenzo contributed to this report.", "credit"),
        ("By: Cassie Hart and Ellen Galles", "credit"),
        ("-- Kurt Streeter", "credit"),
        ("Twitter: @tylerlwhite", "credit"),
        ("FILE - Police at the scene where a girl was shot near the mall.", "caption"),
        ("Police say four teens were shot. Ray Villeda reports. (Published Thursday, Jan. 12, 2017)", "caption"),
        ("► Related: Gun accidents kill kids every other day", "related"),
        ("EARLIER: 1 dead in Christmas killing at Mount Vernon club", "related"),
        ("Track all of the city’s shootings over Thanksgiving weekend here.", "related"),
        ("Video California Lawmakers Eye Immigration Measures to Fight Trump", "related"),
        ("----------", "separator"),
        ("Victims [ edit ]", "navigation"),
    ],
)
def test_lines_that_are_not_the_article(line: str, kind: str):
    assert line_kind(line) == kind


def test_stamps_and_contacts_are_told_from_prose():
    assert is_stamp("April 20, 2014 9:20 PM")
    assert not is_stamp("May 5")  # may head a timeline of the story
    assert not is_stamp("One Dead in Cameron Shooting Posted: Friday, December 26, 2014 4:25 PM EST")
    assert is_contact("Contact Taylor Dungjen at tdungjen@theblade.com, or 419-724-6054, or on Twitter @tdungjen.")
    assert not is_contact("Anyone with information should call 702-828-4135.")


def test_the_same_rules_apply_to_page_text():
    html = ("<html><head><title>Man shot dead</title></head><body><article><h1>Man shot dead</h1>"
            + "".join(f"<p>{p}</p>" for p in STORY)
            + "<p>Police tape outside the market. (Photo: John Roe/WXYZ)</p><h3>Related Stories</h3>"
            + "<ul><li>Two men wounded in Northside drive-by</li><li>Teen charged in killing of store clerk</li></ul>"
            + "<p>Copyright 2016 WXYZ. All rights reserved.</p></article></body></html>")
    article = clean_article(RawDocument("page.html", None, html, {}, len(html)))
    assert [r.kind for r in article.removed] == [
        "caption", "related", "list of other cases", "list of other cases", "credit",
    ]
    assert all(sentence in article.text for sentence in STORY)
    assert "Northside" not in article.text and "rights reserved" not in article.text


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"Line {i} of a hostile text" for i in range(100_000)),
        "\n\n".join(f"1:{i % 60:02d} Another story title number {i}" for i in range(100_000)),
        "\n".join("Related:" if i % 2 else "Some Other Story Headline Here" for i in range(100_000)),
        "\n".join(f"Photo {i}: by-the-way (here) more video" for i in range(100_000)),
        "word " * 400_000,
        " ".join(["Capitalised"] * 50_000),
        "{*" * 200_000 + "1" * 200_000,
    ],
    ids=["short lines", "playlist", "headers", "cue words", "2 MB line", "capitalised words", "brackets"],
)
def test_hostile_input_is_cleaned_in_bounded_time(text: str):
    start = time.perf_counter()
    clean_text(text)
    assert time.perf_counter() - start < 20  # linear: a few seconds on a loaded machine, minutes if quadratic


def test_a_paragraph_repeated_with_a_closing_credit_is_its_caption():
    lead = ("Police responded to the shooting around 5:30 p.m. near East 20th Street and South Lakewood Avenue, "
            "where three people were found shot.")
    text = "\n\n".join([f"{lead} (KTUL)", "Three people were taken to the hospital.", lead])
    cleaned = clean_text(text)
    assert [(r.kind, r.text) for r in cleaned.removed] == [("caption", f"{lead} (KTUL)")]
    assert cleaned.text.endswith(lead)


@pytest.mark.parametrize(
    "line",
    [
        ("“We have all of our investigators from various units out here. They’ve been out here since 10 p.m., digging "
         "up every piece of information that we can find,” the lieutenant said. Jane Roe and her children. © 2016 "
         "Cox Media Group."),
        ("This is the second tragedy for this family in recent weeks. The sister of the two boys, 28-year-old Tiffany "
         "Scott (shown in the photo), died from cancer and was buried one day before the shooting."),
        ("Gunman Alex Buckner, pictured in an unrelated mugshot, then shot at deputies when they arrived at the "
         "burning house."),
    ],
)
def test_a_story_paragraph_with_a_credit_or_photo_reference_stays(line: str):
    assert line_kind(line) is None
