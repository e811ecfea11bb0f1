"""The search index's DDL for each database, written once and used by migration 0005 and ``index_ensure``.

SQLite: ``newsroom_search``, an FTS5 table of (headline, body text) keyed by
the article's id, holding published articles only. Triggers on
``newsroom_article`` keep it current for every writer (the pipeline, the
desk, the admin, a bulk update); the body's text comes from
``newsdesk_search_text``, a function each connection registers
(``sqlite_functions``). It keeps its own copy of the text rather than being
an external-content table: a trigger's delete is then a plain
``DELETE … WHERE rowid``, which cannot corrupt the index if the text
function ever changes, and nothing refers to the article table by name
except the triggers (which ``index_ensure`` puts back if a table rebuild
drops them).

PostgreSQL: ``newsroom_article.search_document``, a tsvector (headline
weight A, body B) kept by a BEFORE trigger — not a generated column, so a
later migration may still change the type of the columns it reads — with a
GIN index; NULL for anything not published, so the index holds only what
can be found. Angle brackets are spaces to it: PostgreSQL's parser would
take text such as "<img src=x>" for a tag and skip its words. The
``newsdesk`` text search configuration is English
stemming without a stop-word list, like SQLite's porter tokenizer, so both
backends find the same articles ("at t" finds "AT&T").
"""

from __future__ import annotations

TEXT_MAX = 100_000  # characters of a body indexed: keeps a tsvector under PostgreSQL's 1 MB limit

# ---- SQLite ---------------------------------------------------------------------------------
_SQLITE_HEADLINE = "replace(replace({row}.headline, char(2), ''), char(3), '')"
_SQLITE_BODY = "newsdesk_search_text({row}.body_html)"

SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS newsroom_search USING fts5("
    "headline, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
SQLITE_TRIGGERS = {
    "newsroom_search_insert": f"""
CREATE TRIGGER IF NOT EXISTS newsroom_search_insert AFTER INSERT ON newsroom_article
WHEN new.status = 'published' BEGIN
  INSERT INTO newsroom_search(rowid, headline, body)
  VALUES (new.id, {_SQLITE_HEADLINE.format(row="new")}, {_SQLITE_BODY.format(row="new")});
END""",
    "newsroom_search_update": f"""
CREATE TRIGGER IF NOT EXISTS newsroom_search_update AFTER UPDATE OF id, headline, body_html, status ON newsroom_article
WHEN old.id IS NOT new.id OR old.headline IS NOT new.headline OR old.body_html IS NOT new.body_html
  OR old.status IS NOT new.status BEGIN
  DELETE FROM newsroom_search WHERE rowid = old.id;
  INSERT INTO newsroom_search(rowid, headline, body)
  SELECT new.id, {_SQLITE_HEADLINE.format(row="new")}, {_SQLITE_BODY.format(row="new")} WHERE new.status = 'published';
END""",
    "newsroom_search_delete": """
CREATE TRIGGER IF NOT EXISTS newsroom_search_delete AFTER DELETE ON newsroom_article BEGIN
  DELETE FROM newsroom_search WHERE rowid = old.id;
END""",
}
SQLITE_REBUILD = (
    "DELETE FROM newsroom_search",
    f"INSERT INTO newsroom_search(rowid, headline, body) SELECT a.id, {_SQLITE_HEADLINE.format(row='a')}, "
    f"{_SQLITE_BODY.format(row='a')} FROM newsroom_article a WHERE a.status = 'published'",
    "INSERT INTO newsroom_search(newsroom_search) VALUES ('optimize')",
)
SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    "DROP TABLE IF EXISTS newsroom_search",
)

# ---- PostgreSQL -----------------------------------------------------------------------------
POSTGRES_CREATE = (
    "CREATE TEXT SEARCH DICTIONARY newsdesk_english_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION newsdesk (COPY = pg_catalog.english)",
    "ALTER TEXT SEARCH CONFIGURATION newsdesk ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, "
    "word, hword, hword_part WITH newsdesk_english_stem",
    # core.ninjs.body_text in SQL, step for step, minus our two mark characters.
    f"""
CREATE FUNCTION newsdesk_search_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT left(btrim(regexp_replace(translate(
    replace(replace(replace(replace(replace(regexp_replace(html, '<[^>]+>', ' ', 'g'),
      '&amp;', '&'), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''),
    chr(2) || chr(3), ''), '\\s+', ' ', 'g')), {TEXT_MAX})
$$""",
    """
CREATE FUNCTION newsdesk_search_document(status text, headline text, body_html text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN status = 'published' THEN
    setweight(to_tsvector('newsdesk', translate(coalesce(headline, ''), '<>', '  ')), 'A')
    || setweight(to_tsvector('newsdesk', translate(coalesce(newsdesk_search_text(body_html), ''), '<>', '  ')), 'B') END
$$""",
    """
CREATE FUNCTION newsroom_article_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_document := newsdesk_search_document(NEW.status, NEW.headline, NEW.body_html);
  RETURN NEW;
END
$$""",
    "ALTER TABLE newsroom_article ADD COLUMN search_document tsvector",
    "UPDATE newsroom_article SET search_document = newsdesk_search_document(status, headline, body_html)",
    "CREATE INDEX newsroom_article_search_idx ON newsroom_article USING gin (search_document)",
    "CREATE TRIGGER newsroom_article_search_insert BEFORE INSERT ON newsroom_article "
    "FOR EACH ROW EXECUTE FUNCTION newsroom_article_search_document()",
    "CREATE TRIGGER newsroom_article_search_update BEFORE UPDATE OF headline, body_html, status ON newsroom_article "
    "FOR EACH ROW WHEN (OLD.headline IS DISTINCT FROM NEW.headline OR OLD.body_html IS DISTINCT FROM NEW.body_html "
    "OR OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION newsroom_article_search_document()",
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS newsroom_article_search_update ON newsroom_article",
    "DROP TRIGGER IF EXISTS newsroom_article_search_insert ON newsroom_article",
    "DROP INDEX IF EXISTS newsroom_article_search_idx",
    "ALTER TABLE newsroom_article DROP COLUMN IF EXISTS search_document",
    "DROP FUNCTION IF EXISTS newsroom_article_search_document()",
    "DROP FUNCTION IF EXISTS newsdesk_search_document(text, text, text)",
    "DROP FUNCTION IF EXISTS newsdesk_search_text(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS newsdesk",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS newsdesk_english_stem",
)
