"""German words and clause rules for the clause frames (``frames.py`` dispatches here for ``de``).

German words are read against the pack's lexicons, not a model: every verb lemma of the German
lexicons (``lang/de/*.toml``) is conjugated from the rules of German verb morphology (weak verbs by
rule, strong and mixed verbs from their principal parts in ``grammar.toml``), with separable
particles ("lehnte ... ab" is *ablehnen*: the particle at the end of the clause is attached back to
the finite verb), the ge- of participles ("abgelehnt", but "verurteilt" after an inseparable prefix
and "sanktioniert" after -ieren) and zu-infinitives ("abzulehnen"). Nouns are capitalised: they are
read against the lexicons' nouns with their plural and case endings, and a compound by its last part
("Angriffskrieg" is a *Krieg*). This is cheap (a table look-up per word), so that the candidate filter
and the predictions can read every sentence.

Clause rules: the finite verb comes second in a main clause and last in a subordinate one; the
perfect (haben, sein) and the passive (werden) put a participle, the future (werden) and the modals
an infinitive, at the end of the clause; negation ("nicht", "kein") stands anywhere in the clause; the
subject is the free mention before the finite verb or, when that place holds something else ("Am
Montag verhängte die EU ..."), right after it; a Konjunktiv I after a speech verb is reported speech
("sagte, Deutschland werde ...").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from typing import TYPE_CHECKING, Any

from .doc import Doc, Mention, Sentence

if TYPE_CHECKING:
    from .frames import Frame, FrameBuilder, LanguagePack, Word

__all__ = ["applies", "de_words", "factuality", "negated", "subject", "with_targets"]

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d[\d.,]*|[;:\"“”„«»—–()]|,", re.UNICODE)
_BREAK_PUNCT = {";", ":", "—", "–", "(", ")", '"', "“", "”", "„", "«", "»"}


def applies(pack: LanguagePack | None) -> bool:
    """A language whose ``grammar.toml`` says ``clause_rules = ["v2"]`` (German, Dutch) is read here."""
    return pack is not None and "v2" in pack.grammar.get("clause_rules", frozenset())


# -- verb morphology -----------------------------------------------------------------------------------
@dataclasses.dataclass(frozen=True)
class _Morph:
    joined: dict[str, tuple[tuple[str, frozenset[str]], ...]]  # form -> (lemma, kinds)
    split: dict[str, tuple[tuple[str, str, frozenset[str]], ...]]  # base form -> (particle, lemma, kinds)
    aux: dict[str, str]
    particles: frozenset[str]
    aux_tags: dict[str, frozenset[str]]


def _weak_stem(base: str) -> str:
    return base[:-2] if base.endswith("en") else base[:-1]


def _needs_e(stem: str) -> bool:
    """"verabschiedet", "tötet", "unterzeichnet": an -e- before the ending after d, t, or m/n after
    a consonant other than l, r, h."""
    return stem.endswith(("d", "t")) or bool(re.search(r"[^aeiouäöülrm][mn]$", stem))


def _simple_forms(base: str, strong: dict[str, tuple[str, ...]],
                  weak: bool = True) -> tuple[dict[str, set[str]], list[str]]:
    """The finite and infinitive forms of a simple verb by kind, and its participles with ge-:
    its listed principal parts (third person singular present, past, [past plural,] participle)
    and, where the language conjugates by rule (``weak``), the German weak forms."""
    if not weak:
        forms: dict[str, set[str]] = {base: {"Inf", "Fin"}}
        if base not in strong:
            return forms, []
        *parts, participle = strong[base]
        forms.setdefault(parts[0], set()).add("Fin")
        for past in parts[1:]:
            forms.setdefault(past, set()).update({"Fin", "Past"})
        return forms, [participle]
    stem = _weak_stem(base)
    e = "e" if _needs_e(stem) else ""
    forms = {}

    def add(form: str, *kinds: str) -> None:
        forms.setdefault(form, set()).update(kinds)

    add(base, "Inf", "Fin")
    add(stem + "e", "Fin", "Subj")
    variants = sorted({e, ""} if re.search(r"h[mn]$", stem) else {e})  # "lehnt" but "zeichnet": both listed
    participles = []
    for v in variants:
        add(stem + v + "t", "Fin")
        add(stem + v + "st", "Fin")
        for ending in ("te", "ten", "test", "tet"):
            add(stem + v + ending, "Fin", "Past")
        participles.append(("" if base.endswith("ieren") else "ge") + stem + v + "t")
    if base in strong:
        present, past, participle = strong[base][0], strong[base][1], strong[base][-1]
        add(present, "Fin")
        add(past, "Fin", "Past")
        add(past + ("en" if not past.endswith("e") else "n"), "Fin", "Past")
        participles = [participle]
    return forms, participles


def _prefixes(lemma: str, g: dict[str, frozenset[str]]) -> tuple[str, str, str]:
    """(separable particle, inseparable prefix, simple verb) of a verb lemma."""
    sep = ""
    rest = lemma
    if lemma not in g.get("inseparable_verbs", frozenset()) and lemma not in g.get("strong_lemmas", frozenset()):
        for p in sorted(g.get("separable", frozenset()), key=len, reverse=True):
            if lemma.startswith(p) and len(lemma) - len(p) >= 4:
                sep, rest = p, lemma[len(p):]
                break
    insep = ""
    for p in sorted(g.get("inseparable", frozenset()), key=len, reverse=True):
        if rest.startswith(p) and len(rest) - len(p) >= 4 and rest not in g.get("strong_lemmas", frozenset()):
            insep = p
            break
    return sep, insep, rest[len(insep):]


def _is_verb_lemma(lemma: str) -> bool:
    return " " not in lemma and lemma.endswith(("en", "ern", "eln"))


@functools.lru_cache(maxsize=8)
def _morphology(pack: LanguagePack) -> _Morph:
    g = dict(pack.grammar)
    strong: dict[str, tuple[str, ...]] = {}
    for entry in g.get("strong", frozenset()):
        parts = entry.split()
        if len(parts) in (4, 5):
            strong[parts[0]] = tuple(parts[1:])
    weak = "listed" not in g.get("conjugation", frozenset())
    g["strong_lemmas"] = frozenset(strong)
    aux: dict[str, str] = {}
    aux_tags: dict[str, frozenset[str]] = {}
    for entry in g.get("auxiliaries", frozenset()):
        form, lemma, *tags = entry.split()
        aux[form] = lemma
        aux_tags[form] = frozenset(t.capitalize() for t in tags)
    lemmas = set(pack.predicates) | {v for k in ("plan", "asking", "opinion", "denial") for v in g.get(k, ())}
    lemmas |= {p.split()[-1] for p in g.get("phrasal_verbs", ())}  # "stellen" of "zur verfügung stellen"
    lemmas |= set(g.get("forecast_verbs", ())) | set(g.get("risk_negated", ()))  # conjugated like the rest
    joined: dict[str, dict[str, set[str]]] = {}
    split: dict[str, dict[tuple[str, str], set[str]]] = {}
    for lemma in sorted(x for x in lemmas if _is_verb_lemma(x)):
        sep, insep, base = _prefixes(lemma, g)
        forms, participles = _simple_forms(base, strong, weak)
        if insep:
            forms = {insep + f: k for f, k in forms.items()}
            participles = [insep + (p[2:] if p.startswith("ge") else p) for p in participles]
        for form, kinds in forms.items():
            if sep:
                split.setdefault(form, {}).setdefault((sep, lemma), set()).update(kinds)
                joined.setdefault(sep + form, {}).setdefault(lemma, set()).update(kinds)
            else:
                joined.setdefault(form, {}).setdefault(lemma, set()).update(kinds)
        for participle in participles:
            joined.setdefault(sep + participle, {}).setdefault(lemma, set()).add("Part")
        for marker in g.get("joined_infinitive_marker", frozenset()) if sep else ():
            joined.setdefault(sep + marker + insep + base, {}).setdefault(lemma, set()).update({"Inf", "Zu"})
    return _Morph({f: tuple((lem, frozenset(k)) for lem, k in v.items()) for f, v in joined.items()},
                  {f: tuple((p, lem, frozenset(k)) for (p, lem), k in v.items()) for f, v in split.items()},
                  aux, frozenset(g.get("separable", frozenset())), aux_tags)


@functools.lru_cache(maxsize=50_000)
def _noun_lemma(low: str, pack: LanguagePack) -> str:
    """A capitalised word's lemma among the lexicons' nouns: itself, without a plural or case
    ending (``grammar.toml`` ``noun_endings``, tried in their order), or the last part of a compound
    ("Angriffskrieges" -> krieg)."""
    known = pack.known
    endings = pack.ordered.get("noun_endings", ())
    bare = [low] + [low[:-len(e)] for e in endings if low.endswith(e) and len(low) - len(e) >= 3]
    for b in bare:
        if b in known:
            return b
    for b in bare:
        tail = b.rsplit("-", 1)[-1]
        if tail in known:
            return tail
        heads = [k for k in _compound_heads(pack) if len(tail) > len(k) and tail.endswith(k)]
        if heads:
            return max(heads, key=len)
    return low


@functools.lru_cache(maxsize=8)
def _compound_heads(pack: LanguagePack) -> tuple[str, ...]:
    return tuple(k for k in pack.known if len(k) >= 4 and " " not in k and "_" not in k and not _is_verb_lemma(k))


# -- words -----------------------------------------------------------------------------------------------
def de_words(doc: Doc, sentence: Sentence, pack: LanguagePack) -> list[Word]:
    """The words of a German sentence with lemmas, parts of speech and verb features (``Fin``,
    ``Past``, ``Part``, ``Inf``, ``Zu``, ``Subj``, ``Aux``; ``Future`` on a future or modal marker)."""
    from .frames import Word

    morph = _morphology(pack)
    g = pack.grammar
    text = doc.text[sentence.start:sentence.end]
    spans = _mention_spans(doc, sentence)
    words: list[Word] = []
    tokens = list(_TOKEN.finditer(text))
    for n, m in enumerate(tokens):
        raw = m.group(0)
        after = tokens[n + 1].group(0) if n + 1 < len(tokens) else ""
        start, end = sentence.start + m.start(), sentence.start + m.end()
        low = raw.casefold().replace("’", "'")
        feats: set[str] = set()
        if not raw[0].isalnum():
            upos, lemma = "PUNCT", raw
        elif raw[0].isdigit():
            upos, lemma = "NUM", raw
        elif any(a <= start and end <= b for a, b in spans):  # "EU-Sanktionen" is no name but a compound
            upos, lemma = "PROPN", low
        elif low in g.get("possessive_homographs", ()) and _possessive_here(words, after, morph, g):
            upos, lemma = "DET", low  # Dutch "dat zijn land zijn grondgebied ...": "his", not "are"
        elif low in morph.aux and (raw[0].islower() or n == 0):
            upos, lemma = "VERB", morph.aux[low]
            tags = morph.aux_tags.get(low, frozenset())
            feats = {"Aux", "Part"} if "Part" in tags else {"Aux", "Fin"} | tags
            if low == lemma:
                feats.add("Inf")  # "wird verhängt werden", "soll geliefert haben"
        elif low in g.get("complementizers", ()) and words and (
                words[-1].upos == "VERB" or words[-1].text == "," or after[:1].isupper()
                or after.casefold() in g.get("determiners", ()) or after.casefold() in g.get("pronouns", ())):
            upos, lemma = "CCONJ", low  # Dutch "zei dat ...": the complementizer, not the determiner
        elif low in g.get("adverbs", ()):
            upos, lemma = "ADV", low
        elif low in g.get("negation", ()):
            upos, lemma = "PART", low
        elif low in g.get("determiners", ()) and raw[0].islower() or low in g.get("determiners", ()) and n == 0:
            upos, lemma = "DET", low
        elif low in g.get("prepositions", ()) and (raw[0].islower() or n == 0):
            upos, lemma = "ADP", low
        elif low in g.get("pronouns", ()) and (raw[0].islower() or n == 0):
            upos, lemma = "PRON", low
        elif low in g.get("subordinators", ()) or low in g.get("coordinators", ()):
            upos, lemma = "CCONJ", low
        elif (raw[0].islower() or n == 0) and (low in morph.joined or low in morph.split):
            upos = "VERB"
            readings = morph.joined.get(low, ())
            lemma = readings[0][0] if readings else low
            for _lemma, kinds in readings[:1]:
                feats |= kinds
            if not readings:
                feats = set(morph.split[low][0][2])
        elif raw[0].isupper():
            upos, lemma = "NOUN", _noun_lemma(low, pack)
        else:
            upos, lemma = "X", _noun_lemma(low, pack) if low not in pack.known else low
        words.append(Word(n, start, end, raw, lemma, upos, frozenset(feats), low=low))
    return _mark_future(_phrasal_verbs(_attach_particles(words, morph, g), g), g)


def _mention_spans(doc: Doc, sentence: Sentence) -> list[tuple[int, int]]:
    """The mention spans of one sentence (mentions sorted by start once per document)."""
    key = (id(doc), hash(doc.text), id(doc.mentions), len(doc.mentions))  # a str caches its hash
    if _SPANS_CACHE.get("key") != key:
        _SPANS_CACHE.clear()
        _SPANS_CACHE["key"] = key
        ordered = sorted((m.start, m.end) for m in doc.mentions)
        _SPANS_CACHE["spans"] = ordered
        _SPANS_CACHE["starts"] = [a for a, _ in ordered]
    ordered, starts = _SPANS_CACHE["spans"], _SPANS_CACHE["starts"]
    return ordered[bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]


_SPANS_CACHE: dict[str, Any] = {}


def _clause_end(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> int:
    for n in range(at + 1, len(words)):
        w = words[n]
        if w.text in _BREAK_PUNCT or w.text == "," or w.low in g.get("subordinators", ()) or \
                w.low in g.get("clause_breaks", ()):
            return n - 1
    return len(words) - 1


def _attach_particles(words: list[Word], morph: _Morph, g: dict[str, frozenset[str]]) -> list[Word]:
    """"lehnte ... ab": a separable particle closing the clause joins the finite verb before it."""
    from .frames import Word

    out = list(words)
    for n, w in enumerate(words):
        if w.upos != "VERB" or w.low not in morph.split:
            continue
        end = _clause_end(words, n, g)
        tail = [x for x in words[n + 1:end + 1] if x.upos != "PUNCT"]
        # the clause's last word, the last before a coordinator ("lehnte ab und ..."), or one before a
        # preposition closing the clause after the particle ("legde sancties op aan Rusland")
        ends = [x for k, x in enumerate(tail) if k + 1 == len(tail) or tail[k + 1].low in g.get("coordinators", ())
                or x.low in morph.particles and tail[k + 1].upos == "ADP"]
        found = [(x, r) for x in ends for r in morph.split[w.low] if r[0] == x.low]
        if n >= 2 and words[n - 1].low in g.get("infinitive_marker", ()):  # "af te wijzen" (Dutch)
            found = [(words[n - 2], r) for r in morph.split[w.low] if r[0] == words[n - 2].low] or found
        if not found:
            continue
        last, reading = found[0]
        particle, lemma, kinds = reading
        before_marker = last.i < n
        kinds = frozenset(kinds) if before_marker else frozenset(kinds) - {"Inf"}
        out[n] = Word(w.i, w.start, w.end, w.text, lemma, "VERB", kinds, low=w.low)
        out[last.i] = Word(last.i, last.start, last.end, last.text, particle, "PART", frozenset({"Particle"}),
                           low=last.low)
    return out


def _possessive_here(words: list[Word], after: str, morph: _Morph, g: dict[str, frozenset[str]]) -> bool:
    """A form that is both a possessive and an auxiliary (Dutch "zijn") is the possessive before a
    lower-case word of no closed class and no verb form, after a complementizer, preposition or
    coordinator, or after a noun in a subordinate clause whose finite verb has not come yet."""
    nxt = after.casefold()
    if not nxt[:1].isalpha() or not after[:1].islower() or nxt in morph.aux or nxt in g.get("pronouns", ()) or any(
            nxt in g.get(k, ()) for k in ("adverbs", "negation", "determiners", "prepositions")):  # grammar keys
        return False
    if not words:
        return False
    if words[-1].upos in ("CCONJ", "ADP"):
        return True
    opened = next((x for x in reversed(words) if x.upos == "CCONJ" and x.low in g.get("complementizers", ())), None)
    return opened is not None and words[-1].upos in ("NOUN", "X") and \
        not any(x.upos == "VERB" for x in words[opened.i + 1:])


def _phrasal_verbs(words: list[Word], g: dict[str, frozenset[str]]) -> list[Word]:
    """A verb with a fixed phrase in its clause (``phrasal_verbs``: "zur verfügung stellen", "ter
    beschikking stellen") is that phrase's predicate, wherever V2 puts the phrase ("stellt sein
    Territorium ... zur Verfügung", "dass es ... zur Verfügung stellt"); the phrase's words become particles."""
    from .frames import Word

    phrases = [p.split() for p in sorted(g.get("phrasal_verbs", ()))]
    if not phrases:
        return words
    out = list(words)
    for n, w in enumerate(words):
        if w.upos != "VERB" or "Aux" in w.feats:
            continue
        left, right = _clause_start(words, n, g), _clause_end(words, n, g)
        for phrase in phrases:
            *fixed, verb = phrase
            if w.lemma != verb or not fixed:
                continue
            at = next((k for k in range(left, right - len(fixed) + 2)
                       if [x.low for x in words[k:k + len(fixed)]] == fixed), None)
            if at is None:
                continue
            # the lemma as the lexicons key a phrase: "zur_verfügung_stellen"
            out[n] = Word(w.i, w.start, w.end, w.text, "_".join(phrase), w.upos, w.feats, low=w.low)
            for x in words[at:at + len(fixed)]:
                out[x.i] = Word(x.i, x.start, x.end, x.text, x.low, "PART", frozenset({"Particle"}), low=x.low)
            break
    return out


def _mark_future(words: list[Word], g: dict[str, frozenset[str]]) -> list[Word]:
    """``Future`` on a finite werden (not "wurde", "würde") or a modal of risk whose clause holds an
    infinitive, and on a plan verb followed by a zu-infinitive: the word predictions read."""
    from .frames import Word

    out = list(words)
    for n, w in enumerate(words):
        if w.upos != "VERB":
            continue
        left = _clause_start(words, n, g)
        right = _clause_end(words, n, g)
        clause = words[left:right + 1]
        scheduling = _schedule(words, n, right, g) and not _perfect_infinitive(clause, w, g)
        infinitive = any(("Inf" in x.feats or _bare_infinitive(words, x.i, right, g)) and
                         not _zu_infinitive(words, x.i, g) and x is not w for x in clause) or \
            (w.lemma in g.get("future", ()) or scheduling) and _final_infinitive(clause, w, g)
        marker = "Aux" in w.feats and "Past" not in w.feats and infinitive and (
            w.lemma in g.get("future", ()) and w.low not in g.get("conditional_forms", ())
            or w.low in g.get("conditional", ())
            or w.lemma in g.get("plan", ()) or scheduling)
        if not marker and w.lemma in g.get("plan", ()) and w.feats & {"Fin", "Part"}:  # "hat angekündigt, ... zu"
            marker = any(_zu_infinitive(words, x.i, g) for x in words[n + 1:])
        if not marker and w.lemma in g.get("forecast_verbs", ()) and "Fin" in w.feats and "Past" not in w.feats \
                and not any("Aux" in x.feats for x in words[left:n]):  # not "hatten erwartet": a past view
            # "Beobachter erwarten, dass der Druck zunimmt": what is expected is a forecast
            marker = any(x.low in g.get("complementizers", ()) for x in words[n + 1:n + 3])
        if not marker and "Fin" in w.feats and not w.feats & {"Past", "Subj", "Part"} and "Aux" not in w.feats and \
                any(x.low in g.get("future_adverbs", ()) for x in clause):
            marker = True  # "Deserteuren drohen künftig bis zu 15 Jahre Haft": the present of what is to come
        if not marker and w.lemma in g.get("risk_negated", ()) and \
                any(x.low in g.get("negation", ()) for x in words[max(0, n - 3):n]):
            marker = any(x.low in g.get("complementizers", ()) for x in words[n + 1:n + 3])  # "nicht ausgeschlossen,
            # dass ...": a risk not ruled out
        if marker:
            out[n] = Word(w.i, w.start, w.end, w.text, w.lemma, w.upos, w.feats | {"Future"}, low=w.low)
    return out


def _perfect_infinitive(clause: list[Word], aux: Word, g: dict[str, frozenset[str]]) -> bool:
    """"soll die Brücke gesprengt haben", "angeworben haben soll": the infinitive of a perfect
    auxiliary (``perfect``) with the modal, a hearsay about the past, no schedule."""
    return any("Aux" in x.feats and "Inf" in x.feats and x is not aux and x.lemma in g.get("perfect", ())
               for x in clause)


def _final_infinitive(clause: list[Word], aux: Word, g: dict[str, frozenset[str]]) -> bool:
    """"die Ukraine werde niemals auf die Krim verzichten": a verb the form tables lack, closing the
    clause of a finite werden, in lower case with an infinitive's ending, is its infinitive (not a
    participle in ge-...-en, "werden geschlossen", a present passive, unless one of ``ge_infinitives``:
    "gewinnen"); in a subordinate clause, the
    word right before a werden that closes it."""
    def bare(x: Word | None) -> bool:
        return x is not None and x.upos == "X" and x.text[:1].islower() and len(x.low) > 4 and \
            x.low.endswith(tuple(g.get("infinitive_endings", ()))) and \
            (not x.low.startswith("ge") or x.low in g.get("ge_infinitives", ()))

    last = next((x for x in reversed(clause) if x.upos != "PUNCT"), None)
    if last is aux:  # "..., dass Deutschland die Hilfe fortsetzen werde": the subordinate order
        before = [x for x in clause if x.i == aux.i - 1]
        return bare(before[0] if before else None)
    return last is not None and last.i > aux.i + 1 and bare(last)


def _bare_infinitive(words: list[Word], i: int, right: int, g: dict[str, frozenset[str]]) -> bool:
    """A verb the lexicons do not name, as an infinitive: a lower-case word with one of the
    language's ``infinitive_endings`` closing its clause ("Kirgistan werde keine Partei ergreifen"),
    or standing before a coordinator that goes on with another ("beginnen und ... dauern")."""
    w = words[i]
    if w.upos != "X" or not w.text[:1].islower() or not w.low.endswith(tuple(g.get("infinitive_endings", ()))):
        return False
    return i == right or i + 1 < len(words) and words[i + 1].low in g.get("coordinators", ())


def _schedule(words: list[Word], n: int, right: int, g: dict[str, frozenset[str]]) -> bool:
    """A modal of schedule (``schedule_modals``: "soll") in the present, second in a main clause,
    with a present infinitive ("Die Einberufung soll am 1. April beginnen"); not hearsay of the past
    with a perfect infinitive ("soll Truppen geschickt haben") nor a subordinate clause ("die ...
    beliefern sollen")."""
    w = words[n]
    if w.lemma not in g.get("schedule_modals", ()) or "Past" in w.feats or "Subj" in w.feats or n in (0, right):
        return False
    if _clause_start(words, n, g) == n or any(x.low in g.get("subordinators", ()) or x.text == ","
                                               for x in words[max(0, n - 1):n]):
        return False  # verb-final in a subordinate or relative clause
    return words[right].lemma not in g.get("perfect", ()) and words[right].low not in g.get("perfect", ())


def _zu_infinitive(words: list[Word], i: int, g: dict[str, frozenset[str]]) -> bool:
    """"zu schicken", "abzulehnen", "te sturen"."""
    w = words[i]
    marker = g.get("infinitive_marker", frozenset())
    if "Zu" in w.feats:
        return True
    # after the marker: an infinitive of the lexicons, or any lower-case word ending as one ("zu zahlen")
    return i > 0 and words[i - 1].low in marker and (
        "Inf" in w.feats or w.upos == "X" and w.text[:1].islower() and w.low.endswith("en"))


def _clause_start(words: list[Word], at: int, g: dict[str, frozenset[str]]) -> int:
    for n in range(at - 1, -1, -1):
        w = words[n]
        if w.text in _BREAK_PUNCT or w.text == ",":
            return n + 1
        if w.low in g.get("subordinators", ()) or w.low in g.get("clause_breaks", ()):
            return n
    return 0


# -- clause rules ------------------------------------------------------------------------------------------
def segment(builder: FrameBuilder, words: list[Word], at: int) -> tuple[int, int]:
    """The clause of a word: between punctuation (a comma between two mentions joins a list), a
    subordinator (which opens it), a clause break, or a coordinator before a new finite verb.
    Cached per builder, sentence and word."""
    cache: dict[tuple[int, int], tuple[int, int]] = vars(builder).setdefault("_de_segments", {})
    key = (words[0].start if words else -1, at)
    if key not in cache:
        cache[key] = _segment(builder, words, at)
    return cache[key]


def _segment(builder: FrameBuilder, words: list[Word], at: int) -> tuple[int, int]:
    assert builder.pack is not None
    g = builder.pack.grammar
    sentence = builder._sentence_of(words)
    spans = [(m.start, m.end) for m in builder.resolver.in_sentence(sentence)]

    def in_mention(w: Word | None) -> bool:
        return w is not None and any(a <= w.start < b for a, b in spans)

    def boundary(n: int) -> bool:
        w = words[n]
        if w.text in _BREAK_PUNCT:
            return True
        if w.text == ",":
            prev = words[n - 1] if n > 0 else None
            nxt = words[n + 1] if n + 1 < len(words) else None
            return not (in_mention(prev) and in_mention(nxt))
        if w.low in g.get("coordinators", ()):  # "X lehnte ab und Y protestierte", not "X und Y lehnten ab"
            ahead = words[n + 1:n + 4]
            behind = []
            for x in reversed(words[:n]):
                if x.text in _BREAK_PUNCT or x.text == ",":
                    break
                behind.append(x)
            return any(x.upos == "VERB" and "Fin" in x.feats for x in ahead) and \
                any(x.upos == "VERB" and "Fin" in x.feats for x in behind)
        return w.low in g.get("clause_breaks", ())

    left = 0
    for n in range(at - 1, -1, -1):
        if words[n].low in g.get("subordinators", ()) and words[n].upos == "CCONJ" and \
                words[n].low not in g.get("coordinators", ()):
            left = n
            break
        if boundary(n):
            left = n + 1
            break
    right = len(words) - 1
    for n in range(at + 1, len(words)):
        if boundary(n) or words[n].low in g.get("subordinators", ()) and words[n].upos == "CCONJ" and \
                words[n].low not in g.get("coordinators", ()):
            right = n - 1
            break
    return left, max(left, right)


def _previous_verb(words: list[Word], left: int) -> Word | None:
    """The finite verb of the clause before this one ("weigerte sich, ... zu schicken")."""
    for x in reversed(words[:left]):
        if x.upos == "VERB" and "Aux" not in x.feats and ("Fin" in x.feats or "Part" in x.feats):
            return x
    return None


def factuality(builder: FrameBuilder, words: list[Word], first: int,
               last: int) -> tuple[str | None, str | None, bool]:
    """Done, ongoing, planned, conditional, asked, opinion, denied or non-finite, from the verb
    form, the auxiliaries of its clause, a condition opening it and the verb that governs it."""
    assert builder.pack is not None
    g = builder.pack.grammar
    w = words[first]
    if w.upos in ("NOUN", "X") and w.lemma in builder.pack.predicates:
        return "nominal", None, False
    if w.upos != "VERB" or "Aux" in w.feats:
        return None, None, False
    left, right = segment(builder, words, first)
    auxes = [x for x in words[left:right + 1] if "Aux" in x.feats and x is not w]
    resumed = _resumed_clause(builder, words, left, g)
    if resumed is not None and "Aux" in words[resumed].feats:
        auxes.insert(0, words[resumed])  # "hat einen Mann, der ..., verurteilt": the auxiliary before the insertion
    lemmas = {x.lemma for x in auxes}
    conditional = any(x.low in g.get("conditional_forms", ()) for x in auxes)
    kinds = w.feats
    opener = words[left].low
    previous = _previous_verb(words, left)
    governor = previous.lemma if previous is not None else None
    if _zu_infinitive(words, first, g):
        previous = _previous_verb(words, first) or previous  # "weigert ... mee te vechten" (no comma)
        governor = previous.lemma if previous is not None else None
        between = words[previous.i if previous is not None else 0:first]
        if governor in g.get("plan", ()) or any(x.low in g.get("plan", ()) for x in between):
            return "planned", governor, False  # "plant, ... zu", "erklärte sich bereit, ... zu"
        if governor in g.get("asking", ()) or governor in builder.pack.stance_classes.get("warn", frozenset()):
            return "asked", governor, False  # "forderte ... auf, ... zu", "warnte davor, ... zu kämpfen"
        if governor in g.get("denial", ()):
            return "denied", governor, False  # "bestreitet, Drohnen geliefert zu haben"
        if governor in g.get("opinion", ()):
            return "opinion", governor, False
        if governor in builder.pack.speech:
            return "done", governor, False  # "räumte ein, sich am Krieg zu beteiligen": what was admitted
        return "nonfinite", governor, False
    passive = False
    if "Part" in kinds and auxes and lemmas & (g.get("perfect", frozenset()) | g.get("passive", frozenset())):
        passive_aux = [x for x in auxes if x.lemma in g.get("passive", ())]
        passive = bool(passive_aux) and not (lemmas & g.get("perfect", frozenset()) and
                                             not any("Part" in x.feats for x in passive_aux))
        past = any("Past" in x.feats or x.lemma in g.get("perfect", ()) for x in auxes)
        future = any("Inf" in x.feats for x in passive_aux) and any(  # "wird verhängt werden"
            x.lemma in g.get("future", ()) and "Inf" not in x.feats for x in auxes)
        fact = "conditional" if conditional else "planned" if future else "done" if past or not passive else "ongoing"
        if lemmas & g.get("modals", frozenset()):
            fact = "conditional"
    elif "Inf" in kinds and auxes:
        if conditional and previous is not None and previous.lemma in builder.pack.speech and \
                not lemmas & g.get("modals", frozenset()):
            fact = "planned"  # "sagte, Kasachstan würde keine Truppen schicken": a reported future
        elif conditional or any(x.low in g.get("conditional", ()) for x in auxes):
            fact = "conditional"
        elif lemmas & (g.get("future", frozenset()) | g.get("plan", frozenset())):
            fact = "planned"
        elif lemmas & g.get("modals", frozenset()):
            fact = "conditional"
        else:
            fact = "nonfinite"
    elif "Fin" in kinds:
        fact = "done" if "Past" in kinds else "ongoing"
    else:
        return "nonfinite", None, False
    if opener in g.get("condition", ()):
        fact = "conditional"
    frames_of = {tuple(f.split()) for f in g.get("opinion_frames", ())}
    if any(v == w.lemma and any(x.low == p for x in words[first + 1:right + 1]) for v, p in frames_of):
        return "opinion", None, False  # "hält die Sanktionen für falsch": a view
    if previous is not None and (opener in g.get("complementizers", ()) or left > 0 and words[left - 1].text == ","):
        if previous.lemma in g.get("opinion", ()):
            fact = "opinion"
        elif previous.lemma in g.get("denial", ()):
            fact = "denied"
        elif previous.lemma in g.get("asking", ()) and opener in g.get("complementizers", ()):
            fact = "asked"
        elif (previous.lemma in g.get("forecast_verbs", ()) or previous.lemma in g.get("risk_negated", ())) and \
                opener in g.get("complementizers", ()) and fact in ("done", "ongoing"):
            fact = "opinion"  # "erwarten, dass ...", "nicht ausgeschlossen, dass ... schicke": a view of what may come
        else:
            governor = None
    else:
        governor = None
    return fact, governor, passive


def negated(builder: FrameBuilder, words: list[Word], at: int) -> bool:
    """A negation anywhere in the predicate's clause ("schickt keine Truppen", "erkennt ... nicht
    an", "dass ... nicht schicken werde"), but not "nicht nur"."""
    assert builder.pack is not None
    g = builder.pack.grammar
    left, right = segment(builder, words, at)
    if _negation_in(words, left, right, g):
        return True
    w = words[at]
    if "Zu" in w.feats or at > 0 and words[at - 1].low in g.get("infinitive_marker", ()) and "Inf" in w.feats:
        previous = _previous_verb(words, left)
        start = previous.i if previous is not None else 0
        if any(x.low in g.get("plan", ()) or x.lemma in g.get("plan", ()) for x in words[start:left]):
            outer = segment(builder, words, max(0, left - 2))  # "ist nicht bereit, ... zu helfen"
            return _negation_in(words, outer[0], outer[1], g)
    return False


def _negation_in(words: list[Word], left: int, right: int, g: dict[str, frozenset[str]]) -> bool:
    for n in range(left, right + 1):
        if words[n].low in g.get("negation", ()):
            nxt = words[n + 1].low if n + 1 < len(words) else ""
            if nxt not in g.get("not_negation_next", ()):
                return True
    return False


def _finite(words: list[Word], left: int, right: int, at: int) -> int:
    """The finite verb of the clause (an auxiliary, or the predicate itself)."""
    auxes = [x.i for x in words[left:right + 1] if "Aux" in x.feats and "Fin" in x.feats]
    if auxes and not ("Fin" in words[at].feats and not words[at].feats & {"Part", "Inf"}):
        return min(auxes, key=lambda i: abs(i - at))
    return at


def _free(builder: FrameBuilder, words: list[Word], m: Mention) -> bool:
    """A mention that may be a subject: not after a preposition, not the genitive of a noun that is
    no organ of the state ("die Opposition Kasachstans")."""
    assert builder.pack is not None
    g = builder.pack.grammar
    before = [w for w in words if w.end <= m.start]
    if not before:
        return True
    prev = before[-1]
    if prev.upos == "ADP":
        # "die Regierung von Kasachstan", "die Regierung in Astana": the state whose organ it is
        return prev.low in g.get("organ_prepositions", ()) and len(before) > 1 and _state_noun(before[-2].low, g)
    if prev.low in g.get("comparison", ()):
        return False  # "anders als Belarus", "wie Russland": a comparison, no subject
    if prev.upos == "DET" and len(before) > 1 and before[-2].upos == "ADP":
        return False
    if prev.upos == "NOUN" and not _state_noun(prev.low, g) and m.kind != "demonym":
        return False
    return True


def _state_noun(low: str, g: dict[str, frozenset[str]]) -> bool:
    nouns = g.get("state_nouns", frozenset())
    return low in nouns or any(low.endswith(n) and len(n) >= 4 for n in nouns) or \
        any(low[:-len(e)] in nouns for e in ("n", "en", "s", "es") if low.endswith(e))


def subject(builder: FrameBuilder, sentence: Sentence, words: list[Word], first: int, last: int,
            passive: bool) -> tuple[tuple[Mention, ...], str | None, bool]:
    """The subject mentions (a coordinated list whole), or the head noun, or "we"."""
    pack = builder.pack
    assert pack is not None
    g = pack.grammar
    left, right = segment(builder, words, first)
    resumed = _resumed_clause(builder, words, left, g)
    if resumed is not None and resumed != first:  # "Ein Gericht ... hat einen Mann, der ..., zu Haft verurteilt"
        return subject(builder, sentence, words, resumed, resumed, passive)
    lo, hi = words[left].start, words[right].end
    mentions = [m for m in builder.resolver.in_sentence(sentence) if lo <= m.start and m.end <= hi]
    w = words[first]
    if w.lemma in pack.speech and first > 0 and words[first - 1].text in (",", "»", "“", '"', "”"):
        after = [m for m in mentions if m.start >= words[last].end and m.type in
                 ("person", "government_body", "state", "organization", "media", "alliance")]
        if after:
            return (after[0],), None, False  # "..., sagte Tokajew"
        noun = next((x for x in words[last + 1:last + 3] if x.upos == "NOUN"), None)
        if noun is not None and not _state_noun(noun.low, g):
            return (), noun.low, False  # "..., warnten Analysten": no actor of the clause said
        if noun is not None:  # "..., erklärte der Regierungschef": the state the sentence is about
            free = [m for m in builder.resolver.in_sentence(sentence) if m.end <= w.start and _free(builder, words, m)
                    and builder.resolver.state_of(m)]
            return (tuple(free[:1]), None, False) if free else ((), noun.low, False)
    if "Zu" in w.feats or first > 0 and words[first - 1].low in g.get("infinitive_marker", ()) and "Inf" in w.feats:
        governor = next((x for x in reversed(words[:left]) if x.upos == "VERB"), None)
        if governor is not None and governor.i < first:  # a zu-infinitive has the subject of its governing verb
            return subject(builder, sentence, words, governor.i, governor.i, False)
    if passive:
        agents = [m for m in mentions if _after_word(words, m, g.get("agent_prepositions", frozenset()))]
        return ((agents[0],) if agents else ()), None, False
    anchor = _finite(words, left, right, first)
    # a second finite verb of the clause ("X lehnte ab und Y protestierte") starts after the first
    earlier = [x.i for x in words[left:anchor] if x.upos == "VERB" and "Fin" in x.feats and "Aux" not in x.feats]
    start = earlier[-1] + 1 if earlier else left
    for lo_i in ([start, left] if start != left else [left]):
        found = _subject_in(builder, sentence, words, lo_i, anchor, right, mentions)
        if found is not None:
            return found
    if left > 0 and (words[left - 1].text == "," or words[left - 1].low in g.get("coordinators", ())) and \
            words[left].low not in g.get("subordinators", ()):
        free = [m for m in builder.resolver.in_sentence(sentence) if m.end <= words[anchor].start
                and _free(builder, words, m)]
        if free:
            return tuple(_coordinated(builder, sentence, words, free[0])), None, False
    return (), None, False


def _subject_in(builder: FrameBuilder, sentence: Sentence, words: list[Word], left: int, anchor: int,
                right: int, mentions: list[Mention]) -> tuple[tuple[Mention, ...], str | None, bool] | None:
    assert builder.pack is not None
    g = builder.pack.grammar
    lo = words[left].start
    verb = words[anchor]
    free = [m for m in mentions if m.start >= lo and _free(builder, words, m)]
    before = [m for m in free if m.end <= verb.start]
    noun = _head_noun(words, left, anchor, before, g)
    if noun is not None:
        return (), noun, False
    phrase = _pronoun_phrase_start(words, left, anchor, g)
    if before and phrase is not None and phrase < before[0].start and \
            (resolved := _previous_state(builder, sentence, lo if left > 0 else None)) is not None:
        return (resolved,), None, False  # "dat zijn land het Russische leger steunt": the phrase comes first
    if before:
        group = _coordinated(builder, sentence, words, before[0])
        last = before[-1]
        if last not in group and builder.doc.text[group[-1].end:last.start].strip().startswith(",") and \
                all(x.upos in ("ADV", "PART") for x in words if last.end <= x.start < verb.start):
            group = _coordinated(builder, sentence, words, last)  # "..., Kasachstan enthielt sich": its own clause
        return tuple(group), None, False
    organ = next((x for x in words[left:anchor] if x.upos == "NOUN" and _state_noun(x.low, g)
                  and not _after_preposition(words, x.i)), None)
    if organ is not None:  # "Die Regierung (in Astana) verweigerte Moskau ...": the state named before
        resolved = _previous_state(builder, sentence, lo if left > 0 else None)
        return ((resolved,) if resolved else ()), None, False
    stretch = [x for x in words[left:anchor]] + [x for x in words[anchor + 1:min(right + 1, anchor + 3)]]
    if any(x.low in g.get("pronouns_we", ()) for x in stretch):
        return (), None, True
    near = [m for m in free if m.start >= verb.end and m.start - verb.end < 40]
    pronoun_at = next((x for x in stretch if x.low in g.get("pronouns_state", ()) or
                       x.low in g.get("pronouns_person", ())), None)
    if _pronoun_phrase(words, left, anchor, g):  # "Das Land unterstützt ...": before the verb
        resolved = _previous_state(builder, sentence, lo if left > 0 else None)
        return ((resolved,) if resolved else ()), None, False
    if near and (pronoun_at is None or near[0].start < pronoun_at.start):
        return tuple(_coordinated(builder, sentence, words, near[0])), None, False
    if pronoun_at is not None or _pronoun_phrase(words, left, anchor, g):
        resolved = _previous_state(builder, sentence, lo if left > 0 else None)
        return ((resolved,) if resolved else ()), None, False
    return None


def _previous_state(builder: FrameBuilder, sentence: Sentence, before: int | None = None) -> Mention | None:
    """"Das Land", "die Regierung", "es", "er": the first state (or person of a state) named earlier
    in the sentence (a main clause's subject: "... laten weten dat het ..."), else in the latest of the
    four sentences before that names one."""
    resolver = builder.resolver
    if before is not None:
        words = builder.words(sentence)
        own = [m for m in resolver.in_sentence(sentence) if m.end <= before and resolver.state_of(m)
               and _free(builder, words, m)]
        if own:
            return own[0]
    for previous in reversed([s for s in builder.doc.sentences if s.end <= sentence.start][-4:]):
        for m in resolver.in_sentence(previous):
            if resolver.state_of(m):
                return m
    return None


def _resumed_clause(builder: FrameBuilder, words: list[Word], left: int, g: dict[str, frozenset[str]]) -> int | None:
    """The finite verb of the clause that a segment starting at ``left`` resumes after a relative
    clause ("Ein Gericht hat einen Mann, der ... gekämpft hatte, | zu Haft verurteilt"), or ``None``."""
    if left < 4 or words[left - 1].text != ",":
        return None
    for r in range(left - 3, 0, -1):
        relative = _relative_clause_after(words, r, g)
        if relative is not None and relative[1] == left:
            start = segment(builder, words, r)[0]
            return next((x.i for x in words[start:r] if x.upos == "VERB" and "Fin" in x.feats), None)
        if words[r].text in _BREAK_PUNCT:
            return None
    return None


def _relative_clause_after(words: list[Word], right: int,
                           g: dict[str, frozenset[str]]) -> tuple[int, int | None] | None:
    """A relative clause set off by a comma after the noun that ends a clause at ``right`` (", der
    für Wagner gekämpft hatte"): the index of its last word, and the first word of the main clause
    when that goes on after the closing comma ("..., zu fünf Jahren Haft"), else ``None``."""
    if right + 2 >= len(words) or words[right + 1].text != "," or words[right].upos not in ("NOUN", "PROPN", "X"):
        return None
    opener = words[right + 2] if words[right + 2].upos != "ADP" else words[min(right + 3, len(words) - 1)]
    if opener.low not in g.get("relative", ()):
        return None
    for k in range(opener.i + 1, len(words)):
        if words[k].text in _BREAK_PUNCT or words[k].text == "," and k + 1 == len(words):
            return k - 1, None
        if words[k].text == ",":
            verb = words[k - 1]
            nxt = words[k + 1]
            if verb.upos == "VERB" and "Fin" in verb.feats and nxt.upos in ("ADP", "DET", "NOUN", "ADV", "X", "PART"):
                return k - 1, k + 1
            return None
    return len(words) - 1, None


def _pronoun_phrase_start(words: list[Word], left: int, anchor: int, g: dict[str, frozenset[str]]) -> int | None:
    """Where the first phrase of ``pronouns_state`` ("sein Land", "zijn land") between ``left`` and the
    verb starts (a character offset), or ``None``."""
    for k in range(left, anchor - 1):
        if f"{words[k].low} {words[k + 1].low}" in g.get("pronouns_state", ()):
            return words[k].start
    return None


def _pronoun_phrase(words: list[Word], left: int, anchor: int, g: dict[str, frozenset[str]]) -> bool:
    """"das Land", "die Regierung" standing for the state named before."""
    text = " ".join(x.low for x in words[left:anchor])
    return any(p in text for p in g.get("pronouns_state", ()) if " " in p)


def _head_noun(words: list[Word], left: int, anchor: int, before: list[Mention],
               g: dict[str, frozenset[str]]) -> str | None:
    """A common noun heading the subject that is no organ of the state: "die Opposition
    (Kasachstans)", "eine Partei in Kasachstan", "kasachische Aktivisten" (the group the demonym names)."""
    nouns = [x for x in words[left:anchor] if x.upos == "NOUN" and not _after_preposition(words, x.i)
             and not _state_noun(x.low, g) and x.lemma not in g.get("not_subjects", ())
             and not (x.i > 0 and f"{words[x.i - 1].low} {x.low}" in g.get("pronouns_state", ()))]
    if not nouns:
        return None
    x = nouns[0]
    if not before:
        return x.low
    m = before[0]
    if x.start >= m.end and x.i > 0 and words[x.i - 1].end == m.end and m.kind == "demonym":
        return x.low
    return None


def _after_preposition(words: list[Word], i: int) -> bool:
    back = [w for w in words[max(0, i - 3):i] if w.upos not in ("X", "ADV")]
    return bool(back) and (back[-1].upos == "ADP" or back[-1].upos == "DET" and len(back) > 1 and
                           back[-2].upos == "ADP")


def _after_word(words: list[Word], m: Mention, wanted: frozenset[str]) -> bool:
    before = [w for w in words if w.end <= m.start][-2:]
    return any(w.low in wanted for w in before)


def _coordinated(builder: FrameBuilder, sentence: Sentence, words: list[Word], first: Mention) -> list[Mention]:
    """"Kasachstan, Usbekistan und Kirgisistan lehnten ab": every state of the list."""
    assert builder.pack is not None
    joins = "|".join(re.escape(j) for j in builder.pack.grammar.get("coordinators", ()))
    gap_re = re.compile(rf"\s*(,|,?\s*({joins}))\s*", re.I)
    text = builder.doc.text
    group = [first]
    later = sorted((m for m in builder.resolver.in_sentence(sentence) if m.start >= first.end), key=lambda m: m.start)
    joined = False  # after "und" the list is closed: "Moldau und Georgien, Kasachstan enthielt sich"
    for m in later:
        gap = text[group[-1].end:m.start]
        if not gap_re.fullmatch(gap) or joined and gap.strip() == ",":
            break
        joined = joined or gap.strip() != ","
        group.append(m)
    if len(group) > 1 and all(builder.resolver.state_of(m) or m.type == "alliance" for m in group):
        return group
    return [first]


def with_targets(builder: FrameBuilder, words: list[Word], frames: list[Frame]) -> list[Frame]:
    """What a German predicate is about: its whole clause but its subject (the object stands before
    the verb in a subordinate clause and before the participle or infinitive in a main one)."""
    out = []
    g0 = builder.pack.grammar if builder.pack else {}
    for f in frames:
        left, right = segment(builder, words, f.word)
        start, end = words[left].start, words[right].end
        inside = [m.end for m in f.subjects if start <= m.start < end]
        fronted = bool(f.subjects) and all(m.start >= words[f.word].end for m in f.subjects) and \
            any(w.upos in ("NOUN", "ADP") for w in words[left:f.word])
        if fronted:
            pass  # "Gegen die Resolution stimmten Belarus und Syrien": the object fronted before the verb
        elif inside:
            start = max(inside)
            named = [m for m in builder.resolver.in_sentence(f.sentence)
                     if m.type == "person" and 0 <= m.start - start <= 1 and m.end <= words[f.word].start]
            if named:  # "Die moldauische Präsidentin Maia Sandu verurteilte": the title's name is the subject's
                start = named[0].end
        if words[f.word].start <= start or not [w for w in words[left:f.word] if w.start >= start
                                                and w.upos not in ("VERB", "ADV", "PART")]:
            start = max(start, f.end)  # a verb opening what follows its subject is no part of its object
        resumed = _resumed_clause(builder, words, left, g0)
        if resumed is not None and resumed < f.word:  # "hat einen Mann, der ..., zu Haft verurteilt": its object
            start = min(start, words[resumed].end)
        relative = _relative_clause_after(words, right, g0)
        if relative is not None:  # "verurteilte zwei Männer, die für Wagner gekämpft hatten(, zu Haft)"
            end = max(end, words[relative[0]].end)
            if relative[1] is not None:
                end = max(end, words[segment(builder, words, relative[1])[1]].end)
        for c in frames:  # "lehnte es ab, Truppen zu schicken": the zu-clause it governs is its object
            if c.start > f.end and c.governor == f.lemma:
                end = max(end, words[segment(builder, words, c.word)[1]].end)
        opener = right + 2 if right + 2 < len(words) and words[right + 1].text == "," else right + 1
        if opener < len(words) and (opener == right + 2 or words[opener].low in g0.get("infinitive_openers", ())):
            # a zu-clause no frame was built for (", ... zu schicken"; Dutch "om ... te vechten")
            nxt_left, nxt_right = segment(builder, words, opener if opener == right + 2 else min(opener + 1,
                                                                                               len(words) - 1))
            if any(_zu_infinitive(words, i, g0) for i in range(nxt_left, nxt_right + 1)) and \
                    _previous_verb(words, nxt_left) is words[f.word]:
                end = max(end, words[nxt_right].end)
        g = builder.pack.grammar if builder.pack else {}
        at = right + 2 if right + 2 < len(words) and words[right + 1].text == "," else right + 1
        if at + 1 < len(words) and words[at].low in g.get("complementizers", ()):  # "(,) dass ...": its object too
            end = max(end, words[segment(builder, words, at + 1)[1]].end)
        out.append(dataclasses.replace(f, target_start=start, target_end=max(end, f.end)))
    return out
