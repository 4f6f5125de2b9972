"""The suggestion engine: a spaCy pipeline plus the domain rules, turning texts into pending suggestions."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from app.core.figures import attributes_for_new_figure, merge_figure_attributes
from app.core.figures import warm_up as warm_up_figures
from app.core.progress import Job, Progress
from app.core.suggest.actor_roles import matters_to, modifies_noun
from app.core.suggest.actors import ORG_PLACE_PREPS, actor_suggestions
from app.core.suggest.aliases import parenthesised_names
from app.core.suggest.base import CURRENCY_PREFIXES, CURRENCY_SYMBOLS, DocSuggestions, Suggestion, in_ranges
from app.core.suggest.claims import claim_suggestions
from app.core.suggest.config import (
    DEFAULT_LABEL_MAP_PATH,
    DEFAULT_PATTERNS_PATH,
    SuggestConfig,
    SuggestConfigError,
    load_config,
)
from app.core.suggest.figures import figure_suggestions
from app.core.suggest.generic_actors import acting_governments, hyphen_agents
from app.core.suggest.missed_names import keeps_the
from app.core.suggest.named_bodies import party_names, regional_bodies, run_on_body_names
from app.core.suggest.normalize import junk_ranges, normalise
from app.core.suggest.patterns import PatternError, PatternSet, load_patterns
from app.core.suggest.pipeline import DEFAULT_PIPELINE, Pipeline, PipelineLoadError, load_pipeline
from app.core.types import Origin

# Everything loading an engine may raise; each message names the file or pipeline and the reason.
LOAD_ERRORS = (PipelineLoadError, SuggestConfigError, PatternError)
_PLACE_PREPS_FOR_PATTERNS = ORG_PLACE_PREPS | {"at"}


PARAGRAPH_COMPONENT = "marginalia_paragraphs"
RULES_VERSION = "46"  # raise when the rules change what they suggest


def paragraph_starts(doc: Any) -> Any:
    """A line break is always a sentence boundary: without this the parser glues "X.\n\nUkraine" together.
    Only the white-space tokens are looked at (a Token object for every word would cost more than the rest)."""
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    for i, space in enumerate(doc.to_array([IS_SPACE]).ravel().tolist()[:-1]):
        if space and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def _add_paragraph_component(nlp: Any) -> None:
    from spacy.language import Language

    if PARAGRAPH_COMPONENT not in Language.factories:
        Language.component(PARAGRAPH_COMPONENT, func=paragraph_starts)
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")


# scale letters glued after a number ("130k", "US$38.6M", "Rbs13.5tn"; the currency letters are in base.py)
_SCALE_SUFFIXES = ("k", "K", "M", "B", "bn", "mn", "tn")
_GLUED_UNITS = ("bcm", "mcm", "tcm")  # gas volumes written on the number: "40bcm"
_SIGNS = "[" + re.escape("".join(sorted(CURRENCY_SYMBOLS))) + "]"
# a range whose ends both carry a currency sign: its dash, the second sign and a scale before the dash are tokens
# of their own (infixes are not split again by the prefix and suffix rules, so each part needs its own pattern)
_SIGNED_RANGE = (f"(?<=[0-9])[-\u2013](?={_SIGNS}[0-9])", f"(?<=[-\u2013]){_SIGNS}(?=[0-9])",
                 f"(?<=[0-9])(?:bn|mn|tn|k)(?=[-\u2013]{_SIGNS}[0-9])")


def split_number_affixes(nlp: Any) -> None:
    """Make `nlp`'s tokenizer split "~640", "130k", "4bn" and "Rbs13.5tn" into their parts, so that "~" hedges the
    number, "k" scales it and "Rbs" is its currency (the default tokenizer keeps them whole, and the parser then
    reads neither as a number). A custom tokenizer is left as it is."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    tokenizer = nlp.tokenizer
    if not hasattr(tokenizer, "prefix_search"):
        return
    prefixes = ["~", "\u2248", "\u00b1", *(re.escape(p) + "(?=[0-9])" for p in CURRENCY_PREFIXES)]
    suffixes = ["(?<=[0-9])(?:" + "|".join(_SCALE_SUFFIXES + _GLUED_UNITS) + ")"]
    # a closing quote and a dash glued between words ("rubles”—around $450,000") are tokens of their own, and so
    # is the dash of a range whose ends both carry a currency sign ("€5-€8/MWh", "$5bn-$6bn")
    infixes = ["\u2014", "(?<=\\w)[\u201d\u2019\"](?=[\u2014\u2013])",
               *_SIGNED_RANGE]
    tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, *suffixes]).search
    tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *infixes]).finditer


# military ranks the default tokenizer splits from their full stop ("Capt" + "."), which ends the sentence there and
# cuts a quotation's "...," Capt. Yevhen X, a spokesman ..., told" from its speaker ("Gen.", "Sen." stay whole)
_RANKS = ("Capt", "Lt", "Col", "Sgt", "Maj", "Cpl", "Brig", "Cmdr", "Pvt", "Lt.-Col", "Lt.Col")


def keep_ranks_whole(nlp: Any) -> None:
    """Make `nlp`'s tokenizer keep "Capt.", "Lt." and the other ranks of `_RANKS` as one token each."""
    from spacy.symbols import ORTH

    if not hasattr(nlp.tokenizer, "add_special_case"):
        return
    for rank in _RANKS:
        nlp.tokenizer.add_special_case(rank + ".", [{ORTH: rank + "."}])


def _overlaps(a: Suggestion, b: Suggestion) -> bool:
    return a.start < b.end and b.start < a.end


def _with_bodies(actors: list[Suggestion], bodies: list[Suggestion]) -> list[Suggestion]:
    """`actors` plus the named bodies that no actor overlaps but from inside ("new administration" in "the new
    administration in Washington": the longer name replaces it)."""
    for body in bodies:
        clashes = [a for a in actors if _overlaps(a, body)]
        if all(body.start <= a.start and a.end <= body.end and (a.start, a.end) != (body.start, body.end)
               for a in clashes):
            actors = [a for a in actors if a not in clashes] + [body]
    return actors


class SuggestionEngine:
    """Suggests ACTOR, FIGURE and CLAIM spans and SOURCE links for texts. Holds a loaded pipeline; one engine
    may be shared by jobs that run one after another, but it is not meant for two threads at once."""

    def __init__(
        self, pipeline: Pipeline, config: SuggestConfig | None = None, patterns: PatternSet | None = None
    ) -> None:
        self.pipeline = pipeline
        self.config = config or SuggestConfig()
        self.patterns = patterns or PatternSet([], "")
        _add_paragraph_component(pipeline.nlp)
        split_number_affixes(pipeline.nlp)
        keep_ranks_whole(pipeline.nlp)

    @property
    def nlp(self) -> Any:
        return self.pipeline.nlp

    @property
    def name(self) -> str:
        return self.pipeline.name

    @property
    def version(self) -> str:
        """The pipeline's version and the rules' (stored with every suggestion: which rules made it)."""
        return f"{self.pipeline.version} + rules {RULES_VERSION}"

    # -- one document --------------------------------------------------------------------------------------

    def _pattern_suggestions(self, doc: Any, junk: list[tuple[int, int]]) -> list[Suggestion]:
        out = []
        for start, end, label in self.patterns.matches(self.nlp, doc):
            if in_ranges(start, end, junk):
                continue
            if label == self.config.actor_label:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and span.start >= 2 and doc[span.start - 1].text == "-" and doc[
                        span.start - 2].lower_ in ("pro", "anti"):
                    continue  # "pro-Kremlin content": a stance, not the Kremlin acting
                if span is not None and len(span) > 1 and span[0].lower_ == "the" and not keeps_the(span[0]):
                    span = span[1:]  # "the Kremlin": the name without "the"; "As The Economist warned" keeps it
                    start = span.start_char
                root = span.root if span is not None else None
                if root is not None and ((root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS_FOR_PATTERNS)
                                         or matters_to(root)):
                    continue  # a place ("in the Kremlin"), or the one something matters to ("for the Kremlin")
                if span is not None and modifies_noun(span, self.config):
                    continue  # "NATO partners": the name only modifies a noun
            out.append(Suggestion(start, end, label, 0.9, Origin.PATTERN, {"rule": "pattern"}))
        return out

    @staticmethod
    def _merge(model: list[Suggestion], patterns: list[Suggestion]) -> list[Suggestion]:
        """Model spans plus pattern spans; of two overlapping spans with one label the longer one stays."""
        merged: list[Suggestion] = []
        for s in sorted([*model, *patterns], key=lambda s: (s.start - s.end, s.origin != Origin.PATTERN)):
            clash = next((m for m in merged if m.label == s.label and _overlaps(m, s)), None)
            if clash is None:
                merged.append(s)
            elif clash.key == s.key:
                clash.score = max(clash.score, s.score)
        return merged

    def analyse(self, text: str, doc: Any, normalised: str | None = None) -> DocSuggestions:
        """Suggestions for `text`, given `doc` = the pipeline's analysis of `normalised` = `normalise(text)`."""
        cfg = self.config
        normalised = normalise(text) if normalised is None else normalised
        junk = junk_ranges(text)
        actors = actor_suggestions(doc, cfg, junk, normalised)
        actors += [a for a in hyphen_agents(normalised, cfg, junk) + acting_governments(doc, cfg, junk)
                   if not any(b.start < a.end and a.start < b.end for b in actors)]
        actors = _with_bodies(actors, party_names(doc, cfg, junk) + regional_bodies(normalised, cfg, junk))
        figures = figure_suggestions(doc, cfg, junk, normalised)
        spans = self._merge([*actors, *figures], self._pattern_suggestions(doc, junk))
        actor_list = [s for s in spans if s.label == cfg.actor_label]
        claims, links = claim_suggestions(doc, normalised, cfg, actor_list, junk)
        merged_ids = {id(s) for s in spans}
        new_actors = [a for a in actor_list if id(a) not in merged_ids]  # speakers the claim rules added
        for _claim, source in links:
            source.score = max(source.score, 0.85)  # a speaker is an actor for certain
        spans, absorbed = run_on_body_names(doc, [*spans, *new_actors], cfg)
        links = [(claim, absorbed.get(id(source), source)) for claim, source in links]
        actor_list = [s for s in spans if s.label == cfg.actor_label]
        aliases = parenthesised_names(normalised, actor_list, cfg, junk)  # "(OCHA)", "(Good Road)"
        spans = [*spans, *aliases, *claims]
        for span in spans:  # figures arrive with their normalised value, unit and qualifier
            if span.label == cfg.figure_label:
                span.attributes = merge_figure_attributes(
                    span.attributes, attributes_for_new_figure(text, span.start, span.end)
                )
        spans.sort(key=lambda s: (s.start, -s.end, s.label))
        index = {id(s): i for i, s in enumerate(spans)}
        relations = [
            (index[id(c)], index[id(a)], cfg.source_relation) for c, a in links if id(c) in index and id(a) in index
        ]
        return DocSuggestions(spans, relations)

    def suggest(self, text: str) -> DocSuggestions:
        normalised = normalise(text)
        return self.analyse(text, self.nlp(normalised), normalised)

    def suggest_many(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[DocSuggestions]:
        """Suggestions for many texts, analysed with `nlp.pipe` in batches (in the order given). A text the rules
        fail on gets no suggestions and says why (`DocSuggestions.error`); the others go on."""
        buffer: deque[tuple[str, str]] = deque()

        def normalised() -> Iterator[str]:
            for text in texts:
                norm = normalise(text)
                buffer.append((text, norm))
                yield norm

        for doc in self.nlp.pipe(normalised(), batch_size=batch_size):
            text, norm = buffer.popleft()
            try:
                result = self.analyse(text, doc, norm)
            except Exception as exc:  # one text the rules trip over must not stop the batch
                result = DocSuggestions([], [], error=f"{type(exc).__name__}: {exc}"[:300])
            yield result


def load_engine(
    model: str | Path = DEFAULT_PIPELINE,
    label_map: str | Path | None = DEFAULT_LABEL_MAP_PATH,
    patterns: str | Path | None = DEFAULT_PATTERNS_PATH,
) -> SuggestionEngine:
    """Load the pipeline, label map and pattern file. Raises one of LOAD_ERRORS with a readable reason."""
    config = load_config(label_map)
    pattern_set = load_patterns(patterns if patterns is None or Path(patterns).exists() or
                                Path(patterns) != DEFAULT_PATTERNS_PATH else None)
    engine = SuggestionEngine(load_pipeline(model), config, pattern_set)
    engine.patterns.matches(engine.nlp, engine.nlp.make_doc("warm up"))  # validate patterns now, not mid-job
    warm_up_figures()  # the figure parser's tables are part of the engine: load them now, not in the first batch
    return engine


def load_engine_job(
    model: str | Path = DEFAULT_PIPELINE,
    label_map: str | Path | None = DEFAULT_LABEL_MAP_PATH,
    patterns: str | Path | None = DEFAULT_PATTERNS_PATH,
) -> Job[SuggestionEngine]:
    """`load_engine` as a Job for the GUI's worker thread; failures raise LOAD_ERRORS from the generator."""
    yield Progress(0, 1, f"Loading {model}")
    engine = load_engine(model, label_map, patterns)
    yield Progress(1, 1, f"Loaded {engine.version}")
    return engine
