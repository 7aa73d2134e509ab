"""Derive the English event-predicate lexicon (lemma -> PLOVER type) from general sources.

Sources (in ../shared/datasets):
* ``petrarch2-dictionaries/CAMEO.2.0.txt``: PETRARCH2's CAMEO verb dictionary (MIT licence,
  Copyright 2015 Open Event Data Alliance): verb blocks ``--- NAME [code] ---`` listing verb
  lemmas (irregular forms in braces) and phrase patterns ``- * OBJECT [code]``.
* ``plover-gsr/CAMEO2PLOVER-2021.txt``: the CAMEO-to-PLOVER table (PLOVER manual draft 0.8).

How: each CAMEO code is mapped to PLOVER through the table (the longest listed prefix of the
code); CAMEO 01 (make a public statement) becomes ``SAY``, the speech-act type, and 02 (appeal)
``REQUEST``. A verb takes its block's code; a block without one takes the code most of its
patterns share (at least a third of them, and two or more), or a clear plurality (a quarter of
them, five or more, and twice the next type: SEND's patterns are AID 20, AGREE 9, MOBILIZE 7 of 61).
A pattern whose first word after the
verb is a plain word (a noun, not a preposition or particle) gives a (verb, word) refinement when
its type differs from the verb's own ("add sanctions" -> COERCE). Multi-word verbs
(``TAKE_CONTROL``) are kept as phrases.

What is dropped (``--dropped`` lists it): light verbs, and the verbs of blocks without a code whose
patterns share no type clearly (CONFIRM: SAY 5, SUPPORT 4, ACCUSE 4 of 25; CANCEL: SANCTION 24,
COERCE 24). ``event_predicates_team.toml`` gives the sense news about states uses for the ones that
matter (confirm, reaffirm, dispatch, stop, suspend ...).

Usage: python scripts/build_event_lexicon.py [--out src/allegiance/packs/core/lang/en/event_predicates.toml] [--dropped]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
CAMEO = DATA / "petrarch2-dictionaries" / "CAMEO.2.0.txt"
MAPPING = DATA / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
OUT = ROOT / "src" / "allegiance" / "packs" / "core" / "lang" / "en" / "event_predicates.toml"

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
_WORD = re.compile(r"^[A-Z][A-Z'-]*$")
#: CAMEO roots the 2021 table leaves out: public statements are speech acts, appeals requests.
_EXTRA_ROOTS = {"01": "SAY", "02": "REQUEST"}
#: Verbs that are auxiliaries or light verbs in English: never an event by themselves.
_LIGHT = {"be", "have", "do", "get", "make", "take", "go", "come", "give", "put", "set", "keep", "let", "become",
          "will", "would", "shall", "should", "can", "could", "may", "might", "must", "seem", "appear", "look",
          "act"}


#: Words after a verb that are no object (prepositions, particles, pronouns): no refinement by them.
_FUNCTION = {"about", "above", "across", "after", "against", "along", "alongside", "among", "around", "away",
             "back", "before", "behind", "between", "by", "down", "for", "from", "her", "him", "his", "into", "its",
             "not", "off", "onto", "out", "outside", "over", "that", "the", "their", "them", "they", "this",
             "through", "toward", "towards", "under", "until", "upon", "with", "within", "without"}


def load_mapping(path: Path = MAPPING) -> dict[str, str]:
    table: dict[str, str] = dict(_EXTRA_ROOTS)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover(code: str, table: dict[str, str]) -> str | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _verb_entries(line: str) -> list[tuple[str, list[str]]]:
    """``HURRY {HURRIES HURRYING HURRIED }`` -> [("hurry", ["hurries", ...])]; comments dropped."""
    line = line.split("#")[0].strip()
    if not line or line.startswith(("+", "&", "-")):
        return []
    forms: list[str] = []
    brace = re.search(r"\{([^}]*)\}", line)
    if brace:
        forms = [f.casefold().replace("_", " ") for f in brace.group(1).split()]
        line = line[:brace.start()].strip()
    lemma = line.split()[0] if line.split() else ""
    if not re.fullmatch(r"[A-Z][A-Z_'-]*", lemma):
        return []
    return [(lemma.casefold().replace("_", " "), forms)]


def parse_dictionary(path: Path = CAMEO) -> list[dict[str, object]]:
    blocks: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        header = _HEADER.match(raw)
        if header:
            current = {"name": header.group(1), "code": header.group(2), "verbs": [], "patterns": []}
            blocks.append(current)
            continue
        if current is None:
            continue
        pattern = _PATTERN.match(raw)
        if pattern:
            current["patterns"].append((pattern.group(1).split(), pattern.group(2)))  # type: ignore[attr-defined]
            continue
        current["verbs"].extend(_verb_entries(raw))  # type: ignore[attr-defined]
    return blocks


#: the fewest patterns that make a plurality: a block of a few disagreeing patterns says nothing
_PLURALITY = 5


def _shared_type(patterns: list[tuple[list[str], str]], table: dict[str, str]) -> str | None:
    """The type the patterns of a block without a code share: a third of them (two at least), or a
    quarter and twice the next type (five at least)."""
    counts = Counter(t for t in (plover(c, table) for _, c in patterns) if t).most_common(2)
    if not counts or counts[0][1] < 2:
        return None
    top, n = counts[0]
    second = counts[1][1] if len(counts) > 1 else 0
    if n * 3 >= len(patterns) or n * 4 >= len(patterns) and n >= 2 * second and n >= _PLURALITY:
        return top
    return None


def dropped(blocks: list[dict[str, object]], verbs: dict[str, str]) -> list[tuple[str, str]]:
    """(verb, block) for each CAMEO verb the lexicon leaves out."""
    out = []
    for block in blocks:
        for lemma, _forms in block["verbs"]:  # type: ignore[attr-defined]
            if lemma not in verbs:
                out.append((lemma, str(block["name"])))
    return sorted(set(out))


def build(blocks: list[dict[str, object]], table: dict[str, str]) -> tuple[dict[str, str], dict[str, dict[str, str]],
                                                                          dict[str, str]]:
    verbs: dict[str, str] = {}
    objects: dict[str, dict[str, str]] = {}
    forms: dict[str, str] = {}
    for block in blocks:
        patterns: list[tuple[list[str], str]] = block["patterns"]  # type: ignore[assignment]
        default = plover(str(block["code"]), table)
        if default is None and len(patterns) >= 2:
            default = _shared_type(patterns, table)
        for lemma, irregular in block["verbs"]:  # type: ignore[attr-defined]
            for form in irregular:  # inflections are kept for light verbs too ("took part", "gave arms")
                forms.setdefault(form, lemma)
            if lemma in _LIGHT:
                continue
            if default and lemma not in verbs:
                verbs[lemma] = default
            for words, code in patterns:
                kind = plover(code, table)
                if not kind or "*" not in words:
                    continue
                after = words[words.index("*") + 1:]
                if after and _WORD.match(after[0]) and after[0].casefold() not in _FUNCTION and len(after[0]) > 2 \
                        and not after[0].endswith("LY"):
                    objects.setdefault(lemma, {}).setdefault(after[0].casefold(), kind)
    # a (verb, word) refinement only where the word's first pattern gives another type than the verb's
    objects = {lemma: kept for lemma, found in objects.items()
               if (kept := {w: k for w, k in found.items() if k != verbs.get(lemma)})}
    return verbs, objects, forms


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(verbs: dict[str, str], objects: dict[str, dict[str, str]], forms: dict[str, str]) -> str:
    lines = [
        "# English event predicates: verb lemma -> PLOVER type. GENERATED by scripts/build_event_lexicon.py",
        "# from PETRARCH2's CAMEO verb dictionary (../shared/datasets/petrarch2-dictionaries/CAMEO.2.0.txt,",
        "# MIT licence, Copyright 2015 Open Event Data Alliance) and the CAMEO-to-PLOVER table",
        "# (../shared/datasets/plover-gsr/CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8). SAY is the",
        "# speech-act type (CAMEO 01). Do not edit by hand: rerun the script; add to it in another pack.",
        "",
        "[verbs]",
    ]
    lines += [f"{_q(k)} = {_q(v)}" for k, v in sorted(verbs.items())]
    lines += ["", "# (verb, first word after it) -> type, where the pattern's type differs from the verb's",
              "[objects]"]
    lines += [f"{_q(k)} = {{ " + ", ".join(f"{_q(w)} = {_q(t)}" for w, t in sorted(v.items())) + " }"
              for k, v in sorted(objects.items())]
    lines += ["", "# irregular forms -> lemma", "[forms]"]
    lines += [f"{_q(k)} = {_q(v)}" for k, v in sorted(forms.items())]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dropped", action="store_true", help="list the CAMEO verbs left out, and stop")
    args = parser.parse_args()
    blocks = parse_dictionary()
    verbs, objects, forms = build(blocks, load_mapping())
    if args.dropped:
        for lemma, block in dropped(blocks, verbs):
            print(f"{lemma}\t{block}")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(verbs, objects, forms), encoding="utf-8")
    print(f"{args.out}: {len(verbs)} verbs, {len(objects)} verbs with object refinements, {len(forms)} forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
