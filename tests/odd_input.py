"""Hypothesis strategies for what anyone can type into an address: digits of other
scripts, huge and negative numbers, bidi controls, NUL and other control characters,
10,000-character values, repeated parameters and broken percent-encoding, as raw query
strings and paths, sent byte for byte."""

from urllib.parse import quote

from hypothesis import strategies as st

from tests.public_urls import PAGE_VIEW, as_path

OTHER_DIGITS = "²³¹⁰⁴₀₅٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२௫๓၉០１２３４５６７８９①ⅫⅯ𝟗"
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BROKEN_ENCODINGS = [
    "%",  # a lone percent
    "%G1",  # not hexadecimal
    "%2",  # one digit
    "%C2",  # the first byte of a two-byte character alone
    "%E2%82",  # two of three bytes
    "%C0%AF",  # an overlong «/»
    "%ED%A0%80",  # a surrogate
    "%F4%90%80%80",  # past U+10FFFF
    "%FF",
    "%00",
    "%%",
    "%u202E",  # an old browser's escape
    "+",
    "%C2%B2",  # ² superscript two
]
characters = st.one_of(
    st.sampled_from(OTHER_DIGITS),
    st.characters(categories=["Nd", "No", "Nl"]),
    st.sampled_from(BIDI_CONTROLS),
    st.characters(max_codepoint=0x1F),  # C0 controls, NUL among them
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),  # DEL and C1 controls
    st.sampled_from("0123456789-+.eE,/: "),
    st.characters(),
)
texts = st.text(characters, max_size=24)
# What ``str.isdigit`` accepts and ``int`` or the database may not: ², ۳, ௫, １, 𝟗…
digits = st.text(
    st.characters(categories=["Nd", "No"], exclude_characters="0123456789")
    | st.sampled_from(OTHER_DIGITS),
    min_size=1,
    max_size=25,
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from([2**31 - 1, 2**31, 2**32, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1]),
    st.floats(),
).map(str)
broken = st.lists(st.sampled_from(BROKEN_ENCODINGS), min_size=1, max_size=4).map("".join)


def encoded(text):
    """``text`` as a browser would percent-encode it."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def raw(text):
    """``text`` sent as raw UTF-8 bytes, as a careless client might (the separators
    escaped)."""
    escaped = text.replace("%", "%25").replace("&", "%26").replace("=", "%3D")
    return escaped.replace("#", "%23").encode("utf-8", "surrogatepass").decode("latin-1")


plain = st.one_of(digits, numbers, texts)
long_values = st.one_of(
    st.sampled_from(["9", "٣", "²", "x", "\u202e", "\x00", "-1"]).map(
        lambda unit: encoded(unit * 10_000)
    ),
    st.sampled_from(["%C2%B2", "%00", "%", "9"]).map(lambda unit: (unit * 10_000)[:10_000]),
)
fragments = st.one_of(
    plain.map(encoded),
    plain.map(raw),
    long_values,
    broken,
    st.tuples(plain.map(encoded), broken, numbers).map("".join),
)


def query_strings(parameters, values):
    """Raw query strings: the parameters a view reads (and unknown ones), once or several
    times, with odd values or with values the site's own forms offer, so that an odd value
    reaches code behind a valid one."""
    known = st.sampled_from(sorted(parameters)) if parameters else st.nothing()
    names = st.one_of(known, known, known, st.just("page"), fragments)
    odd = st.one_of(digits.map(encoded), numbers, fragments)

    def pair(name):
        offered = [encoded(value) for value in values.get(name, [])]
        value = st.one_of(odd, st.sampled_from(offered)) if offered else odd
        return st.tuples(st.just(name), value).map("=".join)

    pairs = names.flatmap(pair)
    repeated = st.tuples(known, st.lists(odd, min_size=2, max_size=4)).map(
        lambda kv: "&".join(f"{kv[0]}={value}" for value in kv[1])
    )
    separators = st.sampled_from(["", "&", "&&", "=", "==", "&=&", "?", "#"])
    parts = st.one_of(pairs, pairs, pairs, repeated, separators, fragments)
    return st.lists(parts, min_size=1, max_size=6).map("&".join)


def paths(site, regex):
    """Paths to ``regex``'s view: anything its regex accepts, or one of its real addresses
    with a broken escape or odd characters spliced into it."""
    view = site.patterns[regex]
    real = sorted(
        {t.path for t in site.targets if t.pattern == regex or view == t.view == PAGE_VIEW}
    )
    strategies = [st.from_regex(regex, fullmatch=True).map(as_path)]
    if real:
        splice = st.tuples(
            st.sampled_from(real), st.one_of(broken, plain.map(encoded), plain.map(raw))
        )
        strategies.append(
            splice.flatmap(
                lambda pr: st.integers(0, len(pr[0])).map(
                    lambda at: pr[0][:at] + pr[1] + pr[0][at:]
                )
            )
        )
    return st.one_of(strategies)
