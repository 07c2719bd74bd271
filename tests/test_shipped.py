"""The shipped artifacts: one list, each file there and loading through its one loader, each model file of the
package listed."""

from __future__ import annotations

from newsledger import shipped

MODEL_SUFFIXES = (".npz", ".json.gz", "_model.json")


def test_every_listed_artifact_exists_loads_once_and_says_how_it_was_made():
    for name, artifact in shipped.ARTIFACTS.items():
        assert shipped.path(name).exists(), name
        assert shipped.load(name) is shipped.load(name)  # once per process
        assert artifact.made_by.startswith("python -m newsledger.training.") and artifact.data


def test_every_model_file_in_the_package_is_listed():
    listed = {shipped.path(name).resolve() for name in shipped.ARTIFACTS}
    files = [path for path in shipped.PACKAGE.rglob("*") if path.is_file() and path.name.endswith(MODEL_SUFFIXES)
             and "geodata" not in path.parts]  # map outlines are data the map draws, not models
    unlisted = [str(path) for path in files if path.resolve() not in listed and path.parent.resolve() not in listed]
    assert unlisted == []


def test_the_components_load_through_the_list():
    from newsledger.extract import attribution_model, content_spans, triggers
    from newsledger.link import story_links

    assert attribution_model.shipped() is shipped.load("attribution_cues")
    assert content_spans.shipped() is shipped.load("attribution_content")
    assert triggers.shipped_model() is shipped.load("event_triggers")
    assert story_links.shipped() is shipped.load("story_links")
