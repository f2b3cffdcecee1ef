"""The synthetic corpora of the search and scale benchmarks: deterministic libraries whose
words and word pairs come from the bundled articles (a built-in word list when
``content/`` is absent), and the queries run against them (see search_bench.py)."""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

from jpbrief.core.model import (  # noqa: E402 - the caller puts REPO on sys.path
    Article,
    Footnote,
    Glossary,
    Library,
    Passage,
    Source,
    Theme,
)

SEED = 20240513
WORDS_PER_ARTICLE = 1500
QUERIES_PER_KIND = 100

FALLBACK_TEXT = """
Japan is strengthening its defence posture and its alliance with the United States through
new command and control arrangements, counterstrike capabilities and a larger defence budget.
The national security strategy sets economic security as a priority, with export controls,
supply chain resilience, investment screening and protection of critical technologies.
Tokyo and Washington announced cooperation on hypersonic missile defence, space, artificial
intelligence, semiconductors and the co-production of missiles, while the defence industry
forum discussed ship repair, acquisition and sustainment. Regional partners such as
Australia, the Philippines, South Korea and Britain joined exercises and trilateral talks.
"""
FALLBACK_THEMES = ("counterstrike", "economic-security", "dicas", "alliance", "space")


# --- corpus ---------------------------------------------------------------------------


def load_real_library() -> Library | None:
    content = REPO / "content"
    if not (content / "articles").is_dir():
        return None
    try:
        from jpbrief.core.content import load_library
    except ImportError:
        return None
    library = load_library(content)
    return library if library.articles else None


class Vocabulary:
    """Unigram and bigram statistics of the seed text."""

    def __init__(self, text: str) -> None:
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d.,]*\d|\d", text)
        self.counts = Counter(words)
        self.words = list(self.counts)
        self.weights = [self.counts[w] for w in self.words]
        # ``choices`` sums the weights on every call; summed once, it draws the same words
        self.cum_weights = list(itertools.accumulate(self.weights))
        followers: dict[str, Counter[str]] = defaultdict(Counter)
        for first, second in itertools.pairwise(words):
            followers[first][second] += 1
        self.followers = {
            word: (list(c), list(itertools.accumulate(c[w] for w in c)))
            for word, c in followers.items() if c
        }
        self.bigrams = Counter(itertools.pairwise(words))

    def sentence(self, rng: random.Random, length: int) -> list[str]:
        out = [rng.choices(self.words, cum_weights=self.cum_weights)[0]]
        while len(out) < length:
            following = self.followers.get(out[-1])
            if following and rng.random() < 0.75:
                out.append(rng.choices(following[0], cum_weights=following[1])[0])
            else:
                out.append(rng.choices(self.words, cum_weights=self.cum_weights)[0])
        return out


def synthetic_library(size: int, seed_library: Library | None) -> Library:
    rng = random.Random(SEED)
    if seed_library is not None:
        text = "\n".join(p.text for _a, p in seed_library.iter_passages())
        themes = dict(seed_library.themes) or {t: Theme(t, t, t) for t in FALLBACK_THEMES}
        sources = dict(seed_library.sources)
        glossary = seed_library.glossary
    else:
        text = FALLBACK_TEXT
        themes = {t: Theme(t, t.title(), t) for t in FALLBACK_THEMES}
        sources = {}
        glossary = Glossary()
    if not sources:
        sources = {
            f"source-{i}": Source(f"source-{i}", f'Author {i}. "Report {i}." Publisher, 2024.')
            for i in range(50)
        }
    vocabulary = Vocabulary(text)
    theme_ids = sorted(themes)
    source_ids = sorted(sources)
    articles: list[Article] = []
    for number in range(size):
        passages: list[Passage] = []
        words = 0
        section: str | None = None
        paragraph = 0
        while words < WORDS_PER_ARTICLE:
            if paragraph % 5 == 4:
                heading = " ".join(vocabulary.sentence(rng, rng.randint(2, 5))).capitalize()
                section = heading
                passages.append(
                    Passage(f"h-{paragraph}", "heading", "## " + heading, heading, heading)
                )
            length = rng.randint(60, 140)
            body = " ".join(vocabulary.sentence(rng, length)) + "."
            words += length
            footnotes = tuple(
                Footnote(i + 1, rng.choice(source_ids)) for i in range(rng.choice((0, 0, 1, 2)))
            )
            passages.append(
                Passage(
                    f"p-{paragraph}",
                    "paragraph",
                    body,
                    body,
                    section,
                    themes=tuple(sorted(set(rng.sample(theme_ids, rng.choice((0, 1, 1, 2)))))),
                    footnotes=footnotes,
                )
            )
            paragraph += 1
        title = " ".join(vocabulary.sentence(rng, rng.randint(5, 10))).capitalize()
        articles.append(Article(f"synthetic-{number:05d}", title, tuple(passages)))
    return Library(tuple(articles), sources, themes, glossary)


def make_queries(library: Library, vocabulary: Vocabulary) -> dict[str, list[str]]:
    rng = random.Random(SEED + 1)
    stop = {"the", "and", "of", "to", "in", "a", "on", "for", "as", "its", "is", "with", "that"}
    ranked = [w for w, _c in vocabulary.counts.most_common() if w.lower() not in stop]
    alpha = [w for w in ranked if w.isalpha() and len(w) >= 4]
    middle = alpha[: max(40, len(alpha) // 2)]
    bigrams = [
        (a, b)
        for (a, b), c in vocabulary.bigrams.most_common(400)
        if a.lower() not in stop and b.lower() not in stop and a.isalpha() and b.isalpha()
    ] or [(a, b) for (a, b), _c in vocabulary.bigrams.most_common(40)]
    themes = sorted(library.themes)
    queries: dict[str, list[str]] = defaultdict(list)
    for _ in range(QUERIES_PER_KIND):
        queries["term"].append(rng.choice(middle))
        queries["multi"].append(" ".join(rng.sample(middle, rng.choice((2, 3)))))
        a, b = rng.choice(bigrams)
        queries["phrase"].append(f'"{a} {b}"')
        word = rng.choice([w for w in alpha if len(w) >= 6] or alpha)
        queries["prefix"].append(word[: rng.choice((4, 5))].lower() + "*")
        queries["filtered"].append(f"{rng.choice(middle)} theme:{rng.choice(themes)}")
        queries["prefix3"].append(rng.choice(alpha)[:3].lower() + "*")
    return dict(queries)


# --- Whoosh ---------------------------------------------------------------------------
