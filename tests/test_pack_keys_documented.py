"""Every pack key is documented (issue 8): each key of a bundled pack file, and each key the code
reads from a pack, is named in ``docs/packs.md`` (in backticks, or as ``key =`` in a TOML example).

The keys the code reads are found in its syntax: ``pack.has("key", word)``, a string right after
``pack`` in a call (``about.has(pack, "key")``, ``_either(pack, "key")``),
``pack.grammar.get("key")`` (and ``.ordered``, ``.targets``, ``.stance_classes``), ``g.get("key")`` on
a name bound to ``pack.grammar``, and ``.get("key")`` or ``["key"]`` on what ``language_data``,
``pack_data``, ``every_language_data`` or ``load_toml`` returned.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import allegiance
from allegiance.kb.packs import bundled_pack_dir

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(allegiance.__file__).parent
#: files whose top level is keyed by names (name groups, roles, topics, genres, PLOVER types), not by
#: keys the code reads one by one
_BY_NAME = frozenset({"given_names.toml", "roles.toml", "topics.toml", "genre.toml", "event_types.toml"})
#: tables whose own keys are keys the code reads (other tables map words or names to values)
_TABLES = {"stance_predicates.toml": ("classes",),
           "morphology.toml": ("determiners", "subordinators", "auxiliaries", "pronouns"),
           "event_predicates_team.toml": ("directives", "adoption"), "organizations.toml": ("courts",)}
#: keys the code derives for itself, in no pack file (``frames_de`` adds the lemmas of ``strong``)
_DERIVED = frozenset({"strong_lemmas"})
_PACK_ATTRS = frozenset({"grammar", "ordered", "targets", "stance_classes"})
_LOADERS = frozenset({"language_data", "pack_data", "every_language_data", "load_toml"})


def documented(text: str) -> set[str]:
    """The identifiers named in backticks, and the keys of the TOML examples' lines."""
    names: set[str] = set()
    prose = []
    for n, part in enumerate(text.split("```")):
        if n % 2:  # a fenced block
            names |= set(re.findall(r"(?m)^\[*([A-Za-z_][\w.]*)\]*\s*=?", part))
        else:
            prose.append(part)
    for span in re.findall(r"`([^`\n]+)`", "\n".join(prose)):
        names |= set(re.findall(r"[A-Za-z_][\w]*", span))
    return names


def pack_file_keys(root: Path) -> dict[str, set[str]]:
    """key -> the files (relative to the pack) that have it."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.toml")):
        rel = path.relative_to(root)
        if rel.parts[0] == "issues" or path.name in _BY_NAME:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        keys = set(data)
        for table in _TABLES.get(path.name, ()):
            keys |= set(data.get(table, {}))
        for key in keys:
            found.setdefault(key, set()).add(str(rel))
    return found


def _const(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        f = node.func
        return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None
    return None


def keys_read(source: str) -> set[str]:
    """The pack keys one module reads (see the module docstring for the forms recognised)."""
    found: set[str] = set()
    tree = ast.parse(source)
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        data: set[str] = set()  # names bound to a loader's result or to a pack's grammar
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign) and (
                    _call_name(node.value) in _LOADERS
                    or isinstance(node.value, ast.Attribute) and node.value.attr == "grammar"):
                data |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(scope):
            key = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
                receiver, method = node.func.value, node.func.attr
                if method == "has" and not (isinstance(node.args[0], ast.Name) and node.args[0].id == "pack"):
                    key = _const(node.args[0])
                elif method == "get" and (
                        isinstance(receiver, ast.Attribute) and receiver.attr in _PACK_ATTRS
                        or isinstance(receiver, ast.Name) and receiver.id in data
                        or _call_name(receiver) in _LOADERS):
                    key = _const(node.args[0])
            if isinstance(node, ast.Call):  # f(pack, "key")
                for before, arg in zip(node.args, node.args[1:], strict=False):
                    if isinstance(before, ast.Name) and before.id == "pack" and _const(arg):
                        key = _const(arg)
            if isinstance(node, ast.Subscript) and (
                    isinstance(node.value, ast.Attribute) and node.value.attr in _PACK_ATTRS
                    or isinstance(node.value, ast.Name) and node.value.id in data):
                key = _const(node.slice)
            if key and "." not in key:  # not a file name looked up in a table of files
                found.add(key)
    return found


def test_the_sweep_finds_the_keys_a_module_reads() -> None:
    module = '''
def rule(pack, about, code):
    g = pack.grammar
    data = language_data("morphology", code)
    return (pack.has("likening", "like") and about.has(pack, "war") and g.get("future") and _either(pack, "former")
            and pack.ordered["noun_endings"] and data.get("analyzer") and pack_data("chrome.toml").get("labels"))
'''
    assert keys_read(module) == {"likening", "war", "future", "former", "noun_endings", "analyzer", "labels"}
    assert {"likening", "vote_side_prepositions", "agent_joiners", "upos", "analyzer"} <= set().union(
        *(keys_read(p.read_text(encoding="utf-8")) for p in SRC.rglob("*.py")))


def test_every_key_of_the_bundled_pack_files_is_documented() -> None:
    named = documented((ROOT / "docs" / "packs.md").read_text(encoding="utf-8"))
    missing = {key: sorted(files)[:3] for key, files in pack_file_keys(bundled_pack_dir()).items()
               if key not in named}
    assert not missing, f"document these pack keys in docs/packs.md: {sorted(missing.items())}"


def test_every_key_the_code_reads_is_documented() -> None:
    named = documented((ROOT / "docs" / "packs.md").read_text(encoding="utf-8"))
    missing = sorted({f"{key} ({path.relative_to(SRC)})" for path in SRC.rglob("*.py")
                      for key in keys_read(path.read_text(encoding="utf-8"))
                      if key not in named and key not in _DERIVED})
    assert not missing, f"document these pack keys in docs/packs.md: {missing}"
