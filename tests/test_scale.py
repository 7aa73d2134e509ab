"""The scale work: the near-duplicate index in the store, batches and faults, concurrency, the
local runner (pool, streaming, time limit, size cap, resume), and fast start-up."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.conftest import SAMPLES

from allegiance import Settings, Store, ingest
from allegiance.cli.main import cli
from allegiance.nlp.doc import Doc
from allegiance.nlp.pipeline import Pipeline, SentenceSplitter
from allegiance.runner import analyze_store
from allegiance.store.lsh import lsh_params, minhash

SPUN = {"said": "stated", "the": "a", "troops": "soldiers"}


def spun(text: str) -> str:
    """A rewrite of the kind syndication makes: a few words swapped, a line added."""
    return " ".join(SPUN.get(w, w) for w in text.split(" ")) + "\n\nRepublished with permission."


def corpus_with_copies(root: Path) -> tuple[Path, Path]:
    """Two folders: the samples' text articles in one, a spun copy of each in the other."""
    a, b = root / "a", root / "b"
    a.mkdir()
    b.mkdir()
    for p in sorted(SAMPLES.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        (a / p.name).write_text(text, encoding="utf-8")
        (b / ("copy-" + p.name)).write_text(spun(text), encoding="utf-8")
    return a, b


def partition(db: str | Path) -> set[frozenset[str]]:
    """The clusters as sets of file names (independent of which article names a cluster)."""
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT a.file_name, c.cluster_id FROM articles a JOIN clusters c ON c.article_id = a.id")
        groups: dict[str, set[str]] = {}
        for name, cluster in rows:
            groups.setdefault(cluster, set()).add(name)
    return {frozenset(g) for g in groups.values()}


def invariants(db: str | Path) -> None:
    """Every article has its cluster, an input and its LSH bands."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, key in (("clusters", "article_id"), ("article_inputs", "article_id"), ("lsh_bands", "article_id")):
            orphans = con.execute(f"SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                  f"(SELECT 1 FROM {table} t WHERE t.{key} = a.id)").fetchone()[0]
            assert orphans == 0, table


# -- MinHash and bands ---------------------------------------------------------------------------

def test_minhash_is_datasketch_affine32_bit_for_bit():
    datasketch = pytest.importorskip("datasketch")
    values = [f"word{i} and {i * 7}".encode() for i in range(10_000)]  # several blocks
    for perms in (64, 128):
        reference = datasketch.MinHash(num_perm=perms, scheme="affine32")
        reference.update_batch(values)
        assert (minhash(values, perms) == reference.hashvalues).all()


def test_lsh_bands_are_datasketch_optimal_parameters():
    lsh = pytest.importorskip("datasketch.lsh")
    for threshold in (0.3, 0.5, 0.7, 0.9):
        assert lsh_params(threshold, 128) == lsh._optimal_param(threshold, 128, 0.5, 0.5)


def test_lsh_params_table_is_what_the_integrals_give():
    from allegiance.store import lsh

    assert (0.5, 128) in lsh._PARAMS  # the default settings
    for (threshold, perms), params in lsh._PARAMS.items():
        assert params == lsh.optimal_params(threshold, perms), threshold
    assert lsh_params(0.52, 128) == lsh.optimal_params(0.52, 128)  # off the table: computed


def test_near_duplicates_found_through_the_stored_bands(tmp_path, settings):
    a, b = corpus_with_copies(tmp_path)
    with Store(settings.db) as store:
        first = ingest([str(a)], store, settings)
    with Store(settings.db) as store:  # a new process would hold no index in memory: the store does
        second = ingest([str(b)], store, settings)
    assert first.stored == second.stored + second.duplicates
    assert second.near_duplicates >= second.stored - 1
    invariants(settings.db)


def test_old_stores_get_their_bands_backfilled(tmp_path, settings):
    a, b = corpus_with_copies(tmp_path)
    with Store(settings.db) as store:
        ingest([str(a)], store, settings)
        store.db.execute("DELETE FROM lsh_bands")  # as a store from before the bands were kept
        summary = ingest([str(b)], store, settings)
    assert summary.near_duplicates >= summary.stored - 1


def test_signatures_are_stored_in_four_bytes_a_value_and_the_older_eight_byte_form_still_matches(
        tmp_path, settings):
    import numpy as np

    from allegiance.store.lsh import pack_signature, unpack_signature

    sig = minhash([b"one", b"two", b"three"], 128)
    assert len(pack_signature(sig)) == 4 * 128
    assert np.array_equal(unpack_signature(pack_signature(sig)), sig)
    old = np.asarray(sig, dtype=np.uint64).tobytes()  # the form of stores written before
    assert np.array_equal(unpack_signature(old), sig)
    a, b = corpus_with_copies(tmp_path)
    with Store(settings.db) as store:
        ingest([str(a)], store, settings)
        for key, blob in list(store.db.execute("SELECT id, minhash FROM articles")):
            assert len(blob) == 4 * settings.minhash_permutations
            store.db.execute("UPDATE articles SET minhash = ? WHERE id = ?",
                             (np.asarray(unpack_signature(blob), dtype=np.uint64).tobytes(), key))
        store.db.execute("DELETE FROM lsh_bands")  # an old store: eight-byte signatures, no bands
        summary = ingest([str(b)], store, settings)
    assert summary.near_duplicates >= summary.stored - 1


# -- batches, faults, concurrency ---------------------------------------------------------------

@pytest.mark.parametrize("batch_size,fail_at", [(1, 1), (3, 3), (3, 4), (4, 8)])
def test_crash_at_a_batch_boundary_leaves_no_article_without_its_cluster(tmp_path, monkeypatch, batch_size,
                                                                         fail_at):
    """Issue 9 item 2: the writer committed before the item was written, so every batch_size-th
    article's rows were written outside a transaction and a crash left it without a cluster."""
    a, b = corpus_with_copies(tmp_path)
    settings = Settings(db=str(tmp_path / "crash.db"), progress=False, batch_size=batch_size)
    calls = {"n": 0}
    original = Store.set_cluster

    def crashing(self, article_id, cluster_id, similarity):
        calls["n"] += 1
        if calls["n"] == fail_at:
            raise KeyboardInterrupt("killed at a batch boundary")
        return original(self, article_id, cluster_id, similarity)

    monkeypatch.setattr(Store, "set_cluster", crashing)
    with Store(settings.db) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(a), str(b)], store, settings)
    invariants(settings.db)
    with sqlite3.connect(settings.db) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == batch_size * ((fail_at - 1) // batch_size)
    monkeypatch.setattr(Store, "set_cluster", original)
    with Store(settings.db) as store:
        ingest([str(a), str(b)], store, settings)
    clean = Settings(db=str(tmp_path / "clean.db"), progress=False, batch_size=batch_size)
    with Store(clean.db) as store:
        ingest([str(a), str(b)], store, clean)
    invariants(settings.db)
    assert partition(settings.db) == partition(clean.db)


def test_two_concurrent_ingests_give_the_clusters_of_one_after_the_other(tmp_path):
    """Issue 9 item 3: each process built its index once at start, so two ingests into one
    database never saw each other's stories. Two real processes, interleaved batch by batch."""
    a, b = corpus_with_copies(tmp_path)
    one_by_one = tmp_path / "sequential.db"
    for folder in (a, b):
        CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(one_by_one), "--set", "progress=false"])
    together = tmp_path / "concurrent.db"
    with Store(together):
        pass  # migrated once, so that neither process races the other to create the schema
    argv = [sys.executable, "-c", "from allegiance.cli.main import cli; cli()", "ingest", "--db", str(together),
            "--set", "progress=false", "--set", "batch_size=1"]
    procs = [subprocess.Popen(argv + [str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for folder in (a, b)]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    invariants(together)
    assert partition(together) == partition(one_by_one)
    assert len(partition(together)) < len(list(a.iterdir())) + len(list(b.iterdir()))


def test_inputs_are_read_and_fetched_outside_the_write_transaction(settings, monkeypatch):
    """Issue 9 item 3: a writer waiting on slow fetches held the write lock. Every input is now
    read (and fetched) and prepared with no transaction open."""
    from allegiance.ingest import pipeline, sources

    original_inputs, original_prepare = sources.iter_inputs, pipeline.prepare
    seen: list[bool] = []
    with Store(settings.db) as store:
        def watched_inputs(targets, s, stdin=None):
            for item in original_inputs(targets, s, stdin=stdin):
                seen.append(store.db.in_transaction)
                yield item

        def watched_prepare(raw, s):
            seen.append(store.db.in_transaction)
            return original_prepare(raw, s)

        monkeypatch.setattr(sources, "iter_inputs", watched_inputs)
        monkeypatch.setattr(pipeline, "prepare", watched_prepare)
        summary = ingest([str(SAMPLES)], store, settings.replace(batch_size=3))
    assert summary.stored == 17 and len(seen) == 34 and not any(seen)


def test_a_locked_database_is_a_store_error_not_a_traceback(tmp_path):
    db = tmp_path / "locked.db"
    with Store(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(db), "--set", "progress=false",
                                          "--set", "busy_timeout=0.2"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert "[store_error]" in result.output and "another process held the database" in result.output
    assert "Traceback" not in result.output


def test_an_unexpected_error_in_one_input_is_its_rejection(tmp_path, settings, monkeypatch):
    from allegiance.ingest import reader

    original = reader.read_article

    def flaky(raw, s):
        if "kgz" in raw.origin:
            raise RuntimeError("a library bug")
        return original(raw, s)

    monkeypatch.setattr(reader, "read_article", flaky)
    with Store(settings.db) as store:
        summary = ingest([str(SAMPLES)], store, settings)
        codes = {r["origin"]: (r["code"], r["message"]) for r in store.rejections()}
    assert summary.stored == 16
    (origin, (code, message)), = ((o, c) for o, c in codes.items() if "kgz" in o)
    assert code == "internal_error" and "RuntimeError: a library bug" in message


def test_an_error_inside_the_input_reader_stops_only_that_target(tmp_path, settings, monkeypatch):
    from allegiance.ingest import sources

    original = sources.iter_inputs

    def broken(targets, s, stdin=None):
        if targets == ["broken-target"]:
            raise ValueError("Invalid IPv6 URL")
        return original(targets, s, stdin=stdin)

    monkeypatch.setattr(sources, "iter_inputs", broken)
    with Store(settings.db) as store:
        summary = ingest(["broken-target", str(SAMPLES)], store, settings)
        rejected = {r["origin"]: r["code"] for r in store.rejections()}
    assert rejected["broken-target"] == "internal_error"
    assert summary.stored == 17


# -- the local runner ---------------------------------------------------------------------------

class Sleepy:
    """A component that hangs on articles holding a marker word."""

    name = "sleepy"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> Doc:
        if "Tokayev" in doc.text:
            time.sleep(30)
        return doc


def _analyses(db: str) -> dict[str, tuple]:
    with sqlite3.connect(db) as con:
        return {r[0]: r[1:] for r in con.execute("SELECT article_id, error, analysed_chars FROM analyses")}


def _layers(db: str) -> tuple[list, list]:
    with sqlite3.connect(db) as con:
        mentions = sorted(con.execute("SELECT article_id, start, end, entity_id, kind FROM mentions"))
        statements = sorted(con.execute(
            "SELECT article_id, kind, start, end, subject, predicate, object, issue, polarity, modality, speaker, "
            "time, value, cue FROM statements"), key=repr)
    return mentions, statements


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_past_the_time_limit_is_recorded_as_failed_and_the_run_goes_on(settings, workers):
    settings = settings.replace(analysis_time_limit=0.5)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        started = time.monotonic()
        summary = analyze_store(store, Pipeline([SentenceSplitter(), Sleepy()], version="t@1"), settings=settings,
                                workers=workers)
        assert time.monotonic() - started < 25
    rows = _analyses(settings.db)
    failed = {k: v for k, v in rows.items() if v[0]}
    assert summary.failed == len(failed) >= 1 and summary.analysed == 17 - len(failed)
    assert all("time limit" in v[0] for v in failed.values())


class Fatal:
    """A component that kills its worker process on one article (as the out-of-memory killer
    would); in the main process it does nothing."""

    name = "fatal"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ()
    parent = os.getpid()
    victim = ""

    def __call__(self, doc: Doc) -> Doc:
        if doc.id == self.victim and os.getpid() != self.parent:
            os._exit(1)
        time.sleep(0.05)  # the others take a while: the chunks before the victim's are still running
        return doc


def test_a_worker_that_dies_fails_only_the_chunks_that_kill_it(tmp_path):
    from allegiance.runner.local import CHUNK, _chunks

    a, b = corpus_with_copies(tmp_path)
    settings = Settings(db=str(tmp_path / "fatal.db"), progress=False)
    with Store(settings.db) as store:
        ingest([str(a), str(b)], store, settings)
        ids = [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid")]
        runs = list(_chunks(ids, CHUNK, 2))  # the chunks the runner hands to its two workers
        fatal = Fatal()
        fatal.victim = runs[1][0]  # first of the second chunk, while the first (waited on first) still runs
        order = [(key, key == fatal.victim) for key in ids]
        summary = analyze_store(store, Pipeline([SentenceSplitter(), fatal], version="t@1"), settings=settings,
                                workers=2)
    marked = dict(order)
    chunks = [[(key, marked[key]) for key in run] for run in runs]
    expected = {key for chunk in chunks if any(marked for _k, marked in chunk) for key, _m in chunk}
    failed = {k: v[0] for k, v in _analyses(settings.db).items() if v[0]}
    assert set(failed) == expected and 0 < len(expected) < len(order)
    assert summary.failed == len(expected) and summary.analysed == len(order) - len(expected)
    assert all("died" in why for why in failed.values())


def test_a_text_over_the_size_cap_is_analysed_in_part_and_the_cut_recorded(settings):
    settings = settings.replace(max_analysed_chars=400)
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        summary = analyze_store(store, settings=settings, workers=1)
        long = {r["id"]: r["chars"] for r in store.db.execute("SELECT id, chars FROM articles WHERE chars > 400")}
        latest = max(r[0] for r in store.db.execute("SELECT end FROM statements"))
    cuts = {k: v[1] for k, v in _analyses(settings.db).items() if v[1] is not None}
    assert summary.cut == len(long) == len(cuts) > 0
    assert all(360 <= cut <= 400 for cut in cuts.values()) and latest <= 400


def test_the_pool_gives_the_answers_of_the_sequential_path(tmp_path):
    results = []
    for workers in (1, 2):
        settings = Settings(db=str(tmp_path / f"w{workers}.db"), progress=False, batch_size=5)
        with Store(settings.db) as store:
            ingest([str(SAMPLES)], store, settings)
            analyze_store(store, settings=settings, workers=workers)
        results.append(_layers(settings.db))
    assert results[0] == results[1] and results[0][1]


def test_a_killed_analysis_resumes_where_it_stopped(tmp_path):
    settings = Settings(db=str(tmp_path / "resume.db"), progress=False, batch_size=4)
    seen: list[str] = []

    def kill_after_ten(article_id: str) -> None:
        seen.append(article_id)
        if len(seen) == 10:
            raise KeyboardInterrupt

    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        with pytest.raises(KeyboardInterrupt):
            analyze_store(store, settings=settings, workers=2, on_article=kill_after_ten)
        done = store.count("analyses")
        assert 8 <= done < 17  # committed batches kept; the open batch was rolled back
        summary = analyze_store(store, settings=settings, workers=2)
        assert summary.analysed == 17 - done
    clean = Settings(db=str(tmp_path / "clean.db"), progress=False)
    with Store(clean.db) as store:
        ingest([str(SAMPLES)], store, clean)
        analyze_store(store, settings=clean, workers=1)
    assert _layers(settings.db) == _layers(clean.db)


def test_pending_articles_are_read_a_page_at_a_time(settings):
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        pages = []
        original = store.db

        class Counting:
            def __getattr__(self, name):
                return getattr(original, name)

            def execute(self, sql, *args):
                if "LIMIT" in sql:
                    pages.append(args)
                return original.execute(sql, *args)

        store.db = Counting()  # type: ignore[assignment]
        rows = list(store.iter_unanalysed("v", page=5))
        store.db = original
        in_order = [r[0] for r in original.execute("SELECT id FROM articles ORDER BY rowid")]
    assert [r["id"] for r in rows] == in_order and len(rows) == 17
    assert len(pages) == 4  # 5 + 5 + 5 + 2 rows


def test_replacing_an_analysis_finds_targets_by_an_index():
    """The issue-11 profile: the delete of an article's statement targets scanned the whole table."""
    with sqlite3.connect(":memory:") as con:
        from allegiance.store.migrations import migrate

        con.isolation_level = None
        migrate(con)
        plan = " ".join(r[3] for r in con.execute(
            "EXPLAIN QUERY PLAN DELETE FROM statement_targets WHERE statement_id IN (SELECT id FROM statements "
            "WHERE article_id = 'x')"))
    assert "statement_targets_statement" in plan


def test_the_command_starts_without_the_heavy_modules():
    code = ("import sys; from allegiance.cli.main import cli\n"
            "heavy = {'trafilatura', 'httpx', 'rich', 'numpy', 'scipy', 'datasketch', 'pyarrow', 'pymorphy3',"
            " 'feedparser', 'warcio', 'dask'}\n"
            "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def long_text(chars: int) -> str:
    """Team-written sentences, numbered, to any length."""
    lines, i = [], 0
    while sum(map(len, lines)) < chars:
        lines.append(f"Kazakhstan's foreign ministry said on day {i} that it would not send troops to Ukraine. "
                     f"Belarus hosted exercise number {i} near the border, the defence ministry said.")
        i += 1
    return "\n".join(lines)


def test_pending_texts_are_read_only_as_far_as_the_cap(settings):
    with Store(settings.db) as store:
        (Path(settings.db).parent / "long.txt").write_text(long_text(50_000), encoding="utf-8")
        ingest([str(Path(settings.db).parent / "long.txt")], store, settings)
        (row,) = list(store.iter_unanalysed("v", max_chars=1000))
    assert len(row["text"]) == 1000 and row["chars"] > 50_000


def test_a_long_text_is_analysed_in_part_and_saved_not_lost(tmp_path):
    """Issue 9 item 11: a 50 MB text analysed for 1,700 s at 2.8 GB and saved nothing. Now the
    analysis reads max_analysed_chars of it, records the cut and saves the result."""
    import os

    path = tmp_path / "long.txt"
    path.write_text(long_text(1_000_000), encoding="utf-8")
    db = tmp_path / "long.db"
    proc = subprocess.Popen([sys.executable, "-c", "from allegiance.cli.main import cli; cli()", "run", str(path),
                             "--db", str(db), "--no-report", "--set", "progress=false", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, proc.stderr.read().decode() if proc.stderr else ""
    with sqlite3.connect(db) as con:
        (error, analysed), = con.execute("SELECT error, analysed_chars FROM analyses")
        statements = con.execute("SELECT count(*), max(end) FROM statements").fetchone()
    assert error is None and 270_000 <= analysed <= 300_000
    assert statements[0] > 0 and statements[1] <= analysed
    assert usage.ru_maxrss < 1_500_000  # KiB: well under the 2.8 GB seen


# -- query speed ------------------------------------------------------------------------------------

def test_an_article_is_found_by_its_export_id_through_an_index(settings):
    with Store(settings.db) as store:
        ingest([str(SAMPLES)], store, settings)
        plan = " ".join(r[3] for r in store.db.execute(
            "EXPLAIN QUERY PLAN " + store._ARTICLES_SQL + " WHERE a.id = ? OR a.file_name = ?", ("x", "y")))
        assert "articles_file_name" in plan and "SCAN a" not in plan
        name, key = store.db.execute("SELECT file_name, id FROM articles ORDER BY rowid DESC LIMIT 1").fetchone()
        assert name and store.article(name)["id"] == key


@pytest.mark.parametrize("text", ["plain words", "Kyiv – “quoted”", "two  spaces", " leading", "trailing ",
                                  "tab\there", "line\nbreak", "no\u00a0break", "\u202ereversed", "esc\x1b[2Jclear",
                                  "c1\x9bcontrol", "bom\ufeff", "", "lone \ud800 surrogate", "مرحبا", "ok\u2028sep"])
def test_the_reports_fast_path_for_printable_text_changes_nothing(text):
    from allegiance.query.report import _UNSAFE, terminal_safe
    from allegiance.sanitize import strip_controls

    assert terminal_safe(text) == " ".join(_UNSAFE.sub(" ", strip_controls(text)).split())


def _children(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid`` (Linux /proc)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_regression_workers_of_a_run_killed_outright_exit_instead_of_waiting_for_ever(tmp_path):
    import signal as sig

    folder = tmp_path / "in"
    folder.mkdir()
    body = (SAMPLES / "2022-02-kaz-troops.txt").read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"a{i:04}.txt").write_text(f"Story {i}.\n" + body * 3, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", "from allegiance.cli.main import main; main()", "run", str(folder),
                             "--db", str(tmp_path / "k.db"), "--no-report", "--set", "progress=false",
                             "--set", "workers=2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the run started no pool"
    proc.send_signal(sig.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind when the test fails
        os.kill(w, sig.SIGKILL)
    assert not left, "pool workers outlived the killed run"


def test_the_runner_warms_the_languages_and_scripts_left_to_analyse(tmp_path):
    """Before forking, the runner builds what the pending articles need: their languages' words,
    and the Cyrillic lemma keys only when some text has a Cyrillic letter (an English-only run never
    loads the pymorphy3 dictionaries for them)."""
    from allegiance.runner.local import warm_for_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kazakhstan's foreign minister met his Russian counterpart in Astana on Monday "
                                  "to discuss the war in Ukraine and the sanctions against Moscow.", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "w.db"), progress=False)
    calls: list[tuple[tuple[str, ...], bool]] = []

    class Recorder(Pipeline):
        def warm(self, languages=(), cyrillic=False):
            calls.append((languages, cyrillic))

    pipeline = Recorder([SentenceSplitter()], version="t@1")
    with Store(settings.db) as store:
        ingest([str(folder)], store, settings)
        assert store.unanalysed_languages("t@1") == [("en", False)]
        warm_for_store(store, pipeline)
        (folder / "b.txt").write_text("The foreign ministry in Kyiv said on Tuesday that the statement, which the "
                                      "Russian defence ministry had posted with the headline «Заявление», was a "
                                      "provocation, and it asked its partners in the European Union and in the "
                                      "United States to answer it with more sanctions against the Kremlin.",
                                      encoding="utf-8")
        (folder / "c.txt").write_text("Министр иностранных дел Казахстана встретился в Астане с российским коллегой, "
                                      "чтобы обсудить войну в Украине и санкции против Москвы.", encoding="utf-8")
        ingest([str(folder)], store, settings)
        assert sorted(store.unanalysed_languages("t@1")) == [("en", True), ("ru", True)]
        warm_for_store(store, pipeline)
        analyze_store(store, pipeline, settings=settings, workers=1)
        assert store.unanalysed_languages("t@1") == []
    assert calls == [(("en",), False), (("en", "ru"), True), (("en", "ru"), True)]
