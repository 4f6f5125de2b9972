"""What the suggestion rules read from annotations/label_map.toml: the label mapping and the word lists.

Every list has a default here; the TOML file overrides any of them, so a project can tune the rules without code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from app.core.paths import resource_path

DEFAULT_LABEL_MAP_PATH = resource_path("annotations", "label_map.toml")
DEFAULT_PATTERNS_PATH = resource_path("annotations", "patterns.jsonl")


class SuggestConfigError(ValueError):
    """The label map file is not usable; the message names the file and the problem."""


def _words(*items: str) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


@dataclass(frozen=True, slots=True)
class SuggestConfig:
    # model label -> scheme label
    labels: dict[str, str] = field(default_factory=lambda: {
        "PERSON": "ACTOR", "ORG": "ACTOR", "NORP": "ACTOR", "GPE": "ACTOR", "LOC": "ACTOR",
        "CARDINAL": "FIGURE", "QUANTITY": "FIGURE", "MONEY": "FIGURE", "PERCENT": "FIGURE",
    })
    # model labels whose mentions are ACTORs without a role check (people and organisations)
    always_actor: frozenset[str] = _words("PERSON", "ORG")
    actor_label: str = "ACTOR"
    figure_label: str = "FIGURE"
    claim_label: str = "CLAIM"
    source_relation: str = "SOURCE"
    # names that are only ever places in this domain (never suggested as ACTOR)
    never_actors: frozenset[str] = _words(
        "Kursk", "Sudzha", "Pokrovsk", "Donetsk", "Donbas", "Luhansk", "Kharkiv", "Kherson", "Zaporizhzhia",
        "Sumy", "Chernihiv", "Bakhmut", "Avdiivka", "Kurakhove", "Kurakhov", "Crimea", "Belgorod", "Bryansk",
        "Mariupol", "Odesa", "Odessa", "Berdin", "Bolshoye Soldatskoye", "Bolshoe Soldatskoe", "Kursk Oblast",
        "Donetsk Oblast", "State", "Asia", "Jerusalem", "Gaza", "Kiev", "Siberia",
        "Google News", "X", "Capitol Hill", "Standards",
        "GMT", "UTC", "CET", "EET", "MSK", "Telegram", "WhatsApp", "Facebook", "Twitter",
        "YouTube", "TikTok", "Instagram", "Viber", "Danube", "Seym", "Seim", "Psel", "Dnipro River", "Dnieper",
        "Black Sea",
        "JavaScript", "PDF", "Commentary", "Analysis", "Opinion", "Explainer", "BST", "EST", "EDT", "CEST", "EEST",
        "PST", "Iskander", "Iskander-M", "Kinzhal", "Kalibr", "Shahed", "Shaheds", "Geran", "Geran-2", "HIMARS",
        "ATACMS", "Storm Shadow", "Taurus", "GDP", "EW", "FPV", "Brent", "Urals", "TTF", "WTI", "LNG",
        # armoured vehicles and aircraft by type ("Strykers and Marders raced across the border")
        "Stryker", "Strykers", "Bradleys", "Marder", "Marders", "M113", "M113s", "BMP", "BMPs", "BTR", "BTRs",
        "Leopard", "Leopards", "Abrams", "Su-34", "Su-34s", "Su-25", "Su-35", "Lancet", "Lancets", "Patriot",
        "Oreshnik", "Sarmat", "Yars", "Burevestnik",
        # what a speaker calls a relative or the country ("'Mum, it's Kursk now'", "defend the Fatherland")
        "Mum", "Mom", "Dad", "Mama", "Papa", "Ammi", "Abbu", "Fatherland", "Motherland",
    )
    hedges: frozenset[str] = _words(
        "approximately", "almost", "nearly", "some", "around", "roughly", "about", "over", "another", "at least",
        "no more than", "more or less", "more than", "less than", "fewer than", "up to", "as many as", "as much as",
        "as high as", "as low as", "close to", "estimated", "as far as", "just over", "just under", "at most",
        "upwards of", "additional", "extra", "under", "well over", "nearly all", "a further", "as few as",
        "near", "not less than", "not more than", "no less than", "no fewer than", "several", "a few", "perhaps",
        "possibly", "well under", "something like", "upward of", "maybe", "a little under", "a little over",
        "a bit more than", "c.", "ca.", "circa", "<", ">", "~", "±", "closer to", "in the region of", "in excess of",
        "somewhat less than", "somewhat more than", "slightly more than", "slightly less than", "well below",
        "well above", "a little more than", "a little less than", "above", "just above", "below", "just below",
        "slightly above", "slightly below", "barely",
        "on the order of", "something on the order of", "north of", "somewhere north of", "somewhere around",
        "somewhere in the region of",
    )
    # counted nouns that are not a noun head of the number ("40,000 killed and wounded")
    casualty_words: frozenset[str] = _words("killed", "wounded", "dead", "injured", "missing", "captured")
    time_units: frozenset[str] = _words(
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
        "months", "year", "years", "decade", "decades", "century", "centuries", "am", "pm", "a.m.", "p.m.",
        "o'clock", "weekend", "weekends", "night", "nights", "morning", "mornings", "min", "mins", "hr", "hrs",
        "sec", "secs", "winter", "winters", "summer", "summers", "autumn", "autumns", "season", "seasons",
        "fortnight", "fortnights", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays",
        "sundays", "weekday", "weekdays", "shift", "shifts",
    )
    reporting_verbs: frozenset[str] = _words(
        "say", "write", "tell", "claim", "warn", "admit", "reveal", "estimate", "insist", "add", "acknowledge",
        "state", "argue", "believe", "suggest", "note", "emphasize", "emphasise", "indicate", "announce",
        "report", "assert", "confirm", "deny", "predict", "explain", "stress", "contend", "maintain", "conclude",
        "think", "allege", "declare", "point", "describe", "call", "hail", "testify", "concede", "caution",
        "observe", "remark", "reply", "respond", "tweet", "post", "recall", "agree", "fear", "hope",
        "expect", "promise", "pledge", "vow", "urge", "assess", "calculate", "mention", "complain", "underline",
        "consider", "remind", "reckon", "forecast", "doubt", "signal", "dispute", "inform",
        "find", "judge", "repeat", "reiterate",
        # adjectives that report a stance: "X remains unconvinced that ...", "said he was unsure if ..."
        "unconvinced", "convinced", "confident", "unsure", "sure", "certain", "skeptical", "sceptical", "adamant",
    )
    # verbs whose "as" phrase is a characterisation someone makes: "hailed the result as "good news""
    as_verbs: frozenset[str] = _words(
        "hail", "describe", "frame", "characterize", "characterise", "portray", "label", "brand", "dismiss",
        "depict", "denounce", "condemn", "praise", "welcome", "cast", "present", "call",
    )
    # verbs whose "of" phrase is a charge someone makes: "accused Ukraine of putting the plant in danger"
    of_verbs: frozenset[str] = _words("accuse")
    # person nouns that make an unnamed individual source: "a senior defense official said"
    source_nouns: frozenset[str] = _words(
        "official", "spokesman", "spokeswoman", "spokesperson", "diplomat", "commander", "officer", "source",
        "aide", "adviser", "advisor", "minister", "lawmaker", "envoy", "negotiator", "analyst", "expert",
        "trader", "banker", "broker", "executive", "manager", "strategist", "consultant", "economist", "attache",
        "attaché",
    )
    # ordinary people who speak as witnesses, not as generic commentators: "a North Korean soldier says",
    # "Residents of several villages near the border say", "the soldier said" ("analysts say" stays generic)
    witness_nouns: frozenset[str] = _words(
        "soldier", "soldiers", "serviceman", "servicemen", "conscript", "conscripts", "resident", "residents",
        "villager", "villagers", "local", "locals", "evacuee", "evacuees", "refugee", "refugees", "relative",
        "relatives", "family", "families", "mother", "mothers", "father", "wife", "wives", "widow", "son",
        "daughter", "activist", "activists", "protester", "protesters", "protestor", "protestors", "volunteer",
        "volunteers", "survivor", "survivors", "prisoner", "prisoners", "doctor", "doctors", "medic", "medics",
        "nurse", "paramedic", "pensioner", "pensioners", "farmer", "farmers", "worker", "workers", "man", "woman",
        "eyewitness", "eyewitnesses", "witnesses", "neighbour", "neighbor", "neighbours", "neighbors",
        "subscriber", "subscribers", "reader", "readers", "viewer", "viewers", "sister", "brother", "husband",
        "grandmother", "grandfather", "aunt", "uncle", "cousin", "parishioner", "parishioners", "driver",
        "drivers", "guard", "guards", "instructor", "instructors", "landlord", "landlords", "owner", "owners", "agent",
        "agents", "recruiter", "recruiters", "landlady",
    )
    # plurals that speak for no one in particular ("analysts say", "experts believe") or are no speakers at all;
    # any other plural subject of a reporting verb is a group source ("executives said", "Aid groups report")
    generic_plurals: frozenset[str] = _words(
        "analysts", "experts", "observers", "commentators", "critics", "people", "pundits", "scholars", "economists",
        "researchers", "reports", "estimates", "figures", "data", "documents", "images", "polls", "surveys",
        "studies", "records", "statistics", "numbers", "results", "signs", "accounts", "photos", "videos", "maps",
        "others", "some", "many", "most", "few", "both", "all", "things", "events", "developments", "markets",
        "investors", "traders", "companies", "firms", "armies", "forces", "troops", "units", "projects", "planners",
        "lawyers", "pollsters", "footage", "imagery", "counts", "tallies",
    )
    # nouns that carry an attributed statement: "X's calculation is that ...", "his belief that ..."
    claim_nouns: frozenset[str] = _words(
        "calculation", "belief", "view", "assessment", "estimate", "claim", "argument", "conclusion", "position",
        "contention", "prediction", "expectation", "judgment", "judgement", "analysis", "opinion", "warning",
        "estimation", "words", "reckoning", "account", "count", "tally",
    )
    # capitals, states and seats of government that stand for a government: never a person "he" or "she" refers
    # to, whatever the recogniser calls a mention ("Kyiv" tagged PERSON)
    government_seats: frozenset[str] = _words(
        "Kyiv", "Moscow", "Washington", "Berlin", "Warsaw", "Brussels", "Beijing", "Pyongyang", "Seoul", "Minsk",
        "Tehran", "Ankara", "Budapest", "Tokyo", "Rome", "Vilnius", "Riga", "Tallinn", "Helsinki", "Stockholm",
        "Prague", "Bratislava", "Bucharest", "Ukraine", "Russia", "Belarus", "Germany", "France", "Poland", "China",
        "Britain", "America", "Kremlin", "Pentagon", "Bankova", "Whitehall",
    )
    # heads that make a name part of a government actor: "the Biden administration"
    government_heads: frozenset[str] = _words(
        "administration", "government", "regime", "cabinet", "leadership", "ministry", "junta",
    )
    # heads that make a possessor a place: "Russia's Kursk region" (a name that merely modifies another noun,
    # "Kursk offensive", "Ukraine envoy", is never an actor unless the head is a government head)
    place_heads: frozenset[str] = _words(
        "region", "regions", "oblast", "province", "territory", "territories", "border", "borders", "front",
        "city", "town", "village", "villages", "area", "district", "soil", "land", "capital", "countryside",
        "airspace", "coast", "frontline", "heartland", "interior", "north", "south", "east", "west", "districts",
        "towns", "cities", "areas", "communities", "settlements", "outskirts", "stadium", "arena", "airport",
    )
    # a name ending in one of these is an event, not an actor: "the Kursk Offensive"
    event_heads: frozenset[str] = _words(
        "offensive", "counteroffensive", "counter-offensive", "operation", "incursion", "invasion", "war", "attack",
        "campaign", "front", "summit", "talks", "accords", "agreement", "index",  # "the MOEX Russia Index slid"
    )
    place_preps: frozenset[str] = _words(
        "in", "into", "near", "from", "inside", "within", "across", "throughout", "outside", "toward", "towards",
        "at", "of", "on", "through", "around", "onto", "beyond", "to", "for", "about", "over", "off", "out",
        "behind", "along", "since", "under",
    )
    party_preps: frozenset[str] = _words("with", "against", "between", "by", "versus", "vs.")
    # last words that make a name an organisation whatever the recogniser calls it ("the Henry Jackson Society"
    # as FAC), and that let "of"/"for" join two names into one ("Ukrainian Institute" + "for the Future")
    org_heads: frozenset[str] = _words(
        "institute", "institution", "centre", "center", "council", "ministry", "society", "foundation",
        "committee", "agency", "school", "university", "department", "office", "forum", "academy", "fund",
        "association", "union", "commission", "service", "bureau", "organization", "organisation", "league",
        "party", "network", "initiative", "program", "programme", "corporation", "group", "staff", "collective",
        "watch", "coalition", "project", "headquarters", "company", "gmbh", "ltd", "inc", "llc", "plc",
    )
    # "an adviser with the Ukrainian parliament": a nationality with one of these is an institution, an actor
    # where it acts or where a person belongs to it
    institution_nouns: frozenset[str] = _words(
        "parliament", "government", "ministry", "senate", "congress", "duma", "cabinet", "legislature", "presidency",
        "judiciary", "staff", "intelligence", "bank", "leadership",
    )
    # "from X" after these names the one who sends, answers or presses: "transfers from Moscow", "ammunition
    # shipped from North Korea", "a response from Moscow" (not "evacuated from Sudzha", "buy from China")
    sender_heads: frozenset[str] = _words(
        "transfer", "loan", "pressure", "message", "answer", "response", "reply", "confirmation", "volume",
        "delivery", "shipment", "equipment", "receive", "ship", "deliver",
    )
    # "of X" after these names a party to the act: "the full-scale invasion of Ukraine", "with the mediation of
    # the United Arab Emirates"
    party_of_nouns: frozenset[str] = _words("invasion", "mediation")
    # "the package of USA", "into the hands of Ukraine": a state after "of" on one of these is its possessor
    possession_nouns: frozenset[str] = _words(
        "hands", "hand", "package", "position", "positions", "interests", "interest", "side", "plan", "plans",
        "policy", "strategy", "decision", "request", "proposal", "offer", "leadership", "demands", "goals", "aims",
        "losses", "allies", "partners", "army", "forces", "troops", "government",
    )
    # "under the Russian Federation control": a name in front of one of these is its agent
    action_heads: frozenset[str] = _words(
        "control", "occupation", "aggression", "shelling", "bombardment", "blockade", "propaganda", "crackdown",
    )
    # "the widow of Alexei Navalny": a person named only through another is no actor
    relation_nouns: frozenset[str] = _words(
        "widow", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "relatives",
        "family", "grave", "death", "funeral", "killing", "murder", "assassination", "poisoning", "memory",
        "portrait", "photo", "photograph", "statue", "name",
    )
    # common given names (Ukrainian, Russian and Belarusian in their usual transliterations, and frequent Western
    # ones): a two-word name that starts with one is a person's, whatever the recogniser calls it ("Galina
    # Prokudina" tagged as a place)
    given_names: frozenset[str] = _words(
        "Oleksandr", "Oleksandra", "Aleksandr", "Alexander", "Aleksandra", "Alexandra", "Alexei", "Aleksei",
        "Alexey", "Oleksii", "Oleksiy", "Andrii", "Andriy", "Andrei", "Andrey", "Anton", "Artem", "Artyom",
        "Arkady", "Arkadiy", "Arkadii", "Bohdan", "Borys", "Boris", "Dmytro", "Dmitry", "Dmitri", "Dmitriy",
        "Denys", "Denis", "Yegor", "Yehor", "Egor", "Evgeny", "Yevgeny", "Yevgeniy", "Yevhen", "Fyodor", "Fedir",
        "Gennady", "Gennadiy", "Hennadiy", "Hennadii", "Georgy", "Georgiy", "Heorhii", "Gleb", "Hlib", "Grigory",
        "Hryhorii", "Igor", "Ihor", "Ilya", "Illia", "Kirill", "Kyrylo", "Konstantin", "Kostiantyn", "Leonid",
        "Maksym", "Maxim", "Maksim", "Mikhail", "Mykhailo", "Mykola", "Nikolai", "Nikolay", "Oleg", "Oleh",
        "Pavel", "Pavlo", "Petro", "Pyotr", "Ruslan", "Serhii", "Serhiy", "Sergei", "Sergey", "Sergiy",
        "Stanislav", "Stepan", "Taras", "Valery", "Valeriy", "Valerii", "Vadym", "Vadim", "Vasyl", "Vasily",
        "Vasiliy", "Viktor", "Vitaly", "Vitaliy", "Vitalii", "Vladimir", "Volodymyr", "Vladislav", "Vladyslav",
        "Vyacheslav", "Viacheslav", "Yaroslav", "Yuri", "Yuriy", "Yurii", "Zakhar", "Mstislav", "Rostislav",
        "Rostyslav", "Svyatoslav", "Sviatoslav", "Anatoly", "Anatoliy", "Anatolii", "Valentin", "Valentyn",
        "Yakiv", "Yakov", "Matvei", "Matvey", "Nazar", "Danylo", "Daniil", "Semyon", "Ostap", "Orest", "Yevhenii",
        "Olena", "Elena", "Yelena", "Olga", "Olha", "Oksana", "Svetlana", "Svitlana", "Tatiana", "Tatyana",
        "Tetiana", "Tetyana", "Natalia", "Nataliya", "Nataliia", "Natalya", "Irina", "Iryna", "Yulia", "Yuliia",
        "Yuliya", "Mariia", "Marina", "Maryna", "Lyudmila", "Liudmyla", "Ludmila", "Lyudmyla", "Halyna", "Galina",
        "Valentina", "Valentyna", "Nadezhda", "Nadiia", "Nadiya", "Lyubov", "Liubov", "Larisa", "Larysa",
        "Ekaterina", "Yekaterina", "Kateryna", "Daria", "Darya", "Daryna", "Anastasia", "Anastasiia", "Anastasiya",
        "Viktoriia", "Viktoriya", "Kristina", "Khrystyna", "Ksenia", "Kseniia", "Kseniya", "Zoya", "Tamara",
        "Raisa", "Lidia", "Lidiya", "Inna", "Zhanna", "Polina", "Sofiia", "Veronika", "Evgenia", "Yevgenia",
        "Yevheniia", "Lesya", "Lesia", "Hanna", "Antonina", "Valeriia", "Valeria", "Alina", "Alyona", "Alena",
        "Ulyana", "Uliana", "Zinaida", "Yana", "Alla", "Nina",
        "John", "James", "Michael", "David", "Robert", "William", "Richard", "Thomas", "Peter", "Andrew",
        "Matthew", "Christopher", "Stephen", "Steven", "Jonathan", "George", "Edward", "Charles", "Anthony",
        "Brian", "Kevin", "Jason", "Sarah", "Emma", "Anne", "Elizabeth", "Jennifer", "Susan", "Laura", "Rachel",
        "Rebecca", "Claire", "Sophie", "Helen", "Catherine", "Katherine", "Margaret", "Hans", "Klaus", "Wolfgang",
        "Stefan", "Jan", "Piotr", "Tomasz", "Krzysztof", "Katarzyna", "Agnieszka",
    )
    # titles in front of a name the recogniser missed: "Gen. Yunus-Bek Yevkurov"
    person_titles: frozenset[str] = _words(
        "gen.", "gen", "general", "col.", "colonel", "lt.", "lieutenant", "maj.", "adm.", "admiral", "sgt.",
        "capt.", "captain", "mr.", "mrs.", "ms.", "dr.", "dr", "prof.", "professor", "president", "minister",
        "commander", "ambassador", "senator", "rep.", "sen.", "mayor", "governor", "gov.", "chancellor", "premier",
        "deputy", "councillor", "councilor", "judge", "lt", "col", "maj", "sgt", "capt", "sergeant", "corporal",
        "cpl.", "private", "pte.", "sir", "dame", "cmdr.", "cdr.", "brig.", "pvt.",
    )
    # nouns that make a nationality a speaking group: "Ukrainian officials"
    group_nouns: frozenset[str] = _words(
        "officials", "official", "leaders", "leader", "authorities", "government", "spokesman", "spokeswoman",
        "spokesperson", "ministry", "diplomats", "commanders", "generals", "lawmakers", "officers", "governments",
        "negotiators", "services", "media", "agencies", "ministries", "prosecutors", "investigators", "partners",
        "prosecution", "police", "capitals",
    )

    def scheme_label(self, model_label: str) -> str | None:
        return self.labels.get(model_label)

    def is_title(self, word: str) -> bool:
        """`word` (lower case) is a title in front of a name, its full stop ignored ("sgt." and "Sgt")."""
        bare = word.rstrip(".")
        return bare in self.person_titles or f"{bare}." in self.person_titles  # "Mr" with "mr." listed


_FIELD_NAMES = frozenset(f.name for f in fields(SuggestConfig))
_LIST_KEYS = {f.name for f in fields(SuggestConfig) if f.type == "frozenset[str]"}


def config_from_dict(data: dict[str, Any], where: str = "label map") -> SuggestConfig:
    """A config with the defaults overridden by `data` (the parsed TOML)."""
    kwargs: dict[str, Any] = {}
    labels = data.get("labels")
    if labels is not None:
        if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
            raise SuggestConfigError(f"{where}: [labels] must map model labels to scheme label names")
        kwargs["labels"] = {str(k): v for k, v in labels.items()}
    for section in ("relation", "scheme"):
        for key, value in dict(data.get(section, {})).items():
            name = key if key.endswith(("_label", "_relation")) else f"{key}_label"
            if name not in _FIELD_NAMES:
                raise SuggestConfigError(f"{where}: unknown key {key!r} in [{section}]")
            kwargs[name] = str(value)
    for section in ("actor", "figure", "claim", "lists"):
        for key, value in dict(data.get(section, {})).items():
            if key not in _LIST_KEYS:
                raise SuggestConfigError(f"{where}: unknown list {key!r} in [{section}] (known: {sorted(_LIST_KEYS)})")
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SuggestConfigError(f"{where}: {key} must be a list of strings")
            kwargs[key] = _words(*value)
    return SuggestConfig(**kwargs)


def load_config(path: str | Path | None = DEFAULT_LABEL_MAP_PATH) -> SuggestConfig:
    """Read a label map; None or a missing default file gives the built-in defaults."""
    if path is None:
        return SuggestConfig()
    path = Path(path)
    if not path.exists() and path == DEFAULT_LABEL_MAP_PATH:
        return SuggestConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SuggestConfigError(f"{path}: {exc}") from exc
    return config_from_dict(data, where=str(path))
