"""Text clean-up for the model only. Every replacement is one code point for one code point, so token
offsets in the normalised text are offsets into the stored text, unchanged."""

from __future__ import annotations

import re

_TABLE = str.maketrans({
    "\xa0": " ",  # no-break space: the model glues names across it ("X.\xa0\n\nUkraine")
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u3000": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2032": "'",
    "\u2033": '"',
    "\u2212": "-",  # minus sign
    "\u2010": "-",
    "\u2011": "-",
    "\ufeff": " ",
    "\u200b": " ",
})

_EOL = r"[ \t\u00a0]*\r?$"  # the end of a line, also of a "\r\n" text and after a scraped no-break space

# Lines that are web furniture, not article text: nothing is suggested inside them.
_JUNK_LINE = re.compile(
    r"^[ \t\-\u2013\u2022*|]*(source link|about the author|scroll to top|news summary:?|read more|share this"
    r"|.*\bsubscribe\b.*|.*\bcheck all news\b.*|.*leave a comment.*|.*sign up for.*newsletter.*"
    r"|!\[\]\(\).*|advertisement|share\b.*|.*\bfollow us\b.*|.*\blast updated\b.*|(photo|image|picture|video)"
    r"( credit)?:.*|(also read|read also|see also|read more( about| on)?):.*|related posts|(\u00a9|copyright\b).*"
    r"|follow\b.{0,60}\bcoverage\b.*(?:https?://|www\.)\S*"
    r"|.*\bcontributed( reporting)? to this (report|story|article)|image (source|caption)[,:].*"
    r"|.*\((photo|image|picture)\b[^()]*\)\.?"
    r"|([\d.,]+[KkM]?[ \t]+(reposts?|retweets?|quotes?|likes?|views?|replies|comments?|shares?|bookmarks?)"
    r"[ \t\u00b7|]*)+"
    r"|\(?(additional )?reporting by\b.*|(illustration|photograph|photo|graphic)s? by\b.*"
    r"|.*\b(turn on|enable) javascript\b.*|download( pdf)?|.*\s[\u203a\u00bb]\s.*|\[\d{1,3}\]\s.*"
    r"|download\b[^.\n]{0,60}\b(pdf|report)\b.*"
    r"|(comments?|replies|shares?)[ \t]*\(\d+\)|related (articles|stories|coverage|content)|reuse this content"
    r"|most read( from [\w ]{2,30})?"
    r"|recommended( for you| stories| articles)?|background:|\d{1,2}[ \t]*min(ute)?s?[ \t]+read"
    r"|.*\([^()\n]*[ \t]/[ \t][^()\n]*\)"
    # a reporters' credit ("Eom reported from Seoul. Strehlow reported from Washington.") and a dated line
    # ("Sun 11 May 2025 07.00 BST")
    r"|(?-i:(?:[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+){0,2}(?:[ \t]+and[ \t]+[A-Z][\w'\-]+)?"
    r"[ \t]+reported[ \t]+from[ \t]+[A-Z][\w'\-]*"
    r"(?:[ \t]+[A-Z][\w'\-]*){0,3}(?:,[ \t]+[A-Z][\w'\-]*)?"
    # "..., and Maeng Ji-yoo from Washington."
    r"(?:,?[ \t]+and[ \t]+[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+){0,3}[ \t]+from[ \t]+[A-Z][\w'\-]*)?\.[ \t]*)+)"
    # "Gabriela X contributed reporting.", "Anna Y and Tom Z contributed research.", "CNN’s Idris X contributed
    # reporting."
    r"|(?-i:(?:[A-Z]{2,6}[’'ʼ]s[ \t]+)?"
    r"[A-Z][\w'\-]+(?:(?:[ \t]+|,[ \t]+|[ \t]+and[ \t]+)[A-Z][\w'\-]+){1,7}[ \t]+contributed[ \t]+"
    r"(?:reporting|research)\b[^\n]{0,80})"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[ \t]+\d{1,2}[ \t]+[a-z]+[ \t]+\d{4}"
    r"(?:[ \t]+\d{1,2}[.:]\d{2}(?:[ \t]+[a-z]{2,4})?)?"
    # a wire's credit and update notes: "--With assistance from X.", "(Updates with ... in fifth paragraph.)"
    r"|(?:--|\u2014|\u2013)?[ \t]*with assistance from\b.*|\((?:updates|adds|recasts)\b[^()\n]*\)"
    # a wire story's conversion note: "($1 = 81.1500 roubles)", "(1 euro = $1.0850)"
    r"|\((?:us)?[$\u20ac\u00a3]?1(?:[ \t]+[a-z]+)?[ \t]*=[ \t]*(?:us)?[$\u20ac\u00a3]?[\d.,]+(?:[ \t]+[a-z]+){0,2}\))"
    r"[ \t|.!\u00a0]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)
# A byline: "By Marta Kovalenko-Reid and Tom Aldous", "By X in Kyiv, Ukraine" (capitalised names only, nothing
# else on the line but a role in lower case, "court correspondent" or "a senior fellow at the X Centre", and a
# "| Updated: ..." or "· 5 min read" after a bar or a dot).
_NAME = r"[A-Z][\w.\-\u2019'/]*(?:[ \t]+[A-Z][\w.\-\u2019'/]*)*"  # "RFE/RL’s Belarus Service"
_BYLINE = re.compile(rf"^[ \t]*(?:(?:Commentary|Analysis|Opinion|Words|Text|Story)[ \t]+)?(?:By|BY|by)[ \t]+"
                     rf"{_NAME}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|AND|in)[ \t]+(?:the[ \t]+)?){_NAME}"
                     r"(?:[ \t]+news[ \t]+desk)?)*"
                     rf"(?:\.[ \t]+[A-Z][\w\-]*(?:[ \t]+[\w\-]+){{0,3}}[ \t]+by[ \t]+{_NAME})?\.?"  # ". Version by X"
                     r"(?:[ \t]*,[ \t]*[a-z][a-z \t\-]*(?:\b(?:at|of|for|with)[ \t]+(?:the[ \t]+)?[A-Z][^\n|]{0,80})?)?"
                     r"[ \t\u00a0]*(?:[|\u00b7\u2022][^\n]*)?\r?$", re.MULTILINE)


# A byline of names with their places and no "By": "Eleanor Marsh in London and Pavel Gruzdev in Riga"
_FULL_NAME = r"[A-Z][\w.\-\u2019']+(?:[ \t]+[A-Z][\w.\-\u2019']+)+"
_PLACED_BYLINE = re.compile(rf"^[ \t]*(?:and[ \t]+)?{_FULL_NAME}(?:[ \t]+in[ \t]+{_NAME}|,[ \t]*{_NAME})"
                            rf"(?:(?:[ \t]*,[ \t]*|[ \t]+and[ \t]+){_FULL_NAME}(?:[ \t]+in[ \t]+{_NAME})?)*{_EOL}",
                            re.MULTILINE)


# An author line near the top: a name alone on its line, with an optional title ("Dr Fenella Markwick")
_AUTHOR_LINE = re.compile(r"^[ \t]*(?:(?:Dr|Prof|Professor)\.?[ \t]+)?[A-Z][a-z\u2019'\-]+"
                          r"(?:[ \t]+[A-Z][a-z\u2019'\-]+){1,2}[ \t\u00a0]*(?:\|[^\n]*)?\r?$", re.MULTILINE)


# A byline that gives a role instead of "By": "Miles Fairbrass, Russia editor"
_ROLE_BYLINE = re.compile(rf"^[ \t]*{_FULL_NAME},[ \t]*[A-Za-z \-]{{0,40}}\b(?:editor|correspondent|reporter|writer)"
                          + _EOL, re.MULTILINE)


# A byline with the date after a dash: "Kateryna Pylypchak — Tuesday, 20 August 2024, 11:47"
_DATED_BYLINE = re.compile(rf"^[ \t]*{_FULL_NAME}[ \t]+[\u2014\u2013-][ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
                           r"day|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4})\b[^\n]*$", re.MULTILINE)


# a credit line: "Story by X", "Edited by X", "Abridged translation by X", "Translated from Russian by X" (a short
# line that does not end like a sentence, unlike "Edited by the ministry, the text was published.")
_CREDIT_LINE = re.compile(r"^[ \t]*([A-Z][a-z]+(?: [a-z]+)?(?: from [A-Z][a-z]+)? by [^\n]*?)[ \t\u00a0]*\r?$",
                          re.MULTILINE)
SENTENCE_END = (".", "?", "!", "\u201d", '"', ":", ";", "\u2019")  # how a sentence's line ends


def _credit_lines(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _CREDIT_LINE.finditer(text) if not m.group(1).endswith(SENTENCE_END)
            and sum(w[:1].isalpha() for w in m.group(1).split()) <= 8]


# "Source: Al Jazeera" as the last line is the page's credit (under a lead, "Source: X on Telegram" names who
# reported it, and is text)
_SOURCE_CREDIT = re.compile(r"^[ \t]*Source:[ \t][^\n]{1,60}$", re.MULTILINE)
_AGENCIES = "Bloomberg|Reuters|AP|AFP|UPI|dpa"
# an agency's tag opening the first paragraph: "(Bloomberg) -- ", "(Reuters) - "
_AGENCY_TAG = re.compile(rf"^[ \t]*\((?:{_AGENCIES})\)[ \t]*(?:--|-|\u2013|\u2014)", re.MULTILINE)
# a web page's dateline in mixed case with the agency after it: "Kyiv, Ukraine CNN —", "Seoul, South Korea (AP) —"
_PLACE = r"[A-Z][\w'\-]+(?:[ \t][A-Z][\w'\-]+)*"
# ("UNITED NATIONS, United States (AFP) - " with a plain hyphen)
_TAGGED_DATELINE = re.compile(rf"^[ \t]*{_PLACE},[ \t]{_PLACE}[ \t\u00a0]+\(?(?:CNN|{_AGENCIES})\)?[ \t\u00a0]*"
                              r"(?:--|-(?=[ \t])|\u2013|\u2014)", re.MULTILINE)
# a wire dateline with the country and the agency in brackets: "Pisky (Ukraine) (AFP) – ", "Kyiv (AFP) - "
_BRACKETED_DATELINE = re.compile(rf"^[ \t]*{_PLACE}[ \t]+(?:\({_PLACE}\)[ \t]+)?\((?:{_AGENCIES})\)[ \t\u00a0]*"
                                 r"(?:--|-|\u2013|\u2014)", re.MULTILINE)


def normalise(text: str) -> str:
    """`text` with typographic characters the model handles badly replaced, same length."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


# A heading of a list of links or headlines: the bullet lines under it are furniture too.
_LIST_HEADING = re.compile(r"^\s*(news summary|related( posts| stories| topics| articles)?|read more|more from [^:]*"
                           r"|recommended|see also|trending|more on this story|most read|key events"
                           r"|(for (further|more) information,? )?"
                           r"(please )?contact|media (contact|enquiries|inquiries))\s*:?\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-\u2013\u2022*]\s")


def _bullets_after_headings(text: str) -> list[tuple[int, int]]:
    out, pos, in_list, key_events = [], 0, False, False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _LIST_HEADING.match(body):
            in_list, key_events = True, body.strip().lower().startswith("key events")
        elif in_list and key_events and _BULLET.match(body) and body.rstrip()[-1:] == ".":
            pass  # a live blog's summary of the day in sentences ("• Russia's Defence Ministry says ..."): content
        elif in_list and (_BULLET.match(body) or (body.strip() and body.rstrip()[-1:] not in ".:!?\"\u201d"
                                                   and len(body) < 160)):
            out.append((pos, pos + len(body)))  # a bullet, or a headline (no full stop) under the heading
        elif body.strip():
            in_list = False
        pos += len(line)
    return out


# A dateline opening a paragraph: "KYIV, Ukraine — ", "SEOUL, South Korea — ", "KYIV, March 12 — ", "KYIV, Ukraine
# (AP) — " (the place and the agency in it are no actors)
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z'\-]+(?:[ \t/][A-Z][A-Z'\-]+)*,[ \t]*"  # "MOSCOW/KYIV, "
                       r"(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t\u00a0]?\d{0,2}|\d{1,2}[ \t][A-Z][a-z]+)?[ \t]*"
                       r"(?:\([A-Za-z]{2,12}\)[ \t]*)?"
                       r"(?:\u2014|\u2013|--|-(?=[ \t]))", re.MULTILINE)  # "MOSCOW, Nov 14 (Reuters) - "


# a city alone in capitals opening a paragraph: "BERLIN — ", "BRUSSELS — " (five letters or more, so that "NATO — "
# opening a sentence stays text)
_BARE_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z'\-]{4,}(?:[ \t][A-Z][A-Z'\-]+)?[ \t]*(?:\u2014|\u2013|--)[ \t]",
                            re.MULTILINE)


# a live blog's timestamp opening an entry: "14:05 GMT — ", "9.40am BST – " (not the subject of what follows)
_TIMESTAMP = re.compile(r"^[ \t]*\d{1,2}[:.]\d{2}[ \t]*(?:[ap]\.?m\.?)?[ \t]*(?:GMT|BST|CET|CEST|EET|EEST|UTC|MSK|"
                        r"Kyiv time|Moscow time)?[ \t]*(?:\u2014|\u2013|--|-(?=[ \t]))", re.MULTILINE)


# "NADIA FERRAND, HOST: ...", "LT. COL. ROMAN HAVRYSH, UKRAINIAN ARMY (through translator): ...": a transcript
# turn, a name in capitals with an optional role after a comma and notes in brackets (the label is layout)
TURN = re.compile(r"^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?"  # an optional timestamp
                  r"([A-Z][A-Z.'\u2019\-]*(?: [A-Z][A-Z.'\u2019\-]*){0,4})"
                  r"(?:[ \t]*\([A-Z.]+\))?(?:,([^:()\n]{1,60}))?(?:[ \t]*\([^()\n]{1,40}\))?:[ \t]+(\S.*?)\s*$",
                  re.MULTILINE)
_STAGE_DIRECTION = re.compile(r"^[ \t]*\((?:BEGIN|END|CROSSTALK|COMMERCIAL|LAUGHTER|APPLAUSE|VIDEO|AUDIO|SOUND|"
                              r"INAUDIBLE|UNINTELLIGIBLE|MUSIC|OFF-MIKE|ON CAMERA)[A-Z \t\-]*\)" + _EOL,
                              re.MULTILINE)


def _transcript_layout(text: str) -> list[tuple[int, int]]:
    """The speaker labels of a transcript (three turns or more) and its stage directions ("(CROSSTALK)")."""
    labels = [(m.start(), m.start(3)) for m in TURN.finditer(text)]
    return ([*labels, *((m.start(), m.end()) for m in _STAGE_DIRECTION.finditer(text))] if len(labels) >= 3
            else [])


# a credit at the end of a caption: "Volunteers carry camp beds ... Photo: Arnas Lekevičius / Dzūkija Today"
_CREDIT_TAIL = re.compile(r"\b(?:(?:Main|Lead|Top) (?:photo|image)|Photo|Photograph|Picture|Image|Illustration)"
                          r"(?: [Cc]redit)?:[ \t][^\n]*$"
                          r"|[A-Z][\w.'\- ]{2,40}/(?:AFP|AP|Reuters|EPA|Getty Images|Anadolu)\b[^\n]*$"
                          # "... in October. (Lena Hrabovska/CBC)", "(AFP via Getty Images)", "... © Reuters"
                          r"|\([A-Z][\w.'\- ]{1,40}(?:/| via )[A-Z][\w.'\- ]{1,40}\)[ \t]*$"
                          r"|\u00a9[ \t]*(?:\d{4}[ \t]+)?[A-Z][\w.'\-/ ]{1,60}$", re.MULTILINE)  # "© 2024 X/Y"


def junk_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of lines that are web junk ("Source link", "Please subscribe ...", bylines, photo
    captions, share and follow lines, a post's counts ("1.4K Reposts 203 Quotes"), the bullet lines under
    "News Summary:" or "Related:"), datelines and a live blog's timestamps, and a transcript's speaker labels and
    stage directions."""
    regexes = (_JUNK_LINE, _BYLINE, _PLACED_BYLINE, _ROLE_BYLINE, _DATED_BYLINE, _DATELINE, _BARE_DATELINE,
               _TAGGED_DATELINE, _BRACKETED_DATELINE, _CREDIT_TAIL, _AGENCY_TAG, _TIMESTAMP)
    lines = [(m.start(), m.end()) for regex in regexes for m in regex.finditer(text)]
    lines += [(m.start(), m.end()) for m in _AUTHOR_LINE.finditer(text, 0, 1500)] + _credit_lines(text)
    lines += [(m.start(), m.end()) for m in _SOURCE_CREDIT.finditer(text) if not text[m.end() :].strip()]
    return sorted({*lines, *_bullets_after_headings(text), *_transcript_layout(text)})  # a line two rules match, once
