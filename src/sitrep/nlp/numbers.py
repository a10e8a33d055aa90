"""Find numbers in news text ("3", "1,200", "at least five", "dozens", "a man") and say what they are.

Every number becomes a Quantity with a `kind`: "count" (people or things counted), "age",
"year", "date", "time", "road", "address", "money", "percent", "measure", "duration",
"ordinal", "phone" or "other". Only counts carry a `head` (the counted noun). Values are the
conservative reading: "more than 20" is 20 (approximate), "five to seven" is 5 with high 7.
"""

from __future__ import annotations

import re

from sitrep.model import Quantity, Span
from sitrep.nlp.number_words import MONTHS, NumberLexicon, lexicon, parse_number_words, triggers
from sitrep.nlp.tokens import word_tokens

_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d[\d,.]*|[^\sA-Za-z\d]")
# matched only at the start of a number token, before the number itself is read
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\b\.?", re.I)
_OCLOCK = re.compile(r"\s*o['’]?\s?clock\b", re.I)
_PHONE = re.compile(r"\d{3}\)\s*\d{3}[-.]\d{4}\b|\d{3}[-.\s]\d{3}[-.]\d{4}\b|\d{3}-\d{4}\b")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\b|\d{1,2}/\d{1,2}/\d{2,4}\b")
_AGE_AFTER = re.compile(r"[-\s]*(?:years?|yrs?)[-\s]*(?:old|of age)\b|-years?\b|[-\s]*months?[-\s]*old\b|"
                        # the first of ages that share one "-year-old": "his 12- and 10-year-old sons", "16 and 17 years old"
                        r"-?(?:,\s*\w+-?)*,?\s+(?:and|or|to)\s+\w+[-\s]*(?:years?|yrs?|months?)[-\s]*old\b", re.I)
# people counted by their ages: "his 12- and 10-year-old sons" are two
_AGES_OF_MANY = re.compile(r"\b(?P<ages>\d{1,2}-(?:,\s*\d{1,2}-)*,?\s+(?:and|&)\s+\d{1,2}-(?:year|month)-old)\s+(?:[a-z]+\s+)?"
                           r"(?P<noun>sons|daughters|children|kids|boys|girls|brothers|sisters|grandchildren|grandsons|"
                           r"granddaughters|twins|siblings|stepchildren|nephews|nieces)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.I)
_AGE_PAREN = re.compile(r"([A-Za-z][\w'’.-]*)\s*[(,]\s*$")
_ROAD_BEFORE = re.compile(r"(?:\b(?:Route|Highway|Hwy\.?|Interstate|State\s+Road|County\s+Road|Road|Rte\.?|"
                          r"Freeway|Exit|Mile\s+Marker|Mile|SR|CR|US|U\.S\.)\s*-?\s*|\bI-|\b[AMN]-?)$")
_STREET = re.compile(r"\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?(?:[A-Z][\w'.]*\s+){0,3}"
                     r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|"
                     r"Place|Pl|Parkway|Pkwy|Terrace|Circle|Highway)\b")
_BLOCK_AFTER = re.compile(r"\s+(?:block|blk)\b", re.I)
_MONEY_BEFORE = re.compile(r"(?:[$€£¥₹₦]|\b(?:US\$|USD|EUR|GBP|Rs\.?|NIS|Ksh|N)\s?)\s*$")
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)", re.I)
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+$", re.I)
_DATE_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b", re.I)
_YEAR_CONTEXT = re.compile(rf"\b(?:{MONTHS})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+$|\b(?:in|since|of|year)\s+$", re.I)
_MODEL_BEFORE = re.compile(r"[A-Za-z]-$|#\s*$|\bNo\.\s*$|\bNos?\.?\s*$")
_MODEL_ENDS = ("-", "#", ".", "o", "s")  # the last visible character of every _MODEL_BEFORE match
_SCALE_AFTER = re.compile(r"\s+(million|billion|thousand)\b", re.I)
_RANGE = re.compile(r"\s*(?:to|-|–|—|or|and)\s*", re.I)
_OF_GROUP = re.compile(r"\s+of\s+(?:them|us|those|whom|these|(?:the|his|her|their|its|our)\s+)", re.I)
_ONE_SKIP_BEFORE = re.compile(r"\b(?:no|the|any|every|each|this|that|which|someone|anyone)\s+$", re.I)
_STOP_HEAD = frozenset("""were was is are be been being have has had will would could may might
  and or but of in on at to from by with for as that which who whom when where after before than
  killed died injured wounded dead shot arrested hurt came went said told got took left ran saw
  made found heard fell hit fired remain remains remained more other others also still now
  then there here this that these those into onto over under while during including""".split())
_NOUN_MODIFIERS = frozenset(["police", "security", "border", "health", "aid", "family", "gang",
                             "rescue", "medical", "fire", "army", "prison", "election", "polling"])


def _digits_value(text: str) -> float:
    return float(text.replace(",", ""))


def _words_after(text: str, pos: int, n: int = 4) -> list[re.Match]:
    out = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        if not (m.group()[0].isalnum() or m.group() == "-"):
            break
        if m.group() == "-":
            continue
        out.append(m)
        if len(out) >= n:
            break
    return out


def _head(text: str, pos: int) -> str:
    """The counted noun after a number: skips adjectives and nationalities ("four young men",
    "two Palestinian children"); empty when a verb or a preposition follows ("five were killed")."""
    lex = lexicon()
    group = _OF_GROUP.match(text, pos)
    if group:
        if group.group().strip().lower().endswith(("them", "us", "whom", "those", "these")):
            return group.group().split()[-1]
        pos = group.end()
    elif text[pos:pos + 4].lower() == " of ":
        pos += 3
    words = _words_after(text, pos)
    for i, m in enumerate(words):
        w = m.group()
        low = w.lower()
        if low in lex.adjectives or low.endswith(("-year-old", "-years-old")) or w[0].isdigit():
            continue
        if low in _STOP_HEAD or not w[0].isalpha():
            return ""
        if (low.endswith(("ed", "ing", "ly")) or (w.isupper() and len(w) > 1)) and low not in lex.person_plurals:
            return ""  # a verb or an adverb follows: "up to 10 fled"
        nxt = words[i + 1].group() if i + 1 < len(words) else ""
        if nxt and ((low in _NOUN_MODIFIERS and nxt.lower() not in _STOP_HEAD)
                    or (nxt.lower() in lex.person_plurals and low not in lex.person_plurals)):
            return f"{w} {nxt}"  # "police officers", "resistance fighters"
        return w
    return ""


def _kind_of_digits(text: str, s: int, e: int, value: float) -> str:
    """What a number written in figures is, from the words on either side."""
    lex = lexicon()
    before = text[max(0, s - 40):s]
    after = text[e:e + 60]
    if _MONEY_BEFORE.search(before):
        return "money"
    if _PERCENT_AFTER.match(after):
        return "percent"
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return "age"
    if _OCLOCK.match(after):
        return "time"
    # speed: searches anchored at the end of `before` cost microseconds each; they are skipped when
    # the last visible character rules them out (most numbers follow a plain word)
    last = before.rstrip()[-1:]
    if last in _MODEL_ENDS and _MODEL_BEFORE.search(before):
        return "road" if before.endswith("I-") else "other"
    if _ROAD_BEFORE.search(before):
        return "road"
    if _BLOCK_AFTER.match(after) or _STREET.match(after):
        return "address"
    if value <= 31 and (_DATE_BEFORE.search(before) or _DATE_AFTER.match(after)):
        return "date"
    if text[s:e] == "911":
        return "phone"
    paren = _AGE_PAREN.search(before) if last in ("(", ",") else None
    if (paren and value <= 110 and value == int(value) and re.match(r"\s*[),;]", after)
            and (paren.group(1)[0].isupper() or paren.group(1).lower() in lex.person_nouns)):
        return "age"  # "John Smith, 24, was", "a man, 24," or "Ahmad (17)"
    nxt = _words_after(text, e, 1)
    nxt_word = nxt[0].group().lower() if nxt else ""
    if 1800 <= value <= 2100 and re.fullmatch(r"\d{4}", text[s:e]):
        if nxt_word not in lex.person_plurals or _YEAR_CONTEXT.search(before):
            return "year"
    if nxt_word in lex.measure:
        return "measure"
    if nxt_word in lex.currency:
        return "money"
    if nxt_word in lex.duration:
        return "duration"
    if value != int(value):
        return "other"
    return "count"


def _kind_of_words(text: str, s: int, e: int) -> str:
    lex = lexicon()
    after = text[e:e + 40]
    if _OCLOCK.match(after):
        return "time"  # "just before three o'clock"
    if _AGE_AFTER.match(after):
        return "age"
    if _PERCENT_AFTER.match(after):
        return "percent"
    nxt = _words_after(text, e, 1)
    nxt_word = nxt[0].group().lower() if nxt else ""
    if nxt_word in lex.measure:
        return "measure"
    if nxt_word in lex.currency or _MONEY_BEFORE.search(text[max(0, s - 10):s]):
        return "money"
    if nxt_word in lex.duration:
        return "duration"
    return "count"


def _read(text: str, m: re.Match) -> tuple[int, int, bool] | None:
    """(value, end, vague) of a number core match; None when it is not a number here."""
    lex = lexicon()
    core = m.group()
    low = re.sub(r"\s+", " ", core.lower())
    if low in lex.vague:
        if low in lex.vague_needs_of and not text[m.end():m.end() + 4].lower() == " of ":
            return None
        value = lex.vague[low]
        scale = re.match(r"\s+(?:of\s+)?(hundreds|thousands|millions|hundred|thousand|million)\b",
                         text[m.end():m.end() + 20], re.I)
        end = m.end()
        if scale:  # "tens of thousands", "several hundred"
            value *= lex.words.get(scale.group(1).lower().rstrip("s"), 1)
            end += scale.end()
        return value, end, True
    if core[0].isdigit():
        if len(core) > 15:
            return None  # a serial or account number, not an amount
        value = _digits_value(core)
        end = m.end()
        scale = _SCALE_AFTER.match(text, end)
        if scale:
            value *= lex.words[scale.group(1).lower()]
            end = scale.end()
        return value, end, False
    value, used = parse_number_words(core)
    if used == 0:
        return None
    return value, m.start() + used, low.startswith("a dozen") or low == "dozen"


def _special_digits(text: str, s: int) -> tuple[int, int, int, str] | None:
    """(start, value, end, kind) of a phone number, a numeric date or a clock time at `s`."""
    for pattern, kind in ((_PHONE, "phone"), (_ISO_DATE, "date"), (_TIME, "time")):
        m = pattern.match(text, s)
        if m:
            start = s - 1 if kind == "phone" and s > 0 and text[s - 1] == "(" else s
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/:"):
                return None
            return start, int(re.match(r"\d+", m.group()).group()), m.end(), kind
    return None


_A_FOLLOWERS = frozenset(["dozen", "hundred", "thousand", "million", "few", "couple", "handful", "number"])


def find_quantities(text: str, doc_id: str = "") -> list[Quantity]:
    """Every number in `text` with its kind, value, range, approximation and counted noun."""
    lex = lexicon()
    out: list[Quantity] = []
    covered = bytearray(len(text))

    def free(s: int, e: int) -> bool:
        return covered.find(1, s, e) < 0

    def add(s: int, e: int, value: int, kind: str, **kw) -> None:
        out.append(Quantity(Span(doc_id, s, e, text[s:e]), int(value), kind, **kw))
        covered[s:e] = b"\x01" * (e - s)

    toks = word_tokens(text)
    words = toks.words
    for k in toks.candidates(triggers()):
        low = words[k]
        s, e = toks.start(k), toks.end(k)
        if not free(s, e):
            continue
        if low[0] <= "9":
            special = _special_digits(text, s)
            if special and free(special[0], special[2]):
                add(special[0], special[2], special[1], special[3])
                continue
        if low[0] <= "9" and low[-1].isalpha():
            ordinal = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", low)
            if ordinal:
                add(s, e, int(ordinal.group(1)), "address" if _STREET.match(text, e) else "ordinal")
            continue
        if low in lex.ordinals:
            add(s, e, lex.ordinals[low], "address" if _STREET.match(text, e) else "ordinal")
            continue
        if low in ("a", "an"):
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if nxt in _A_FOLLOWERS:
                pass  # "a dozen", "a few": read below as a number
            elif nxt in lex.person_nouns or nxt in lex.adjectives or nxt[:1].isdigit() or nxt in lex.words:
                person = lex.one_person.match(text, s)
                if person:  # "a man", "a 13-year-old boy": a count of one (the age is its own number)
                    out.append(Quantity(Span(doc_id, s, person.end(), person.group()), 1, "count",
                                        head=person.group(2)))
                continue
            else:
                continue
        m = lex.number.match(text, s)
        if m:
            _add_number(text, m, lex, add, free)
    if "-old " in text:  # "his 12- and 10-year-old sons": as many people as ages (rare: one scan)
        for m in _AGES_OF_MANY.finditer(text):
            out.append(Quantity(Span(doc_id, m.start(), m.end(), m.group()), len(re.findall(r"\d+", m.group("ages"))),
                                "count", head=m.group("noun")))
    out.sort(key=lambda q: (q.span.start, q.span.end))
    return out


def _add_number(text: str, m: re.Match, lex: NumberLexicon, add, free) -> None:
    """Read one number core and what is around it (modifiers, a range, its head) into a Quantity."""
    read = _read(text, m)
    if read is None:
        return
    value, end, vague = read
    s = m.start()
    if m.group()[0].isdigit():
        kind = _kind_of_digits(text, s, m.end(), value)
        after = _words_after(text, end, 1) if end > m.end() else []
        if after and after[0].group().lower() in lex.currency:
            kind = "money"  # "3.5 million dollars"
    else:
        kind = _kind_of_words(text, s, end)
    if m.group().lower() == "one" and (_ONE_SKIP_BEFORE.search(text[max(0, s - 12):s])
                                       or _head(text, end).lower() in lex.not_count_after_one):
        kind = "other"
    high = None
    approximate = vague
    if kind == "count":
        rng = _RANGE.match(text, end)
        nxt = lex.number.match(text, rng.end()) if rng else None
        if nxt and free(nxt.start(), nxt.end()):
            nxt_read = _read(text, nxt)
            if nxt_read and nxt_read[0] > value:
                high, end = int(nxt_read[0]), nxt_read[1]
        before = text[max(0, s - 30):s]
        ceiling = lex.ceiling.search(before)
        mod = lex.floor.search(before) or ceiling or lex.estimate.search(before)
        if mod:
            approximate = True
            if ceiling and high is None:
                high = int(value)
            s = s - (len(before) - mod.start(1))
        elif high is not None:
            between = re.search(r"\bbetween\s+$", before, re.I)
            if between:
                s -= len(between.group())
    head = _head(text, end) if kind == "count" else ""
    add(s, end, value, kind, high=high, approximate=approximate, head=head)
