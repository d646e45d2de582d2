"""The keyword index's language-aware columns (migration 4), kept up to date by triggers.

`steps_fts` indexes each step's title, text, tools, tips and warnings as
before (porter + unicode61, so English is unchanged), plus two columns:

- `keywords`: the step's words as its language's analyser gives them. Korean
  glues particles and endings onto words ("볼트는", "풀어 줍니다"), so the raw
  text never matches a query's "볼트" or "풀"; Kiwi's morphemes ("볼트 대각선
  순서 조금 풀") do. Empty for English.
- `names`: on the first step of each procedure only, the session title,
  procedure title, workstation and process, so a procedure's own name finds
  it (its first step) without lifting every step of it for other questions.

SQLite triggers on `steps`, `procedures` and `sessions` fill the table, so
every writer (ingest, review edits, bundle imports) keeps it right without
knowing about it. The triggers call two SQL functions registered on every
catalog connection (`register`): a connection without them cannot write
steps, which only the library does anyway.
"""

from __future__ import annotations

import json
import sqlite3

from indexing.lang import language_for, language_of_text

FTS_COLUMNS = ("title", "text", "tools", "tips", "warnings", "keywords", "names")

_ROW = (
    "SELECT s.rowid, s.title, s.text, s.tools, s.tips, s.warnings, "
    "kh_keywords(se.language, s.title, s.text, s.tools, s.tips, s.warnings), "
    "CASE WHEN s.idx = 0 THEN kh_names(se.language, se.title, p.title, se.workstation, se.process) "
    "ELSE '' END "
    "FROM steps s JOIN sessions se ON se.session_id = s.session_id "
    "LEFT JOIN procedures p ON p.procedure_id = s.procedure_id "
)
_INSERT = f"INSERT INTO steps_fts (rowid, {', '.join(FTS_COLUMNS)}) " + _ROW


def _plain(value: str | None) -> str:
    """A JSON list column (tools, tips, warnings) as text."""
    if not value:
        return ""
    try:
        out = json.loads(value)
    except (json.JSONDecodeError, TypeError):
        return str(value)
    return " ".join(str(x) for x in out) if isinstance(out, list) else str(out)


def _tokens(language: str | None, text: str) -> str:
    lang = language_for(language)
    if lang.code != "ko" and language_of_text(text) == "ko":
        lang = language_for("ko")  # Hangul in a session of another language still gets its morphemes
    return lang.index_tokens(text)


def keywords(language: str | None, title: str | None, text: str | None, tools: str | None,
             tips: str | None, warnings: str | None) -> str:
    """The `keywords` column of a step: analyser tokens of all its text ("" for English)."""
    whole = " ".join(p for p in (title or "", text or "", _plain(tools), _plain(tips), _plain(warnings)) if p)
    return _tokens(language, whole)


def names(language: str | None, session_title: str | None, procedure_title: str | None,
          workstation: str | None, process: str | None) -> str:
    """The `names` column: the names as written plus their analyser tokens."""
    parts = [p.strip() for p in (session_title, procedure_title, workstation, process) if p and p.strip()]
    whole = " ".join(parts)
    extra = _tokens(language, whole)
    return f"{whole} {extra}".strip()


def register(conn: sqlite3.Connection) -> None:
    """Make the trigger functions available on a catalog connection."""
    conn.create_function("kh_keywords", 6, keywords, deterministic=True)
    conn.create_function("kh_names", 5, names, deterministic=True)


def create(conn: sqlite3.Connection) -> None:
    """Replace the plain FTS table (and sqlite-utils' triggers) with the language-aware one, filled."""
    register(conn)
    for trigger in ("steps_ai", "steps_ad", "steps_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute("DROP TABLE IF EXISTS steps_fts")
    cols = ", ".join(FTS_COLUMNS)
    conn.execute(f"CREATE VIRTUAL TABLE steps_fts USING fts5({cols}, tokenize='porter unicode61')")
    reindex = ("DELETE FROM steps_fts WHERE rowid IN (SELECT rowid FROM steps WHERE {where}); "
               + _INSERT + "WHERE {where_s};")
    # One statement each (executescript would commit the migration's transaction half-way).
    triggers = [
        f"CREATE TRIGGER steps_fts_ai AFTER INSERT ON steps BEGIN {_INSERT} WHERE s.rowid = new.rowid; END",
        "CREATE TRIGGER steps_fts_ad AFTER DELETE ON steps BEGIN "
        "DELETE FROM steps_fts WHERE rowid = old.rowid; END",
        "CREATE TRIGGER steps_fts_au AFTER UPDATE OF title, text, tools, tips, warnings, idx, procedure_id, "
        f"session_id ON steps BEGIN DELETE FROM steps_fts WHERE rowid = old.rowid; "
        f"{_INSERT} WHERE s.rowid = new.rowid; END",
        "CREATE TRIGGER procedures_fts_au AFTER UPDATE OF title ON procedures BEGIN "
        + reindex.format(where="procedure_id = new.procedure_id AND idx = 0",
                         where_s="s.procedure_id = new.procedure_id AND s.idx = 0") + " END",
        "CREATE TRIGGER sessions_fts_au AFTER UPDATE OF title, workstation, process, language ON sessions "
        "BEGIN " + reindex.format(where="session_id = new.session_id", where_s="s.session_id = new.session_id")
        + " END",
    ]
    for sql in triggers:
        conn.execute(sql)
    conn.execute(_INSERT)


def refill(conn: sqlite3.Connection) -> None:
    """Re-derive every step's keyword row (after the analyser's tokens changed, e.g. new synonym heads)."""
    register(conn)
    conn.execute("DELETE FROM steps_fts")
    conn.execute(_INSERT)
