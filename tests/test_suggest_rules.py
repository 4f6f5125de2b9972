"""The suggestion rules on the figure strings of the guidelines and on sentences like the corpus's."""

from __future__ import annotations

import pytest
from suggest_support import spans_of

from app.core.suggest.normalize import junk_ranges, normalise
from app.core.suggest.patterns import PatternError, parse_patterns
from app.core.suggest.pipeline import PipelineLoadError, load_pipeline
from app.core.types import Origin


def test_normalise_keeps_length_and_offsets():
    text = "Zelensky\xa0said \u201cwe\u2019ll hold\u201d \u2014 X.\xa0\n\nUkraine"
    out = normalise(text)
    assert len(out) == len(text)
    assert out == 'Zelensky said "we\'ll hold" \u2014 X. \n\nUkraine'
    changed = [i for i, ch in enumerate(text) if ch != out[i]]
    assert changed == [i for i, ch in enumerate(text) if ch in "\xa0\u201c\u201d\u2019"]


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Russia had to pull almost 60,000 troops off the front.", "almost 60,000 troops"),
    ("Ukrainian troops still hold the roughly 300 square miles around the town.", "roughly 300 square miles"),
    ("The U.S. has sent $122 billion in total assistance to Ukraine.", "$122 billion"),
    ("Kyiv once held approximately 1,300 square kilometers of the region.", "approximately 1,300 square kilometers"),
    ("They face the some 12,000 North Korean troops allied with Russian forces.", "some 12,000 North Korean troops"),
    ("Washington approved around $66 billion of military aid.", "around $66 billion"),
    ("He estimated that no more than 30 percent of the goals were military.", "no more than 30 percent"),
    ("Officials said Russia has suffered 38,000 casualties in the region.", "38,000 casualties"),
    ("Losses stand at around 40,000 killed and wounded since August.", "around 40,000 killed and wounded"),
    ("The army took around 100 population centers in the spring.", "around 100 population centers"),
    ("The offensive added another 157 square kilometers to the map.", "another 157 square kilometers"),
    ("Russia has lost at least 150,000 dead.", "at least 150,000 dead"),
    ("The operation forced Moscow to redeploy 50,000 troops to the front.", "50,000 troops"),
    ("Nearly 1,000 Ukrainian soldiers crossed the border.", "Nearly 1,000 Ukrainian soldiers"),
])
def test_figure_spans(engine, sentence, figure):
    assert figure in spans_of(sentence, "FIGURE")


@pytest.mark.parametrize("sentence", [
    "On August 6, 2024, the offensive began.",
    "It has been five months since our troops arrived.",
    "Ukraine will likely lose the war within the next 12 to 18 months.",
    "It marked the first time Russia was invaded since World War II.",
    "In 2023 the general admitted his mistake.",
    "Zelensky called it one of our biggest wins.",
])
def test_not_figures(engine, sentence):
    assert spans_of(sentence, "FIGURE") == []


def test_places_are_not_actors(engine):
    text = ("Ukraine is leaning into its efforts to hold onto the Russian territory of Kursk. Ukraine is now "
            "moving toward the village of Bolshoe Soldatskoe, north of Sudzha, in Russia's Kursk region.")
    actors = spans_of(text, "ACTOR")
    assert "Ukraine" in actors
    assert not {"Kursk", "Sudzha", "Kursk region", "Bolshoe Soldatskoe"} & set(actors)


def test_acting_roles(engine):
    text = ("Talks with Moscow stalled. The Kremlin did not take the bait. President Biden has tried to strengthen "
            "Ukraine's hands, and the Biden administration announced new aid.")
    actors = spans_of(text, "ACTOR")
    for name in ("Moscow", "Kremlin", "Biden", "Ukraine", "Biden administration"):
        assert name in actors


def test_nbsp_glue_is_split(engine):
    text = ("\u201cWe hold the line,\u201d he wrote Thursday on the social platform X.\xa0\n\n"
            "Ukraine likely has the ability.")
    actors = spans_of(text, "ACTOR")
    assert "Ukraine" in actors
    assert not any("\n" in a for a in actors)


def test_reported_claim_with_source(engine):
    text = ("Mick Ryan, a retired major general, said the country was likely exploiting an opportunity to inflict "
            "casualties on Russia.")
    result = engine.suggest(text)
    claims = result.by_label("CLAIM")
    assert [text[c.start : c.end] for c in claims] == [
        "the country was likely exploiting an opportunity to inflict casualties on Russia"
    ]
    (head, child, label), = result.relations
    assert label == "SOURCE" and result.spans[head] is claims[0]
    assert text[result.spans[child].start : result.spans[child].end] == "Mick Ryan"


def test_quote_with_pronoun_resolves_to_last_named_person(engine):
    text = ("Robert Kagan, a senior fellow, said Putin is not interested in real talks.\n\n"
            "\u201cUkraine will not lose in a nice, negotiated way,\u201d he wrote in a piece.")
    result = engine.suggest(text)
    pairs = {text[result.spans[h].start : result.spans[h].end]: text[result.spans[c].start : result.spans[c].end]
             for h, c, _ in result.relations}
    assert pairs["Ukraine will not lose in a nice, negotiated way"] == "Robert Kagan"
    assert pairs["Putin is not interested in real talks"] == "Robert Kagan"


def test_according_to(engine):
    text = "Trump is keen on looking strong and negotiating from a position of strength, according to Reuters."
    result = engine.suggest(text)
    claim = result.by_label("CLAIM")[0]
    want = "Trump is keen on looking strong and negotiating from a position of strength"
    assert text[claim.start : claim.end] == want
    (_h, c, _), = result.relations
    assert text[result.spans[c].start : result.spans[c].end] == "Reuters"


def test_statement_noun(engine):
    text = "The official said little. The Pentagon's calculation is that Putin will not give up the region."
    result = engine.suggest(text)
    assert "Putin will not give up the region" in result.texts(text, "CLAIM")


def test_patterns_and_junk(engine):
    text = "The Kremlin denied it.\n\nSource link\n\nPlease Subscribe us at Google News."
    result = engine.suggest(text)
    kremlin = [s for s in result.spans if text[s.start : s.end] == "Kremlin"]
    assert kremlin and kremlin[0].origin == Origin.PATTERN
    assert all(s.end <= text.index("Source link") for s in result.spans)
    assert [text[a:b] for a, b in junk_ranges(text)] == ["Source link", "Please Subscribe us at Google News."]
    byline = "By Anna Bell | Updated 3 May\n"  # a web-junk line and a byline at once: listed once
    assert junk_ranges(byline) == [(0, len(byline) - 1)]


def test_pattern_file_errors():
    ok = parse_patterns(['{"label": "ACTOR", "pattern": [{"lower": "kremlin"}]}', "", '{"label": "ACTOR", '
                         '"pattern": "Financial Times"}'])
    assert len(ok) == 2
    with pytest.raises(PatternError, match=":1:"):
        parse_patterns(['{"label": "ACTOR"}'])
    with pytest.raises(PatternError, match="not JSON"):
        parse_patterns(["{nope"])


def test_offsets_exact_on_typographic_text(engine):
    text = "\u201cRussia had to pull almost 60,000\xa0troops,\u201d Zelensky\u2019s office said.\xa0"
    for s in engine.suggest(text).spans:
        assert text[s.start : s.end] == text[s.start : s.end].strip()
    assert "almost 60,000\xa0troops" in spans_of(text, "FIGURE")


def test_load_pipeline_failures(tmp_path):
    with pytest.raises(PipelineLoadError, match="no installed spaCy pipeline"):
        load_pipeline("no-such-model-xyz")
    with pytest.raises(PipelineLoadError, match="does not exist"):
        load_pipeline(str(tmp_path / "missing"))
    with pytest.raises(PipelineLoadError, match=r"config\.cfg"):
        load_pipeline(str(tmp_path))


def test_shipped_label_map_matches_the_built_in_defaults():
    """annotations/label_map.toml spells out the defaults so that users can edit them; the two must not drift."""
    import tomllib

    from app.core.suggest.config import DEFAULT_LABEL_MAP_PATH, SuggestConfig, load_config

    shipped, default = load_config(), SuggestConfig()
    data = tomllib.loads(DEFAULT_LABEL_MAP_PATH.read_text(encoding="utf-8"))
    spelled = {key for section in ("actor", "figure", "claim", "lists") for key in data.get(section, {})}
    assert {"never_actors", "hedges", "reporting_verbs", "claim_nouns", "witness_nouns"} <= spelled
    for name in ("labels", *sorted(spelled)):
        assert getattr(shipped, name) == getattr(default, name), name


def test_lower_case_token_patterns_match_like_the_matcher(engine):
    """Token patterns of only lower-case forms run as a phrase matcher; the others still run as token patterns."""
    patterns = parse_patterns([
        '{"label": "ACTOR", "pattern": [{"lower": "white"}, {"lower": "house"}]}',
        '{"label": "ACTOR", "pattern": [{"LOWER": "wagner"}, {"IS_TITLE": true}]}',
        '{"label": "ACTOR", "pattern": "NATO"}',
    ])
    doc = engine.nlp("The WHITE HOUSE and the White House met Wagner Group, not nato, and NATO.")
    found = [(doc.text[s:e], label) for s, e, label in patterns.matches(engine.nlp, doc)]
    assert found == [("WHITE HOUSE", "ACTOR"), ("White House", "ACTOR"), ("Wagner Group", "ACTOR"), ("NATO", "ACTOR")]


def test_suggestions_record_the_rules_version(engine):
    from app.core.suggest.engine import RULES_VERSION

    assert engine.version.startswith(engine.pipeline.version) and engine.version.endswith(f"rules {RULES_VERSION}")
