"""Drop exact and near-duplicate documents before any NLP: normalized hashes and MinHash LSH.

Exact: the same words in the same order, ignoring case, punctuation and spacing.
Near: MinHash over 5-word shingles. A document is a near duplicate of an earlier kept one when
their estimated Jaccard similarity reaches NEAR_THRESHOLD (the same story re-published with
another byline, footer, headline or a corrected sentence), or when nearly all of it
(CONTAINED_THRESHOLD of its shingles) is inside the kept one, which then says everything it
says (a shortened re-print). Two outlets' own reports of one event share few 5-word runs and
stay far below both (see benchmarks/bench_ingest.py).
Candidates come from LSH bands (16 bands of 4 rows), so a check costs the same however many
documents were seen. Memory per kept document: its 64 x 32-bit signature (256 bytes), its size and 16
band keys (8+4 bytes each), held in numpy arrays rather than Python objects, plus its id.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from sitrep.model import Document, content_hash

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS, ROWS = 16, 4  # P(candidate) = 1 - (1 - J^4)^16: 0.5 at J=0.42, 0.98 at J=0.7
NEAR_THRESHOLD = 0.7  # GVA: different updates of one story share up to ~0.6
CONTAINED_THRESHOLD = 0.85
MIN_SIMILARITY_FOR_CONTAINED = 0.45  # below it the containment estimate is too noisy to trust
MIN_WORDS_FOR_NEAR = 20  # shorter texts (headlines, one-line teasers): exact matching only

_WORD = re.compile(r"\w+")
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_rng = np.random.default_rng(20240611)  # fixed seed: the same input gives the same decisions
_PERM_A = _rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_PERM_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_SHINGLE_MULT = _rng.integers(1, 2**63, size=SHINGLE_WORDS, dtype=np.uint64) | np.uint64(1)
_BAND_MULT = _rng.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


WORD_CACHE_SIZE = 200_000  # news vocabulary; cleared when full, so memory stays bounded


class _WordHashes(dict):
    """word -> crc32 of the word (stable across runs, unlike hash()), computed on first sight."""

    def __missing__(self, word: str) -> int:
        if len(self) >= WORD_CACHE_SIZE:
            self.clear()
        h = self[word] = zlib.crc32(word.encode("utf-8"))
        return h


_word_hash_cache = _WordHashes()


def _word_hashes(tokens: list[str]) -> np.ndarray:
    """crc32 of each word, cached per word for speed (one pass: a known word costs a look-up)."""
    return np.fromiter(map(_word_hash_cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def minhash(tokens: list[str]) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32) of the text's word shingles."""
    h = _word_hashes(tokens)
    k = min(SHINGLE_WORDS, len(h))
    n = len(h) - k + 1
    with np.errstate(over="ignore"):
        shingles = h[:n] * _SHINGLE_MULT[0] if k else np.zeros(n, dtype=np.uint64)  # no words: one empty shingle
        for i in range(1, k):  # a shingle's hash mixes its k word hashes, position-weighted
            shingles += h[i:i + n] * _SHINGLE_MULT[i]
        shingles ^= shingles >> np.uint64(29)
        # Multiply-shift universal hashing: the high 32 bits of a*x + b (mod 2^64), computed in
        # place in one NUM_PERM x n array (no temporaries of that size)
        mixed = np.multiply.outer(_PERM_A, shingles)
        mixed += _PERM_B[:, None]
        mixed >>= np.uint64(32)
    return mixed.min(axis=1).astype(np.uint32)


def band_keys(signature: np.ndarray) -> np.ndarray:
    """One uint64 key per LSH band (rows of the signature hashed together, salted by band)."""
    rows = signature.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys = (rows * _BAND_MULT).sum(axis=1, dtype=np.uint64) ^ _BAND_SALT
    return keys


class _BandIndex:
    """band key -> first document number, in compact sorted runs (12 bytes a key).

    New keys wait in a small dict; when it fills it becomes a sorted run, and runs of similar
    size are merged (like a binary counter), so there are about log2(n / MERGE_AT) runs and a
    lookup is one binary search per run.
    """

    MERGE_AT = 4096

    def __init__(self) -> None:
        self.recent: dict[int, int] = {}
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, document numbers)

    def lookup(self, keys: np.ndarray) -> set[int]:
        found = {self.recent[k] for k in keys.tolist() if k in self.recent}
        for run_keys, run_values in self.runs:
            pos = np.searchsorted(run_keys, keys).clip(max=len(run_keys) - 1)
            hit = run_keys[pos] == keys
            if hit.any():
                found.update(run_values[pos[hit]].tolist())
        return found

    def add(self, keys: np.ndarray, number: int) -> None:
        for k in keys.tolist():
            self.recent.setdefault(k, number)
        if len(self.recent) < self.MERGE_AT:
            return
        run_keys = np.fromiter(self.recent.keys(), dtype=np.uint64, count=len(self.recent))
        run_values = np.fromiter(self.recent.values(), dtype=np.uint32, count=len(self.recent))
        self.recent = {}
        while self.runs and len(self.runs[-1][0]) <= len(run_keys):
            older_keys, older_values = self.runs.pop()
            run_keys = np.concatenate([older_keys, run_keys])
            run_values = np.concatenate([older_values, run_values])
        order = np.argsort(run_keys, kind="stable")
        self.runs.append((run_keys[order], run_values[order]))


class Deduplicator:
    """Remembers the documents it has kept; `check` says why a new one is a duplicate, or None.

    A document that `check` returns None for counts as kept. Checking the same id again is
    not a duplicate of itself (re-reading one record must not drop it).
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD) -> None:
        self.threshold = threshold
        self._exact: dict[int, str] = {}  # 64-bit hash of the normalized text -> kept id
        self._ids: list[str] = []  # document number -> kept id
        self._kept: set[str] = set()
        self._signatures = np.empty((1024, NUM_PERM), dtype=np.uint32)
        self._sizes = np.empty(1024, dtype=np.uint32)  # shingles per kept document
        self._bands = _BandIndex()

    def check(self, doc: Document) -> str | None:
        if doc.id in self._kept:
            return None
        tokens = words(doc.text)
        key = int(content_hash(" ".join(tokens) if tokens else doc.text)[:16], 16)
        first = self._exact.setdefault(key, doc.id)
        if first != doc.id:
            return f"exact duplicate of {first}"
        if len(tokens) < MIN_WORDS_FOR_NEAR:
            self._kept.add(doc.id)
            return None
        signature = minhash(tokens)
        size = len(tokens) - SHINGLE_WORDS + 1
        keys = band_keys(signature)
        for number in sorted(self._bands.lookup(keys)):
            sim = float(np.mean(self._signatures[number] == signature))
            if sim >= self.threshold:
                why = f"similarity {sim:.2f}"
            elif sim >= MIN_SIMILARITY_FOR_CONTAINED and self._contained(sim, size, number) >= CONTAINED_THRESHOLD:
                why = f"{self._contained(sim, size, number):.0%} of it is in the kept text"
            else:
                continue
            del self._exact[key]  # not kept: an exact copy of it is a copy of the kept one
            return f"near duplicate of {self._ids[number]} ({why})"
        self._keep(doc.id, signature, keys, size)
        return None

    def _contained(self, sim: float, size: int, number: int) -> float:
        """Share of the new document's shingles in kept document `number`: |A&B| = J(|A|+|B|)/(1+J)."""
        common = sim * (size + int(self._sizes[number])) / (1 + sim)
        return min(1.0, common / size)

    def _keep(self, doc_id: str, signature: np.ndarray, keys: np.ndarray, size: int) -> None:
        number = len(self._ids)
        if number == len(self._signatures):
            self._signatures = np.concatenate([self._signatures, np.empty_like(self._signatures)])
            self._sizes = np.concatenate([self._sizes, np.empty_like(self._sizes)])
        self._signatures[number] = signature
        self._sizes[number] = size
        self._ids.append(doc_id)
        self._kept.add(doc_id)
        self._bands.add(keys, number)
