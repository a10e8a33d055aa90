"""Turn sentences into the classifier's sparse feature vectors, fast: neutral rewrite + TF-IDF.

One regex splits words, a phrase table rewrites loaded words, and the
vectors of a whole batch are built as a single CSR matrix with numpy, so that the per-sentence
Python work is a handful of calls. The same code builds the features in training and in use.

Features of a sentence (figures left out): its words, its word pairs, and the first PREFIX and
LONG_PREFIX letters of each longer word (a cheap stemmer: "shelled", "shelling" -> "~shel"),
weighted 1 + log(count) times the feature's inverse document frequency, and scaled to unit length.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain, repeat

import numpy as np
from scipy import sparse

# a word and its inner apostrophes and hyphens ("rock'n'roll", "5-year-old"); the same tokens as
# \b\w[\w'-]*\b, found faster (a match opens at the first word character, no boundary test)
TOKEN = re.compile(r"\w+(?:['-]+\w+)*")
PREFIX = 4  # letters kept of each word longer than that
# A second, longer prefix of longer words: "~demo" joins "demonstrators" and "demolished", "#demons"
# keeps the protest apart. Both together lifted CASE 2021 (4-seed mean weighted F1 +1.1 points)
# and left the ACLED notes' event type unchanged (see the report of issue 4, round 5).
LONG_PREFIX = 6
_SPACES = re.compile(r"\s{2,}")


_CHAR_CLASS = re.compile(r"\[(\w+)\]")
_REGEX_SYNTAX = re.compile(r"[\\()?*+{}.^$]")


def literal_phrases(pattern: str) -> list[str] | None:
    """The phrases an alternation of words matches ("neutrali[sz]ed|slain" -> 3 phrases), or
    None when the pattern uses more of regex syntax than alternatives and letter classes."""
    out = []
    for alternative in pattern.split("|"):
        if _REGEX_SYNTAX.search(_CHAR_CLASS.sub("", alternative)):
            return None
        forms = [""]
        for i, piece in enumerate(_CHAR_CLASS.split(alternative)):
            options = list(piece) if i % 2 else [piece]  # odd pieces are the letters of a [class]
            forms = [f + o for f in forms for o in options]
        out += forms
    return out


class NeutralRewriter:
    """Loaded words -> neutral words ("martyred" -> "killed") over the words of lower-cased text.

    Built from (pattern, replacement) pairs that would be applied one after the other as regular
    expressions. Patterns made of plain alternatives become a phrase table matched on words
    (longest phrase first, earlier pair first), which costs one set test for a text with no
    loaded word; a replacement is itself rewritten by the later pairs, so chains ("occupation
    forces" -> "forces" -> "soldiers") end where the one-by-one rewrite would. Patterns with
    other regex syntax are applied as regular expressions before the text is split into words.
    """

    def __init__(self, pairs: list[tuple[str, str]]):
        self.pairs = [(p.lower(), r.lower()) for p, r in pairs]
        self.phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
        regexes = []
        for i, (pattern, replacement) in enumerate(self.pairs):
            neutral = tuple(TOKEN.findall(self._chain(replacement, i + 1)))
            phrases = literal_phrases(pattern)
            if phrases is None:
                regexes.append((re.compile(rf"\b(?:{pattern})\b"), " ".join(neutral)))
                continue
            for phrase in phrases:
                self.phrases.setdefault(tuple(TOKEN.findall(phrase)), neutral)
        self.phrases.pop((), None)
        self.regexes = tuple(regexes)
        self.first_words = frozenset(p[0] for p in self.phrases)
        self.longest = max(map(len, self.phrases), default=0)

    def _chain(self, text: str, start: int) -> str:
        for p, r in self.pairs[start:]:
            text = re.sub(rf"\b(?:{p})\b", r, text)
        return text

    def words(self, lowered: str) -> list[str]:
        """The words of a lower-cased text, loaded ones replaced."""
        for pattern, neutral in self.regexes:
            lowered = pattern.sub(neutral, lowered)
        words = TOKEN.findall(lowered)
        first = self.first_words
        if first.isdisjoint(words):
            return words
        starts = [i for i, w in enumerate(words) if w in first]  # a comprehension: cheaper than a loop
        out: list[str] = []
        done, n, phrases = 0, len(words), self.phrases
        for i in starts:
            if i < done:
                continue  # inside a phrase already replaced
            for size in range(min(self.longest, n - i), 0, -1):
                neutral = phrases.get(tuple(words[i:i + size]))
                if neutral is not None:
                    out += words[done:i]
                    out += neutral
                    done = i + size
                    break
        out += words[done:]
        return out

    def __call__(self, lowered: str) -> str:
        """The lower-cased text rewritten, as words joined by spaces."""
        return " ".join(self.words(lowered))

    def __getstate__(self):  # tables are rebuilt on load
        return {"pairs": self.pairs}

    def __setstate__(self, state):
        self.__init__(state["pairs"])


class ActorRoles:
    """Who does what, for sub-types that differ by who acts (see data/training/actor_roles.yaml).

    For the first verb of taking control, the kind of the nearest actor named before it and of
    the actor after a following "from" / "to" / "by" ("@gain_subj=state", "@gain_from=armed_group");
    for the first verb of force, the kind of the actor just before it ("@act_subj=crowd") and of
    the first one just after it, its target ("@act_obj=state"): armed men firing on soldiers is a
    battle, on villagers an attack on civilians.
    """

    def __init__(self, kinds: dict[str, str], gain_verbs, links, act_verbs, window: int = 12, back: int = 6,
                 ahead: int = 0):
        self.kinds = dict(kinds)
        self.gain_verbs, self.links, self.act_verbs = frozenset(gain_verbs), frozenset(links), frozenset(act_verbs)
        self.window, self.back, self.ahead = window, back, ahead

    def features(self, words: list[str]) -> list[str]:
        out: list[str] = []
        kinds = self.kinds
        if not self.gain_verbs.isdisjoint(words):
            at = next(i for i, w in enumerate(words) if w in self.gain_verbs)
            subject = next((kinds[w] for w in reversed(words[:at]) if w in kinds), None)
            if subject:
                out.append(f"@gain_subj={subject}")
            for j in range(at + 1, min(len(words), at + self.window)):
                if words[j] in self.links:
                    other = next((kinds[w] for w in words[j + 1:j + 5] if w in kinds), None)
                    if other:
                        out.append(f"@gain_{words[j]}={other}")
                    break
        if not self.act_verbs.isdisjoint(words):
            at = next(i for i, w in enumerate(words) if w in self.act_verbs)
            subject = next((kinds[w] for w in reversed(words[max(0, at - self.back):at]) if w in kinds), None)
            if subject:
                out.append(f"@act_subj={subject}")
            target = next((kinds[w] for w in words[at + 1:at + 1 + self.ahead] if w in kinds), None)
            if target:
                out.append(f"@act_obj={target}")
                if subject:
                    out.append(f"@act={subject}>{target}")
        return out


def features_of(words: list[str], roles: ActorRoles | None = None) -> list[str]:
    """The features of a text's words, with repeats: words, word pairs, prefixes and, with
    `roles`, who does what. Figures are left out: a day, a year or a toll says nothing of what
    kind of event happened, and news reports carry dates that training sentences do not."""
    words = [w for w in words if not w.isdigit()]
    out = (words + [f"{a} {b}" for a, b in zip(words, words[1:])]
           + ["~" + w[:PREFIX] for w in words if len(w) > PREFIX]
           + ["#" + w[:LONG_PREFIX] for w in words if len(w) > LONG_PREFIX])
    if roles is not None:
        out += roles.features(words)
    return out


_WORD_CACHE_SIZE = 200_000  # words whose feature ids are kept; past it the cache starts afresh


class _WordIds(dict):
    """word -> the vocabulary ids of its own features (itself, "~" prefix, "#" prefix), filled on
    first sight of each word."""

    def __init__(self, vocabulary: dict[str, int]):
        super().__init__()
        self.vocabulary = vocabulary

    def __missing__(self, word: str) -> tuple[int, ...]:
        own = [word]
        if len(word) > PREFIX:
            own.append("~" + word[:PREFIX])
        if len(word) > LONG_PREFIX:
            own.append("#" + word[:LONG_PREFIX])
        ids = tuple(i for i in map(self.vocabulary.get, own) if i is not None)
        self[word] = ids
        return ids


class TextFeatures:
    """A fitted vocabulary with inverse document frequencies: lower-cased texts -> L2-normalized CSR rows.

    Texts are rewritten by the NeutralRewriter before their features are taken.
    """

    def __init__(self, rewriter: NeutralRewriter, min_df: int = 1, roles: ActorRoles | None = None):
        self.rewriter = rewriter
        self.roles = roles
        self.min_df = min_df
        self.vocabulary: dict[str, int] = {}
        self.idf = np.zeros(0, dtype=np.float32)

    def fit(self, texts: list[str]) -> "TextFeatures":
        df: Counter = Counter()
        words = self.rewriter.words
        for text in texts:
            df.update(set(features_of(words(text), self.roles)))
        kept = sorted(f for f, n in df.items() if n >= self.min_df)
        self.vocabulary = {f: i for i, f in enumerate(kept)}
        self._ids_by_word = None
        n = len(texts)
        # smoothed idf, as if one more document held every feature: no division by zero
        self.idf = (np.log((1 + n) / (1 + np.array([df[f] for f in kept], dtype=np.float64))) + 1).astype(np.float32)
        return self

    def _word_ids(self) -> "_WordIds":
        cache = getattr(self, "_ids_by_word", None)  # absent from models saved before it existed
        if cache is None or cache.vocabulary is not self.vocabulary or len(cache) > _WORD_CACHE_SIZE:
            cache = self._ids_by_word = _WordIds(self.vocabulary)
        return cache

    def _pair_ids(self) -> dict[str, dict[str, int]]:
        """first word -> second word -> the vocabulary id of the pair: a pair is looked up by its
        two words, with no "first second" string built and hashed per pair."""
        table = getattr(self, "_ids_by_pair", None)
        if table is None or table[0] is not self.vocabulary:
            pairs: dict[str, dict[str, int]] = {}
            for feature, i in self.vocabulary.items():
                first, space, second = feature.partition(" ")
                # words hold no spaces; the other features ("~shel", "#demons", "@act=...") none either
                if space and " " not in second and first[:1] not in ("@", "~", "#"):
                    pairs.setdefault(first, {})[second] = i
            table = self._ids_by_pair = (self.vocabulary, pairs)
        return table[1]

    def __getstate__(self):  # the per-word and per-pair tables are rebuilt on use, never saved
        state = dict(self.__dict__)
        state.pop("_ids_by_word", None)
        state.pop("_ids_by_pair", None)
        return state

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        # The same features as features_of(), counted by vocabulary id: a word's own features (the
        # word and its prefixes) are looked up once per word, not rebuilt as strings per sentence.
        get, words_of, roles = self.vocabulary.get, self.rewriter.words, self.roles
        word_ids, second_words = self._word_ids(), self._pair_ids().get
        no_pair: dict[str, int] = {}
        ids: list[int] = []
        lengths = []
        for text in texts:
            words = [w for w in words_of(text) if not w.isdigit()]
            before = len(ids)
            ids += chain.from_iterable(map(word_ids.__getitem__, words))
            # each word pair's id (-1: not in the vocabulary), the same as get(f"{first} {second}", -1)
            ids += map(dict.get, map(second_words, words, repeat(no_pair)), words[1:], repeat(-1))
            if roles is not None:
                ids += map(get, roles.features(words), repeat(-1))
            lengths.append(len(ids) - before)
        idx = np.fromiter(ids, dtype=np.int64, count=len(ids))
        rows = np.repeat(np.arange(len(texts)), lengths)
        known = idx >= 0
        # (row, feature) pairs as one sortable key; counting the distinct keys gives the CSR
        # matrix's entries in its canonical order (rows, then columns) without scipy's COO pass
        width = max(len(self.vocabulary), 1)
        keys, counts = np.unique(rows[known] * width + idx[known], return_counts=True)
        row_of = keys // width
        indptr = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(np.bincount(row_of, minlength=len(texts)), out=indptr[1:])
        columns = keys - row_of * width
        data = (1.0 + np.log(counts.astype(np.float32))) * self.idf[columns]
        x = sparse.csr_matrix((data, columns, indptr), shape=(len(texts), len(self.vocabulary)))
        lengths = np.diff(x.indptr)
        if x.data.size:
            norms = np.sqrt(np.add.reduceat(x.data * x.data, x.indptr[:-1][lengths > 0]))
            x.data /= np.repeat(norms, lengths[lengths > 0]).astype(np.float32)
        return x
