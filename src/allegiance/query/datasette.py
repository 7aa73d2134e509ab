"""Metadata for Datasette (https://docs.datasette.io/en/stable/metadata.html): a title, and a
description of every table, view and column of the store, so that a reader browsing the
database sees what each one holds. ``allegiance datasette-metadata -o metadata.json`` writes it;
``datasette news.db -m metadata.json`` shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["TABLES", "datasette_metadata"]

_EXPORT_ID = "the article's export id: its file name, or its id when it has none"
_EVIDENCE = "the evidence: the exact span of the stored article text the statement was read from"
_DATE = "the statement's time, or else its article's publication date (YYYY, YYYY-MM or YYYY-MM-DD)"

#: Each table and view: its description and its columns' descriptions.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "articles": ("One row per stored article: its normalised text and metadata. The id is a hash of the text.", {
        "id": "stable id: a hash of the normalised text", "text": "the article text as stored (page chrome removed)",
        "title": "title", "author": "author (byline)", "published": "publication date (ISO)",
        "site": "site name", "source_id": "the outlet (sources.id)", "language": "ISO 639-1 language code",
        "url": "URL the article was read from", "canonical_url": "canonical URL the page declares",
        "kind": "input kind: text, html, jsonl, warc, feed, url", "encoding": "encoding the bytes were decoded from",
        "file_name": "file name without extension (the export id)", "chars": "length of the text in characters",
        "minhash": "MinHash signature for near-duplicate detection", "run_id": "the run that stored it (runs.id)",
        "ingested": "when it was stored (UTC)",
        "decode_replacements": "bytes that could not be decoded and were replaced",
        "chrome_dropped_share": "share of the input's lines removed as page chrome",
        "ingest_note": "a note from ingest (chrome_over_limit: much of the text was removed as chrome; "
                       "extraction_dropped_text: the HTML extraction left out most of the page's paragraph text; "
                       "metadata_left_out: fields of the input that could not be read, and why)",
        "published_raw": "the publication date as the input gave it, before checking",
        "date_source": "where the date came from: declared, html, archive, url or text"}),
    "sources": ("Outlets, by name.", {"id": "id", "name": "outlet name"}),
    "article_inputs": ("Every input an article was read from (a copy read twice is stored once).", {
        "origin": "path or URL of the input", "article_id": "the article (articles.id)",
        "file_name": "file name of the input", "run_id": "the run that read it"}),
    "clusters": ("Near-duplicate clusters: copies and spun rewrites of one story share a cluster id.", {
        "article_id": "the article", "cluster_id": "the story: the id of the cluster's first article",
        "similarity": "estimated Jaccard similarity to the cluster"}),
    "rejections": ("Inputs that could not be read, with a stable reason code (docs/errors.md).", {
        "origin": "path or URL of the input", "code": "reason code", "message": "what went wrong",
        "run_id": "the run that tried it"}),
    "runs": ("Every command run against the store, with its effective settings and software versions.", {
        "id": "id", "command": "command", "started": "start (UTC)", "finished": "end (UTC); empty if it broke off",
        "settings": "effective settings (JSON)", "versions": "software versions (JSON)",
        "counts": "what it did (JSON)"}),
    "analyses": ("One row per analysed article: the pack version it was analysed with.", {
        "article_id": "the article", "pack_version": "packs and extractor version used", "analysed": "when (UTC)",
        "genre": "genre: opinion, reporting, analysis, press_release", "error": "why the analysis failed, if it did"}),
    "mentions": ("Entity mentions found by the analysis, with character offsets into the article text.", {
        "article_id": "the article", "start": "first character (0-based)", "end": "character after the last",
        "text": "the mention as written", "entity_id": "knowledge-base id (ISO3 for states); empty if unlisted",
        "type": "state, alliance, person, organisation type", "kind": "name, demonym, capital, role, pronoun",
        "confidence": "0 to 1", "canonical": "canonical name"}),
    "statements": ("Statements, the unit of knowledge (docs/statements.md): stances, events, quantities, "
                   "predictions and claims, each with its evidence span.", {
        "id": "id", "article_id": "the article", "kind": "stance, event, quantity, prediction or claim",
        "start": "evidence start (character offset)", "end": "evidence end", "subject": "actor or state",
        "predicate": "stance label, PLOVER event type, or topic", "object": "target(s), separated by ';'",
        "issue": "issue of a stance", "polarity": "positive or negative", "modality":
        "asserted, reported, denied, hypothetical, future", "speaker": "who said it", "time":
        "time the statement is about", "value": "number of a quantity", "unit": "unit of a quantity, action of "
        "an event", "topics": "pack topics (JSON list)", "confidence": "0 to 1", "extractor": "component that made it",
        "cue": "the cue that matched", "pack_version": "packs and extractor version",
        "uid": "stable id across re-analysis: a hash of article, kind, evidence span, subject and predicate",
        "corrected": "1 when an analyst's correction applies (see effective_statements)",
        "factuality": "how the clause holds it: done, ongoing, planned, conditional, asked, denied, ...",
        "subject_start": "start of the subject's mention", "subject_end": "end of the subject's mention",
        "speaker_start": "start of the speaker's mention", "speaker_end": "end of the speaker's mention"}),
    "prediction_outcome_history": ("How predictions turned out, as recorded by analysts: append-only, the latest "
                                   "in force (current_outcomes).", {
        "statement_uid": "the prediction (statements.uid, stable across re-analysis)",
        "outcome": "true, false or partly", "note": "what happened", "evidence": "URL or reference for the outcome",
        "analyst": "who recorded it", "recorded": "when it was recorded (UTC)"}),
    "statement_corrections": ("Analysts' corrections of statements: append-only, the latest in force "
                              "(current_corrections); every view reads effective_statements.", {
        "statement_uid": "the statement (statements.uid)", "action": "wrong, confirm or relabel",
        "label": "the new label of a relabel", "note": "why", "analyst": "who", "recorded": "when (UTC)"}),
    "effective_statements": ("View: the statements with the latest correction applied (wrong ones left out, "
                             "relabelled ones under their new label).", {
        "uid": "stable statement id", "predicate": "label in force", "extracted_predicate": "label as extracted",
        "correction": "the correction in force, if any"}),
    "statement_evidence": ("View: every statement with its evidence text, article, source, date and URL.", {
        "statement_id": "statements.id", "uid": "stable statement id (statements.uid)",
        "kind": "stance, event, quantity, prediction or claim", "subject": "actor or state",
        "predicate": "stance label, PLOVER type or topic", "object": "target(s)",
        "issue": "issue of a stance", "polarity": "positive or negative", "modality": "asserted, reported, ...",
        "speaker": "who said it", "time": "time the statement is about", "date": _DATE,
        "value": "number of a quantity", "unit": "unit of a quantity, action of an event",
        "topics": "pack topics (JSON)", "confidence": "0 to 1", "evidence": _EVIDENCE,
        "start": "evidence start", "end": "evidence end", "article_id": "articles.id", "export_id": _EXPORT_ID,
        "title": "article title", "source": "outlet", "published": "article publication date",
        "language": "article language", "url": "article URL", "cluster_id": "the story (near-duplicate cluster)",
        "extractor": "component that made it", "pack_version": "packs and extractor version",
        "correction": "the analyst's correction in force (confirm or relabel), if any"}),
    "stance_evidence": ("View: each state's stances on the issues, with evidence, article, source and date.", {
        "statement_id": "statements.id", "uid": "stable statement id",
        "state": "ISO3 code of the state", "issue": "issue id",
        "stance": "support, oppose, neutral, distance", "modality": "asserted, reported, ...",
        "speaker": "who said it", "date": _DATE, "evidence": _EVIDENCE, "export_id": _EXPORT_ID,
        "title": "article title", "source": "outlet", "url": "article URL", "cluster_id": "the story"}),
    "event_evidence": ("View: events (PLOVER types) with actor, target, evidence, article, source and date.", {
        "statement_id": "statements.id", "uid": "stable statement id",
        "actor": "who acted", "plover_type": "PLOVER category",
        "action": "the verb phrase", "target": "target(s), separated by ';'", "modality": "asserted, reported, ...",
        "date": _DATE, "evidence": _EVIDENCE, "export_id": _EXPORT_ID, "title": "article title",
        "source": "outlet", "url": "article URL", "cluster_id": "the story"}),
    "prediction_evidence": ("View: the prediction ledger: each prediction with its evidence and outcome.", {
        "statement_id": "statements.id", "speaker": "who predicted", "subject": "what it is about",
        "horizon": "when it is due (empty when the text gives no horizon)", "published": "article date",
        "evidence": _EVIDENCE, "export_id": _EXPORT_ID, "title": "article title", "source": "outlet",
        "url": "article URL", "outcome": "true, false, partly; empty while open", "outcome_note": "what happened",
        "outcome_evidence": "reference for the outcome", "resolved": "when the outcome was recorded",
        "resolved_by": "who recorded it", "uid": "stable statement id"}),
    "article_overview": ("View: articles with their outlet, story cluster, genre and analysis state.", {
        "article_id": "articles.id", "export_id": _EXPORT_ID, "title": "title", "source": "outlet",
        "author": "author", "published": "publication date", "language": "language", "url": "URL",
        "canonical_url": "canonical URL", "cluster_id": "the story (near-duplicate cluster)",
        "chars": "length in characters", "genre": "genre", "pack_version": "pack version of its analysis",
        "analysis_error": "why its analysis failed, if it did", "ingested": "when it was stored"}),
}


def datasette_metadata(db: str | Path = "allegiance.db") -> dict[str, Any]:
    """Datasette metadata for the database file ``db`` (Datasette names a database by its file stem)."""
    name = Path(db).stem or "allegiance"
    tables = {table: {"description": description, "columns": dict(columns)}
              for table, (description, columns) in TABLES.items()}
    return {"title": "Allegiance", "description": (
                "An evidence-linked record of news about Russia's war against Ukraine. Start with the views "
                "statement_evidence, stance_evidence, event_evidence and prediction_evidence: each row is one "
                "statement with the sentence it was read from, its article, source and date."),
            "source": "Allegiance", "databases": {name: {"tables": tables}}}
