"""Who makes a claim: resolving the subject of a reporting verb ("Mick Ryan said", "he said", "the official
said", "Kyiv's forces claimed", "according to the latest ISW report") to an ACTOR suggestion, creating one for
speakers the recogniser missed and for unnamed sources ("a senior defense official" -> `senior defense official`,
"three diplomats", "regional officials", "officials in Kyiv", "a spokeswoman for the Sumy regional military
administration" -> the body), a state's body speaking for it ("Ukraine's air force said" -> Ukraine), a body
named before ("the committee added") and descriptions of someone named before ("the expert", "the 68-year-old",
"the think tank").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from app.core.suggest.actor_roles import is_listener
from app.core.suggest.actors import MISSION_PREPS, MISSIONS, name_key, surname_key
from app.core.suggest.base import MONTHS, Suggestion, is_age_old, object_of
from app.core.suggest.config import SuggestConfig
from app.core.suggest.document_owners import earlier_owner, is_bare_mention
from app.core.suggest.missed_names import ORG_DESCRIPTORS, PERSON_NOUNS, is_age, keeps_the
from app.core.suggest.pronoun_gender import gender_evidence, pronoun_gender
from app.core.suggest.unnamed_sources import BODIES, DETERMINERS, TIERS, data_owner, unnamed_source
from app.core.suggest.witnesses import aged_speaker, people_just_named, place_tail

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_OTHERS = frozenset({"others", "many", "several", "another", "one", "some"})  # standing for people just spoken of
_SHARES = frozenset({"number", "handful", "majority", "minority", "group", "couple"})  # "a number of X" is X
# "known by the call sign X", "known by its acronym HUR", "a woman named Nina Ryabtseva" name the speaker
_NAME_WORDS = frozenset({"name", "named", "called", "sign", "callsign", "nickname", "acronym", "abbreviation"})
_NAME_OPENERS = frozenset({",", '"', "“", "'", "‘"})  # between the name word and the name
# the words in a body's name that a later "the department" or "the agency" may stand for
_BODY_NAMES = {"department": {"department", "ministry"}, "agency": {"agency", "service", "bureau"}}
# nouns that stand for an organisation named before: "the think tank said"
_POLLS = frozenset({"poll", "survey"})  # done by a pollster, who speaks through them (not "a document seen by X")
_STATEMENT_NOUNS = frozenset({"statement", "report", "post", "data", "assessment", "analysis", "briefing", "message",
                              "poll", "survey"})
# a single document that speaks when nobody is named in it: "the review concluded", "according to the indictment"
_DOCUMENTS = frozenset({
    "document", "indictment", "review", "memo", "memorandum", "letter", "filing", "audit", "dossier", "report",
    "study", "cable", "transcript", "draft", "assessment", "estimate", "post",
})
# actors made by these rules are groups or unnamed people, never a named person "he"/"she" can refer to
_NOT_PERSON_RULES = frozenset({"government", "group", "unnamed"})


def _named_after(noun: Any) -> bool:
    """A name stands in apposition right after `noun`: "the governor, Pavel Grekov," "the expert, retired
    Colonel Gennady Ostroumov"."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i - noun.i <= 6 for c in noun.rights)


def _describes_name(noun: Any) -> bool:
    """`noun` stands in apposition right after a name: "Vsevolod K., the acting governor of the region,"."""
    return noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.ent_type_ == "PERSON" and (
        noun.i - noun.head.i <= 6)


def _has_own_family(span: Any) -> bool:
    """A one-word name (the model may call it a place) that is the subject of a clause in which "his" or "her"
    comes before any other person's name: "Valentina pushed open what was left of her garden gate"."""
    if len(span) != 1 or span.root.dep_ != "nsubj":
        return False
    for tok in span.root.head.subtree:
        if tok.i > span.root.i and tok.ent_type_ == "PERSON":
            return False
        if tok.i > span.root.i and tok.dep_ == "poss" and tok.lower_ in ("his", "her"):
            return True
    return False


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    shape: str  # quote, according-to, statement-noun, reported, perfect-infinitive, as-phrase, of-phrase
    rank: int  # lower wins when two candidates overlap
    score: float
    subject: Any | None  # the token naming the source, if the sentence has one
    line: int = -1
    opens_line: bool = False
    source: Suggestion | None = None  # known without a subject token (an interview's answers)
    inside: Candidate | None = None  # the quotation this report is made in ("The agent said it was ...")


@dataclass(slots=True)
class Ctx:
    doc: Any
    text: str
    cfg: SuggestConfig
    actors: list[Suggestion]
    reported: list[tuple[int, int]] = field(default_factory=list)  # quotes and reported content
    candidates: list[Candidate] = field(default_factory=list)
    persons: set[str] | None = None  # surnames of people, computed on first use
    genders: dict[str, str] | None = None  # surname -> "m" / "f" where the text makes it plain, on first use
    verbs: frozenset[str] = field(init=False)  # reporting verbs and characterising verbs
    lines: list[tuple[int, str]] = field(init=False)  # (start offset, text) of each line, for the layout rules
    _line_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.verbs = self.cfg.reporting_verbs | self.cfg.as_verbs | self.cfg.of_verbs
        self.lines, pos = [], 0
        for line in self.text.split("\n"):
            self.lines.append((pos, line))
            pos += len(line) + 1
        self._line_starts = [start for start, _ in self.lines]

    def line_of(self, char: int) -> int:
        """The number of the line that holds `char`."""
        return bisect_right(self._line_starts, char) - 1

    def actor_at(self, char: int) -> Suggestion | None:
        for a in self.actors:
            if a.start <= char < a.end:
                return a
        return None

    def _person_names(self) -> set[str]:
        """Surnames of the text's people: a name is a person's when any mention of it is tagged PERSON (or was
        made a speaker) or is described by an appositive noun ("Oleg Zhdanov, a military expert"), so that a
        mention the model took for an organisation or a place still counts. So does a name after a title or a
        person noun ("Defence lawyer Alla Merkulova"), or in apposition to one ("the defence minister, X,")."""
        if self.persons is None:
            names = set()
            for a in self.actors:
                if a.attributes.get("rule") in _NOT_PERSON_RULES or name_key(
                        self.text[a.start : a.end]) in self.cfg.government_seats:
                    continue
                span = self.doc.char_span(a.start, a.end, alignment_mode="expand")
                title = self.doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""
                described = span is not None and (any(
                    (c.dep_ == "appos" and ((c.pos_ == "NOUN" and not self._describes_org(c)) or is_age(c)))
                    or (c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)  # "X, who studies ..."
                        and not any(t.lower_ in self.cfg.org_heads for t in span))  # (not "the X Center who ...")
                    for c in span.root.children
                ) or title in PERSON_NOUNS or title in self.cfg.person_titles  # "Defence lawyer Alla Merkulova"
                    or (span.root.dep_ == "appos" and span.root.head.lower_ in PERSON_NOUNS)  # "minister, X,"
                    or _has_own_family(span)  # "Valentina pushed open her garden gate"
                    or (len(span) >= 2 and span[0].lower_ in self.cfg.given_names))  # "Galina Prokudina" as GPE
                if a.attributes.get("model_label") in ("PERSON", "") or described:
                    names.add(self._surname(a))
            self.persons = names
        return self.persons

    def _describes_org(self, noun: Any) -> bool:
        """"a Helsinki-based research group", "a think tank": an appositive that makes its name no person."""
        return noun.lower_ in ORG_DESCRIPTORS or noun.lower_ in self.cfg.org_heads

    def last_organisation(self, before: int, within: int | None = None) -> Suggestion | None:
        """The last organisation named before `before` (at most `within` characters before it), which "it", "its
        press service" and "the think tank" stand for."""
        orgs = [a for a in self.actors if a.end <= before and (within is None or before - a.end <= within) and (
            a.attributes.get("model_label") in ("ORG", "FAC") or a.attributes.get("rule") == "pattern")]
        return max(orgs, key=lambda a: a.start) if orgs else None

    def people_before(self, before: int) -> list[Suggestion]:
        """Named people before `before`, outside quoted or reported content, in text order."""
        persons = self._person_names()
        return sorted((
            a for a in self.actors
            if a.end <= before and self._surname(a) in persons
            and a.attributes.get("rule") not in _NOT_PERSON_RULES
            and not self._in_reported(a)
        ), key=lambda a: a.start)

    def last_person(self, before: int, opens_paragraph: bool = False, gender: str | None = None) -> Suggestion | None:
        """The person "he"/"she" refers to: normally the last named person outside quoted or reported content
        (of that `gender`, when the text gave them one). For a quotation paragraph ("..." he said) after a
        paragraph that introduces a new person next to people named before, the newly introduced person is the
        paragraph's topic and the likelier speaker."""
        people = self.people_before(before)
        if gender is not None:
            if self.genders is None:
                self.genders = gender_evidence(self.doc, self.cfg.reporting_verbs, self.people_before,
                                               self._surname)
            people = [a for a in people if self.genders.get(self._surname(a), gender) == gender]
        people = [a for a in people if not is_listener(  # "she told Okno. ... she said"
            self.doc.char_span(a.start, a.end, alignment_mode="expand"))] or people
        unnamed = self._unnamed_person(before, opens_paragraph)
        if unnamed is not None and (not people or people[-1].start < unnamed.start):
            return unnamed
        if not people:
            return self._first_named(before)
        last = self._sentence_subject(people)
        if not opens_paragraph:
            return last
        window_start = self.paragraph_start(max(0, self.paragraph_start(before) - 1))
        first_seen: dict[str, int] = {}
        for a in people:
            first_seen.setdefault(self._surname(a), a.start)
        in_window = [a for a in people if a.start >= window_start]
        new = {self._surname(a) for a in in_window if first_seen[self._surname(a)] >= window_start}
        if len(new) == 1 and self._surname(last) not in new:
            return next(a for a in reversed(in_window) if self._surname(a) in new)
        return last

    def _first_named(self, before: int) -> Suggestion | None:
        """With nobody named as an actor before `before`: the last person the recogniser found there whom the
        text names as an actor later ("Serhiy Dovhoruk kneels at ... “...,” the 44-year-old sapper said")."""
        persons = self._person_names()
        named = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end_char <= before
                 and surname_key(e.text) in persons
                 and not any(a <= e.start_char < b for a, b in self.reported)]
        return self.new_actor(named[-1][0], named[-1][-1], "speaker") if named else None

    def _sentence_subject(self, people: list[Suggestion]) -> Suggestion:
        """The last person named, unless only an object of the sentence that has another person as its subject:
        "Oborski closed the debate with a reply to Sierakowiak. "...," he said" (he is Oborski)."""
        last = people[-1]
        span = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if span is None or span.root.dep_ in ("nsubj", "nsubjpass"):
            return last
        sent = span.sent
        subjects = [a for a in people[:-1] if a.start >= sent.start_char and self._surname(a) != self._surname(last)
                    and (s := self.doc.char_span(a.start, a.end, alignment_mode="expand")) is not None
                    and s.root.dep_ in ("nsubj", "nsubjpass") and s.root.head == sent.root]
        return subjects[-1] if subjects else last

    def _unnamed_person(self, before: int, opens_paragraph: bool) -> Suggestion | None:
        """One unnamed person who spoke in this paragraph or the two before (three, for a paragraph that opens with
        a quotation): "A Ukrainian commander in Kursk, who asked not to be named, said ... "...," he said"."""
        start = self.paragraph_start(before)
        for _ in range(3 if opens_paragraph else 2):
            start = self.paragraph_start(max(0, start - 1))
        spoke = [a for a in self.actors if a.attributes.get("rule") == "unnamed"
                 and start <= a.start < a.end <= before and not self._in_reported(a) and self._one_person(a)]
        return sorted(spoke, key=lambda a: a.start)[-1] if spoke else None  # the last to speak

    def _one_person(self, actor: Suggestion) -> bool:
        """`actor` is one person introduced as such: "a Ukrainian commander", "one senior diplomat", "the
        26-year-old" nobody named (not "the diplomat", someone named before, and not "two diplomats")."""
        span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if span is not None and span.text.endswith("-year-old"):
            return True  # "the 26-year-old said"
        if span is None or span.root.tag_ != "NN" or not (span.root.lower_ in PERSON_NOUNS
                                                           or span.root.lower_ in self.cfg.source_nouns
                                                           or span.root.lower_ in self.cfg.witness_nouns):
            return False
        article = span[0] if span[0].lower_ == "one" else self.doc[span.start - 1] if span.start else None
        return article is not None and article.lower_ in ("a", "an", "one")

    def _in_reported(self, actor: Suggestion) -> bool:
        """`actor` lies inside quoted or reported content (someone named there is not who "he" refers to)."""
        return any(s <= actor.start and actor.end <= e for s, e in self.reported)

    def is_person(self, actor: Suggestion) -> bool:
        return actor.attributes.get("rule") not in _NOT_PERSON_RULES and self._surname(actor) in self._person_names()

    def _surname(self, actor: Suggestion) -> str:
        return surname_key(self.text[actor.start : actor.end])

    def paragraph_start(self, char: int) -> int:
        """Start of the line (one paragraph a line) that holds `char`; a blank line counts as the one before."""
        text = self.text
        start = text.rfind("\n", 0, max(0, char)) + 1
        while start > 0:
            stop = text.find("\n", start)
            if text[start : stop if stop >= 0 else len(text)].strip():
                break
            start = text.rfind("\n", 0, start - 1) + 1
        return start

    def new_actor(self, start_tok: Any, end_tok: Any, rule: str) -> Suggestion | None:
        start, end = start_tok.idx, end_tok.idx + len(end_tok.text)
        if name_key(self.text[start:end]) in self.cfg.never_actors:
            return None
        found = self.actor_at(start)
        if found is not None and found.start == start and found.end == end:
            return found
        actor = Suggestion(start, end, self.cfg.actor_label, 0.75, attributes={
            "model_label": start_tok.ent_type_ or "", "rule": rule,
        })
        self.actors.append(actor)
        self.persons = None
        return actor

    def headline_source(self, first: Any, root: Any) -> Suggestion | None:
        """The source of a headline "Military expert: ..." or "Zelensky: ...": a name, or a person noun."""
        if root.ent_type_ == "DATE" or root.lower_ in MONTHS:
            return None  # "- Mid-August: Ukraine says ...": a date line, not a speaker
        if root.pos_ == "PROPN" or root.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return self.resolve(root)[0]
        if root.lower_ in self.cfg.source_nouns or root.lower_ in PERSON_NOUNS:
            return self.new_actor(first, root, "unnamed")
        return None

    def _described_person(self, tok: Any) -> Suggestion | None:
        """"the expert" after "military expert, reserve colonel Vadym Ostapchuk": the last mention of the person
        the same noun described before (within a few words of the name). "The Washington-based think tank said":
        the last organisation named."""
        definite = any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "NOUN")
                       for c in tok.children)  # "the mayor", "the city's mayor"
        if definite and tok.lower_ in ORG_DESCRIPTORS:
            return self.last_organisation(tok.idx)
        holder = object_of(next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)) if (
            definite and tok.lower_ == "office") else None
        held = self.resolve(holder, 1)[0] if holder is not None and holder.pos_ == "PROPN" and any(
            c.dep_ == "compound" for c in holder.lefts) else None  # a full name
        if held is not None and self.is_person(held):
            return held  # "the office of Vera X, the region's commissioner, said": she speaks
        if definite and tok.lower_ in BODIES and not any(c.dep_ == "poss" for c in tok.children):
            # "the headquarters said": the body named before ("Coordination Headquarters for ..."); "the air
            # force said" with none named: the body itself, `air force`
            kinds = _BODY_NAMES.get(tok.lower_, {tok.lower_})  # "the department" for the Ministry of Defence
            own = {c.lower_ for c in tok.lefts if c.dep_ == "compound" and not c.is_punct}  # "the press service"
            tiers = [TIERS[c.lower_] for c in tok.lefts if c.dep_ == "amod" and c.lower_ in TIERS]
            named = [a for a in self.actors if a.end <= tok.idx and (words := set(name_key(
                self.text[a.start : a.end]).split(" "))) & kinds and own <= words and all(t & words for t in tiers)]
            if named:
                return max(named, key=lambda a: a.start)
            for earlier in reversed(self.doc[max(0, tok.i - 600) : tok.i]):  # "the Odesa regional military
                if earlier.lower_ != tok.lower_ or any(c.dep_ == "poss" for c in earlier.children):  # administration"
                    continue
                mods = [t for t in self.doc[earlier.left_edge.i : earlier.i] if t.dep_ in ("compound", "amod", "nmod")]
                if any(m.text[:1].isupper() for m in mods) and own <= {m.lower_ for m in mods}:
                    return self.new_actor(mods[0], earlier, "unnamed")
            mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and not c.is_punct]
            # "the Russian embassy in London"
            where = place_tail(tok, MISSION_PREPS) if tok.lower_ in MISSIONS else None
            # "the emergency situations ministry": from the first word of the first modifier
            return self.new_actor(mods[0].left_edge if mods else tok, where or tok, "unnamed")
        if not definite or not (tok.lower_ in PERSON_NOUNS or tok.lower_ in self.cfg.witness_nouns):
            return None
        people = self.people_before(tok.idx)
        for earlier in reversed(self.doc[: tok.i]):
            if earlier.lower_ != tok.lower_ or (any(c.dep_ == "det" and c.lower_ == "the" for c in earlier.children)
                                                 and not _named_after(earlier) and not _describes_name(earlier)):
                continue  # "the governor said" is no description; "the governor, Pavel Grekov," and "Pavel
                # Grekov, the acting governor," are
            near = [a for a in people if abs(a.start - earlier.idx) < 80]
            if near:  # the nearest: "Minister Kolesnyk" for the next "the Minister", not the name before it
                nearest = min(near, key=lambda a: a.start - earlier.idx - len(earlier.text) if a.start > earlier.idx
                              else earlier.idx - a.end)
                surname = self._surname(nearest)
                return next(a for a in reversed(people) if self._surname(a) == surname)
        return None

    def _name_given(self, tok: Any) -> Any | None:
        """The name that the description of `tok` gives its person: "a major who asked to be identified only by
        his first name, Roman", "a platoon commander who goes by the call sign Bober" (or “Shaman”)."""
        known = next((c for c in tok.rights if c.dep_ == "acl" and c.lemma_ == "know"), None)
        alias = object_of(next((c for c in known.children if c.lower_ == "as"), None)) if known is not None else None
        if alias is not None and alias.pos_ == "PROPN":
            return alias  # "Ukraine's military intelligence agency, known as HUR, said"
        for t in tok.subtree:
            if t.lower_ in _NAME_WORDS and tok.i < t.i < len(self.doc) - 2:
                name = self.doc[t.i + 2] if self.doc[t.i + 1].text in _NAME_OPENERS else self.doc[t.i + 1]
                return name if name.pos_ == "PROPN" and name.text[:1].isupper() else None
        return None

    def resolve(self, tok: Any, depth: int = 0, inner: bool = False,
                opens_paragraph: bool = False) -> tuple[Suggestion | None, str]:
        """The actor that `tok` (a subject, possessor or 'according to' object) names, and how it was found."""
        named = next((c for c in tok.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is None and tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.ent_type_ == "PERSON":
            named = tok.head  # "Stanislav Beloborodko, a Kursk lawyer who says ...": the lawyer is the one named
        if named is None and tok.pos_ == "NOUN":
            named = self._name_given(tok)
        if named is not None and tok.pos_ == "NOUN" and depth <= 1:  # "A Chinese foreign ministry spokesman, Guo
            found, how = self.resolve(named, depth + 1)  # Renjie, said": the name, not the description
            if found is not None:
                return found, how
        found = self.actor_at(tok.idx)
        if found is not None:
            return found, "named"
        if tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.is_alpha and name_key(
                tok.text) in self._person_names():  # "Rübesamen said", the surname read as a plural noun
            return self.new_actor(tok, tok, "speaker"), "named"
        if self.cfg.is_title(tok.lower_) and tok.i + 1 < len(self.doc) and (
                self.doc[tok.i + 1].pos_ == "PROPN" and self.doc[tok.i + 1].text[:1].isupper()):
            return self.resolve(self.doc[tok.i + 1], depth, inner, opens_paragraph)  # "said Sergeant Roman"
        if tok.lower_ in PRONOUNS:
            return self.last_person(tok.idx, opens_paragraph, pronoun_gender(tok.text)), "pronoun"
        if is_age_old(tok) and (any(c.dep_ == "det" for c in tok.children) or (
                tok.i >= 5 and self.doc[tok.i - 5].lower_ == "the")):
            return aged_speaker(self, tok), "described"  # "The 68-year-old said" (split at the hyphens)
        old = next((c for c in tok.lefts if is_age_old(c)), None)
        if old is not None and tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return aged_speaker(self, old), "described"  # "said the 52-year-old hospital nurse"
        if tok.lower_ in PERSON_NOUNS and tok.pos_ == "PROPN" and any(c.dep_ == "det" for c in tok.children):
            described = self._described_person(tok)  # "The Minister underlined": the minister named before
            if described is not None:
                return described, "described"
        if tok.tag_ == "NNPS" and not tok.ent_type_ and tok.is_sent_start and not any(
                c.dep_ == "compound" for c in tok.lefts) and not (  # "Critics in Ukraine argue": a plural the
                tok.lower_ in self.cfg.group_nouns or tok.lower_ in self.cfg.witness_nouns):  # parser capitalised
            return unnamed_source(self, tok), "named"  # for opening the sentence, no name ("Prosecutors" speak)
        if (tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON")) and tok.text[:1].isupper():  # "ISW" as NN
            left = tok
            while left.i > 0 and self.doc[left.i - 1].pos_ == "PROPN" and self.doc[left.i - 1].dep_ in (
                "compound", "flat"
            ):
                left = self.doc[left.i - 1]
            titles = [t.i for t in self.doc[left.i : tok.i] if self.cfg.is_title(t.lower_)]
            if titles:  # "Mayor Nerijus Šalčius told reporters", "Lt Col Yakubovskyi", "Armed Forces Minister X"
                left = self.doc[titles[-1] + 1]
            if left.i > 0 and keeps_the(self.doc[left.i - 1]):
                left = self.doc[left.i - 1]  # "As The Economist recently warned"
            if left.i < tok.i or tok.ent_type_ in ("", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART") or (
                    inner and tok.text.isupper() and len(tok.text) > 2):  # "according to OCHA" (read as NORP)
                return self.new_actor(left, tok, "speaker"), "named"
        if tok.pos_ == "ADJ" and depth == 0:  # "Current and former officials say": the parser took "Current" for
            group = next((c for c in tok.rights if c.dep_ == "conj" and c.tag_ == "NNS" and (  # the subject
                c.lower_ in self.cfg.group_nouns or c.lower_ in self.cfg.witness_nouns)), None)
            if group is not None:
                return self.new_actor(tok, group, "group"), "named"
        if depth == 0 and (tok.lower_ in BODIES or tok.lower_ in self.cfg.source_nouns) and any(
                c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
            body = next((t for t in reversed(self.doc[max(0, tok.i - 40) : tok.i]) if t.dep_ == "nsubj" and (
                t.lower_ in BODIES)), None)  # "The defence ministry did not answer. ..., its press service said"
            owner = self.resolve(body, 1)[0] if body is not None else self.last_organisation(tok.idx)
            if owner is not None:  # "..., its press service told the Kyiv Independent": the body named before
                return owner, "pronoun"
        if tok.lower_ in _OTHERS and tok.dep_ == "nsubj":
            group = people_just_named(tok)
            if group is not None:  # "Others say ...", "Several said ...", "One of them described ...": people
                return self.new_actor(*group, "group"), "named"  # the story has just spoken of
        if tok.lower_ in _SHARES and depth == 0:  # "a number of Nordic and Central European diplomats argue"
            obj = object_of(next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None))
            if obj is not None and obj.tag_ == "NNS":
                return self.resolve(obj, 1)
        if tok.pos_ in ("NOUN", "PROPN", "NUM"):
            named = next((c for c in tok.rights if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ in (
                "ORG", "PERSON"))), None)  # ("Russia's largest lender, state-owned Sberbank, said": read as a noun)
            if named is not None and depth <= 1:  # "Ukraine's former top general, Valerii Zaluzhnyi, admitted"
                found, how = self.resolve(named, 1)
                if found is not None:
                    return found, how
            described = self._described_person(tok)
            if described is not None:
                return described, "described"
            unnamed = unnamed_source(self, tok)
            if unnamed is not None:
                return unnamed, "named"
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ not in PRONOUNS), None)
            if poss is not None and depth == 0 and (tok.tag_ == "NNS" or (
                    poss.pos_ == "PROPN" and (tok.lower_ in BODIES or tok.lower_ in self.cfg.institution_nouns))):
                # "Kyiv's forces claimed", "Ukraine's air force said": the state speaks
                found, how = self.resolve(poss, 1)
                if found is not None:
                    return found, how
        if depth == 0 and is_bare_mention(tok):  # "The report finds that": the group that put it out
            owner = earlier_owner(self, tok)
            if owner is not None:
                return owner, "described"
        if (inner or tok.lemma_ in _STATEMENT_NOUNS) and tok.pos_ == "NOUN" and depth == 0:
            # "according to the latest ISW report", "A Kremlin statement described ...", "FrontLine Atlas data show"
            for child in tok.lefts:
                if child.dep_ in ("compound", "poss", "nmod") and (child.ent_type_ or child.pos_ == "PROPN"):
                    found, how = self.resolve(child, 1)
                    if found is not None:  # (not "One widely shared Telegram post": a platform is nobody)
                        return found, how
            by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
            if by is None and tok.lemma_ in _POLLS:  # "The poll, carried out by the research agency Pryzmat, found"
                by = next((g for c in tok.rights if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"), None)
            obj = object_of(by)
            if obj is not None:  # "according to the latest assessment by the Institute for the Study of War"
                return self.resolve(obj, 1)
            body = data_owner(self, tok)
            if body is not None:  # "according to local council figures", "according to government data"
                return body, "named"
        if tok.lower_ == "post" and any(c.dep_ == "prep" for c in tok.rights):
            # "according to a post on the district administration's Telegram channel": the channel's owner
            channel = object_of(next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "on"), None))
            owner = next((c for c in channel.children if c.dep_ == "poss"), None) if channel is not None else None
            return self.resolve(owner, 1) if owner is not None and depth == 0 else (None, "")
        if tok.lower_ in _DOCUMENTS and any(c.lower_ in DETERMINERS and c.dep_ in ("det", "nummod")
                                            for c in tok.lefts):
            # "according to a document seen by Reuters", "A classified assessment concludes", "One European
            # defence ministry estimate puts ...": the document with the words that say which
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod") and not c.is_punct]
            return self.new_actor(mods[0].left_edge if mods else tok, tok, "unnamed"), "named"
        return None, ""

    def add(self, start: int, end: int, shape: str, rank: int, score: float, subject: Any | None,
            line: int = -1, opens_line: bool = False, min_chars: int = 8, reported: bool = True) -> None:
        """A claim candidate; unless `reported` is false, people named in it are nobody "he" outside may be."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "\"',:-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\",'-:;"):
            end -= 1
        if end - start >= min_chars:
            self.candidates.append(Candidate(start, end, shape, rank, score, subject, line, opens_line))
            if reported:
                self.reported.append((start, end))

    def add_with_source(self, start: int, end: int, shape: str, rank: int, score: float, source: Suggestion,
                        line: int, reported: bool = True) -> None:
        """A candidate whose source actor is already known."""
        before = len(self.candidates)
        self.add(start, end, shape, rank, score, None, line, True, reported=reported)
        if len(self.candidates) > before:
            self.candidates[-1].source = source

