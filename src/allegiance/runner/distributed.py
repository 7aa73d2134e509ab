"""The distributed runner on Dask: the same map as the local runner over partitions of inputs,
results as Parquet, near duplicates clustered as a distributed step.

Steps (``docs/scale.md`` has the commands and the reasons for Dask):

1. The client lists the inputs (folders walked in the order ``ingest`` walks them) and cuts
   them into partitions; each input gets an order key (partition, position), the order a local
   ingest would store them in.
2. The map, on the workers: read each input with the project's readers (files, JSON Lines,
   WARC, feeds; Parquet files of articles too), :func:`~allegiance.ingest.prepare` it (decode,
   extract, clean, language, id, MinHash), :func:`~allegiance.runner.work.analyze` it, and write
   the partition's ``articles``, ``mentions``, ``statements``, ``analyses`` and ``rejections`` as
   one Parquet file each (``DIR/<table>/part-NNNNN.parquet``: a dataset DuckDB, Spark and Dask
   read as it is). The signatures stay on the workers.
3. Near duplicates: each signature's LSH bands are grouped by (band, hash) in a shuffle; each
   group of two or more gives candidate pairs; pairs are verified against the signatures (a
   merge) and kept at or above the threshold. Only the verified pairs reach the client, which
   gives each article the cluster of its best earlier match, as ingest does one by one.
4. ``load_parquet`` brings a results folder into a local store for the views and the report.

Needs the ``distributed`` extra (``dask[distributed]``, ``pyarrow``).
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import AllegianceError, InputError
from ..ingest.hints import hints_from_record, record_id
from ..records import RawInput, Rejection
from ..settings import Settings

__all__ = ["load_parquet", "run_distributed", "require_dask", "list_inputs"]

log = logging.getLogger(__name__)

FILES_PER_PARTITION = 32
TABLES = ("articles", "mentions", "statements", "analyses", "rejections", "clusters")


def require_dask() -> None:
    """Fail with a clear message when the ``distributed`` extra is not installed."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise AllegianceError(f"the Dask engine needs the 'distributed' extra ({exc.name} is missing): "
                              "pip install 'allegiance[distributed]'", code="missing_extra") from exc


#: files that are a partition of their own: each holds many articles
_WHOLE_FILE_PARTITIONS = (".jsonl", ".ndjson", ".json", ".warc", ".gz", ".zip", ".tar", ".tgz", ".parquet")


def _walk(folder: Path) -> Iterator[Path]:
    """The files of a folder in the order ingest reads them (sorted, hidden ones skipped)."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def list_inputs(targets: list[str], per_partition: int = FILES_PER_PARTITION) -> list[list[str]]:
    """Partitions of inputs: folders walked into files; a large container (JSON Lines, WARC,
    Parquet, a compressed file or an archive) is a partition of its own; anything else (files,
    URLs) in groups."""
    partitions: list[list[str]] = []
    group: list[str] = []
    for target in targets:
        paths = [str(p) for p in _walk(Path(target))] if Path(target).is_dir() else [target]
        for path in paths:
            if path.lower().endswith(_WHOLE_FILE_PARTITIONS):
                if group:
                    partitions.append(group)
                    group = []
                partitions.append([path])
                continue
            group.append(path)
            if len(group) >= per_partition:
                partitions.append(group)
                group = []
    if group:
        partitions.append(group)
    return partitions


def _parquet_inputs(path: str) -> Iterator[RawInput | Rejection]:
    """Articles from a Parquet file with the JSON Lines fields (``text`` or ``html``, optional
    ``id``, ``url``, ``title``, ``published``, ``source``, ``author``), a row group at a time."""
    import pyarrow.parquet as pq

    origin = str(Path(path).resolve())
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a broken file
        yield Rejection(origin, "malformed", f"not a readable Parquet file: {exc}")
        return
    row = 0
    for batch in handle.iter_batches(batch_size=256):
        for record in batch.to_pylist():
            row += 1
            where = f"{origin}#row{row}"
            body, kind = (record.get("html"), "html") if record.get("html") else (record.get("text"), "text")
            if not isinstance(body, str) or not body.strip():
                yield Rejection(where, "empty", f"row {row} has no 'text' or 'html'")
                continue
            notes: list[str] = []  # a field of the wrong type is left out and said so, as in JSON Lines
            name = record_id(record, where, notes)
            hints = hints_from_record(record, where, notes)
            text = record.get("text")
            also = text.encode("utf-8") if kind == "html" and isinstance(text, str) and text.strip() else None
            yield RawInput(where, kind, body.encode("utf-8"), file_name=name,  # type: ignore[arg-type]
                           hints=hints, declared_encoding="utf-8", text_too=also)


def _inputs(target: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    if target.lower().endswith(".parquet"):
        yield from _parquet_inputs(target)
        return
    from ..ingest.sources import iter_inputs

    try:
        yield from iter_inputs([target], settings)
    except Exception as exc:  # an input-level error is that input's rejection
        log.exception("unexpected error reading %s", target)
        yield Rejection(target, "internal_error", f"{type(exc).__name__}: {exc}")


def _statement_row(article_id: str, order: int, st: Any, version: str) -> dict[str, Any]:
    row = {f.name: getattr(st, f.name) for f in dataclasses.fields(st)}
    row["topics"] = json.dumps(list(st.topics))
    return {"article_id": article_id, "order": order, **row, "pack_version": version}


def _map_partition(number: int, targets: list[str], settings: Settings, out: str) -> list[dict[str, Any]]:
    """The map over one partition: read, prepare, analyse, write the partition's Parquet files;
    return the signatures (id, order, bytes) for the clustering step."""
    from ..ingest.pipeline import Prepared, prepare
    from .work import PendingArticle, analyze

    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES if t != "clusters"}
    signatures: list[dict[str, Any]] = []
    position = 0
    for target in targets:
        for item in _inputs(target, settings):
            order = number * 1_000_000_000 + position
            position += 1
            prepared = prepare(item, settings) if isinstance(item, RawInput) else item
            if isinstance(prepared, Rejection):
                rows["rejections"].append({"order": order, **dataclasses.asdict(prepared)})
                continue
            assert isinstance(prepared, Prepared)
            a = prepared.article
            rows["articles"].append({"order": order, **{k: v for k, v in dataclasses.asdict(a).items()},
                                     "minhash": prepared.signature})
            signatures.append({"id": a.id, "order": order, "sig": prepared.signature})
            result = analyze(PendingArticle(a.id, a.text, a.language, a.published), settings)
            rows["analyses"].append({"article_id": a.id, "order": order, "pack_version": result.pack_version,
                                     "genre": result.genre, "analysed_chars": result.analysed_chars,
                                     "error": result.error})
            rows["mentions"] += [{"article_id": a.id, "order": order, **dataclasses.asdict(m)}
                                 for m in result.mentions]
            rows["statements"] += [_statement_row(a.id, order, st, result.pack_version) for st in result.statements]
    for table, data in rows.items():
        _write_part(Path(out) / table, number, table, data)
    return signatures


def _schema(table: str) -> Any:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    fields = {
        "articles": [("order", i), ("id", s), ("text", s), ("origin", s), ("kind", s), ("file_name", s),
                     ("title", s), ("author", s), ("published", s), ("site", s), ("source", s), ("language", s),
                     ("url", s), ("canonical_url", s), ("encoding", s), ("removed_lines", i),
                     ("minhash", pa.binary())],
        "mentions": [("article_id", s), ("order", i), ("start", i), ("end", i), ("text", s), ("entity_id", s),
                     ("type", s), ("kind", s), ("confidence", f), ("canonical", s)],
        "statements": [("article_id", s), ("order", i), ("kind", s), ("start", i), ("end", i), ("subject", s),
                       ("predicate", s), ("object", s), ("issue", s), ("polarity", s), ("modality", s),
                       ("speaker", s), ("time", s), ("value", f), ("unit", s), ("topics", s), ("confidence", f),
                       ("extractor", s), ("cue", s), ("pack_version", s)],
        "analyses": [("article_id", s), ("order", i), ("pack_version", s), ("genre", s), ("analysed_chars", i),
                     ("error", s)],
        "rejections": [("order", i), ("origin", s), ("code", s), ("message", s)],
        "clusters": [("article_id", s), ("cluster_id", s), ("similarity", f)],
    }[table]
    return pa.schema(fields)


def _write_part(folder: Path, number: int, table: str, data: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(data, schema=_schema(table)), folder / f"part-{number:05}.parquet")


def _band_records(sig: dict[str, Any], threshold: float) -> list[tuple[tuple[int, int], tuple[int, str]]]:
    from ..store.lsh import band_keys, unpack_signature

    return [(key, (sig["order"], sig["id"])) for key in band_keys(unpack_signature(sig["sig"]), threshold)]


def _pairs(group: tuple[Any, list[tuple[int, str]]]) -> list[tuple[str, str]]:
    """Candidate pairs (earlier, later) of one band bucket, distinct articles only."""
    members = sorted(set(group[1]))
    return [(a[1], b[1]) for i, a in enumerate(members) for b in members[i + 1:] if a[1] != b[1]]


def _join_first(group: tuple[str, list[tuple[str, Any]]]) -> list[tuple[str, tuple[str, str, str, bytes]]]:
    """Reduce side of the first join (key: the earlier article a): (b, (a, b, signature of a))."""
    sig = next((value for tag, value in group[1] if tag == "sig"), None)
    return [] if sig is None else [(b, ("pair", group[0], b, sig)) for tag, b in group[1] if tag == "pair"]


def _join_second(group: tuple[str, list[tuple[Any, ...]]], threshold: float) -> list[tuple[str, str, float]]:
    """Reduce side of the second join (key: the later article b): verified (a, b, similarity)."""
    from ..store.lsh import jaccard, unpack_signature

    sig = next((r[1] for r in group[1] if r[0] == "sig"), None)
    if sig is None:
        return []
    mine = unpack_signature(sig)  # the stored form, whichever it is (never read the bytes as such)
    out = []
    for record in group[1]:
        if record[0] == "pair":
            sim = jaccard(unpack_signature(record[3]), mine)
            if sim >= threshold:
                out.append((record[1], record[2], sim))
    return out


def _similar_pairs(sigs: Any, settings: Settings) -> list[tuple[str, str, float]]:
    """Verified near-duplicate pairs. Shuffle 1: the LSH bands grouped by (band, hash) give the
    candidate pairs. Shuffles 2 and 3: a reduce-side join of the pairs with the signatures of
    both articles, where each pair is verified. Only verified pairs come back to the client."""
    import dask.bag as db

    threshold = settings.near_duplicate_threshold
    candidates = (sigs.map(_band_records, threshold).flatten()
                  .groupby(lambda record: record[0], shuffle="tasks")
                  .map(lambda group: _pairs((group[0], [member for _key, member in group[1]])))
                  .flatten().distinct())
    by_id = sigs.map(lambda s: (s["id"], ("sig", s["sig"])))
    first = (db.concat([by_id, candidates.map(lambda p: (p[0], ("pair", p[1])))])
             .groupby(lambda r: r[0], shuffle="tasks")
             .map(lambda g: _join_first((g[0], [value for _key, value in g[1]]))).flatten())
    second = (db.concat([sigs.map(lambda s: (s["id"], ("sig", s["sig"]))), first])
              .groupby(lambda r: r[0], shuffle="tasks")
              .map(lambda g: _join_second((g[0], [value for _key, value in g[1]]), threshold)).flatten())
    return [(str(a), str(b), float(sim)) for a, b, sim in second.compute()]


def assign_clusters(orders: dict[str, int], pairs: list[tuple[str, str, float]]) -> dict[str, tuple[str, float]]:
    """Cluster of each paired article: that of its best earlier match (highest similarity, then
    the earliest), in store order, as ingest assigns them one by one."""
    best: dict[str, tuple[float, int, str]] = {}
    for a, b, sim in pairs:
        first, later = (a, b) if orders[a] < orders[b] else (b, a)
        key = (sim, -orders[first], first)
        if later not in best or key > best[later]:
            best[later] = key
    clusters: dict[str, tuple[str, float]] = {}
    for article in sorted(best, key=orders.__getitem__):
        sim, _neg, first = best[article]
        clusters[article] = (clusters.get(first, (first, 1.0))[0], sim)
    return clusters


def _client(address: str | None, workers: int | None) -> Any:
    from distributed import Client, LocalCluster

    if address:
        return Client(address)
    from .local import default_workers

    cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    return Client(cluster)


def run_distributed(targets: list[str], out: Path, settings: Settings, *, address: str | None = None,
                    workers: int | None = None, client: Any = None,
                    per_partition: int = FILES_PER_PARTITION) -> dict[str, int]:
    """Run the map over ``targets`` on a Dask cluster (``address``, an existing ``client``, or a
    local cluster of ``workers`` processes); write the Parquet results under ``out``."""
    require_dask()
    import dask.bag as db

    out.mkdir(parents=True, exist_ok=True)
    own = client is None
    client = client or _client(address, workers)
    try:
        partitions = list_inputs(targets, per_partition)
        bag = db.from_sequence(list(enumerate(partitions)), npartitions=max(1, len(partitions)))
        sigs = bag.map(lambda p: _map_partition(p[0], p[1], settings, str(out))).flatten().persist()
        orders = dict(sigs.map(lambda s: (s["id"], s["order"])).compute())
        pairs = _similar_pairs(sigs, settings)
    finally:
        if own:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    clusters = assign_clusters(orders, pairs)
    _write_part(out / "clusters", 0, "clusters",
                [{"article_id": k, "cluster_id": c, "similarity": s} for k, (c, s) in clusters.items()])
    return _counts(out)


def _counts(out: Path) -> dict[str, int]:
    import pyarrow.dataset as ds

    def rows(table: str, where: Any = None) -> int:
        return int(ds.dataset(out / table, format="parquet").count_rows(filter=where))

    return {"articles": rows("articles"), "rejections": rows("rejections"), "statements": rows("statements"),
            "failed": rows("analyses", ds.field("error").is_valid())}


def _batches(folder: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for part in sorted(folder.glob("*.parquet")):
        for batch in pq.ParquetFile(part).iter_batches(batch_size=500):
            yield from batch.to_pylist()


def load_parquet(folder: Path, settings: Settings) -> dict[str, int]:
    """Bring the Parquet results of a distributed run into the store ``settings.db``: articles
    (with their inputs, LSH bands and clusters), analyses with mentions and statements, and
    rejections. Articles already stored are kept as they are; the load streams row batches.
    A folder with no ``articles/*.parquet``, or one whose files are not Parquet or lack a column
    the load reads, is an :class:`InputError` (``bad_parquet``); what was loaded before it stays."""
    import pyarrow as pa

    from .parquet_load import load_results

    if not any((folder / "articles").glob("*.parquet")):
        raise InputError(f"{folder} holds no Parquet results of a run (no articles/*.parquet)", code="bad_parquet")
    try:
        return load_results(folder, settings, _batches)
    except (pa.ArrowException, KeyError, TypeError, ValueError) as exc:
        what = f"no column {exc}" if isinstance(exc, KeyError) else f"{type(exc).__name__}: {exc}"
        raise InputError(f"{folder} does not hold readable Parquet results of a run ({what}); "
                         "what was loaded before this stays", code="bad_parquet") from exc
