"""Search at scale: ``manage.py bench_search`` (``make bench-search``, see README).

Puts ``--pages`` live Persian news articles into the network's newsroom, in bulk and once
(a later run reuses them), then asks ``/search/`` 200 varied Persian queries in the same
process, as a visitor would: one word or several, a word's beginning, Arabic letters for
Persian ones, common words that match thousands of pages and rare ones that match a few,
with and without a kind, on the first page and the second. It prints the server time of
each request (median, 95th percentile, worst), the database queries per search, and whether
these are the same for a handful of matches as for thousands.

The articles' words are the demo's own: every word of its live pages, so the queries are
the words people read on the site.
"""

import random
import statistics
import time
from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from newsroom.models import NewsIndexPage, NewsPage
from nikrah.bulk import add_live_children
from nikrah.search.normalise import words
from nikrah.search.views import searchable_pages

SLUG_PREFIX = "bench-"
QUERIES = 200
WARM_UP = 20
# Targets of the search issue: a 95th percentile of at most this many milliseconds, and
# as many queries for a few matches as for thousands.
P95_TARGET_MS = 200


def size_of(matches):
    if matches <= 10:
        return "≤ 10"
    return "11–1,000" if matches <= 1000 else "> 1,000"


class Command(BaseCommand):
    help = "Measure /search/ over many thousands of live Persian pages (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=50_000)
        parser.add_argument("--queries", type=int, default=QUERIES)
        parser.add_argument("--seed", type=int, default=1405)

    def handle(self, *, pages, queries, seed, **options):
        if connection.vendor != "postgresql":
            self.stderr.write(f"Measuring on {connection.vendor}: the targets are for PostgreSQL.")
        randomness = random.Random(seed)
        vocabulary = self.vocabulary()
        newsroom = self.newsroom()
        self.fill(newsroom, pages, vocabulary, randomness)
        present = NewsPage.objects.live().filter(slug__startswith=SLUG_PREFIX).count()
        asked = self.queries(vocabulary, queries, randomness)
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            client = Client()
            for parameters in asked[:WARM_UP]:
                client.get("/search/", parameters)
            measured = [self.measure(client, parameters) for parameters in asked]
        self.report(present, measured)

    def vocabulary(self):
        """Every word of the demo's live Persian pages, by how often it occurs."""
        counts = defaultdict(int)
        fa = Locale.objects.get(language_code="fa")
        pages = Page.objects.live().filter(locale=fa).exclude(slug__startswith=SLUG_PREFIX)
        for page in pages.specific().iterator():
            text = " ".join(
                [page.title, getattr(page, "summary", ""), str(getattr(page, "body", ""))]
            )
            for word in words(text):
                if len(word) > 2 and not word.isascii():
                    counts[word] += 1
        if len(counts) < 100:
            raise CommandError("Load the demo first: manage.py load_demo")
        return sorted(counts, key=lambda word: (-counts[word], word))

    def newsroom(self):
        fa = Locale.objects.get(language_code="fa")
        index = NewsIndexPage.objects.filter(locale=fa, depth=3).first()
        if index is None:
            raise CommandError("Load the demo first: manage.py load_demo")
        return index

    def fill(self, newsroom, wanted, vocabulary, randomness):
        existing = NewsPage.objects.filter(slug__startswith=SLUG_PREFIX).count()
        if existing >= wanted:
            return
        self.stdout.write(f"Adding {wanted - existing} news articles in bulk…")
        started = time.perf_counter()
        # Common words are common in the articles too: a Zipf-like choice of word.
        weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

        def text(count):
            return " ".join(randomness.choices(vocabulary, weights=weights, k=count))

        articles = [
            NewsPage(
                title=text(randomness.randint(3, 8)),
                slug=f"{SLUG_PREFIX}{number}",
                summary=text(randomness.randint(12, 30)),
                body=[("paragraph", f"<p>{text(randomness.randint(60, 160))}</p>")],
            )
            for number in range(existing, wanted)
        ]
        add_live_children(newsroom, articles)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"… in {time.perf_counter() - started:.0f} s")

    def queries(self, vocabulary, count, randomness):
        """Varied queries a Persian reader types, as search URLs."""
        common, rare = vocabulary[:40], vocabulary[-400:]
        arabic = str.maketrans({"ی": "ي", "ک": "ك"})
        shapes = [
            lambda: randomness.choice(common),
            lambda: randomness.choice(rare),
            lambda: " ".join(randomness.sample(common, 2)),
            lambda: " ".join([randomness.choice(common), randomness.choice(rare)]),
            lambda: " ".join(randomness.sample(vocabulary[:300], 3)),
            lambda: randomness.choice(vocabulary[:300])[:3],  # a word's beginning
            lambda: randomness.choice(
                [w for w in vocabulary[:300] if "ی" in w or "ک" in w]
            ).translate(arabic),
        ]
        asked = []
        for number in range(count):
            parameters = {"q": shapes[number % len(shapes)]()}
            if number % 5 == 0:
                parameters["kind"] = "news"
            if number % 7 == 0:
                parameters["page"] = "2"
            asked.append(parameters)
        return asked

    def measure(self, client, parameters):
        path = f"/search/?{urlencode(parameters)}"
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise CommandError(f"{path} answered {response.status_code}")
        matches = searchable_pages(specific=False).search(parameters["q"]).count()
        return {"path": path, "ms": elapsed * 1000, "queries": len(queries), "matches": matches}

    def report(self, present, measured):
        times = sorted(row["ms"] for row in measured)
        p95 = times[int(len(times) * 0.95) - 1]
        by_size = defaultdict(set)
        for row in measured:
            size = (
                "≤ 10"
                if row["matches"] <= 10
                else "11–1,000"
                if row["matches"] <= 1000
                else "> 1,000"
            )
            by_size[size].add(row["queries"])
        constant = len({q for queries in by_size.values() for q in queries}) == 1
        lines = [
            f"Search over {present:,} bulk-loaded news articles ({connection.vendor}), "
            f"{len(measured)} queries:",
            "",
            "| | |",
            "|---|---|",
            f"| median | {statistics.median(times):.0f} ms |",
            f"| 95th percentile | {p95:.0f} ms (target ≤ {P95_TARGET_MS} ms: "
            f"{'met' if p95 <= P95_TARGET_MS else 'NOT met'}) |",
            f"| worst | {times[-1]:.0f} ms |",
            f"| most matches of one query | {max(row['matches'] for row in measured):,} |",
        ]
        for size in ("≤ 10", "11–1,000", "> 1,000"):
            if size in by_size:
                counts = ", ".join(str(q) for q in sorted(by_size[size]))
                lines.append(f"| database queries, {size} matches | {counts} |")
        lines.append(
            f"| queries the same for few and many matches | {'yes' if constant else 'NO'} |"
        )
        slowest = sorted(measured, key=lambda row: -row["ms"])[:5]
        lines += ["", "Slowest:", *(f"- {row['ms']:.0f} ms {row['path']}" for row in slowest)]
        self.stdout.write("\n".join(lines))
