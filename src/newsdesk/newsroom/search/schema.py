"""The search index's DDL for each database, written once and used by migrations 0005 and 0006 and ``index_ensure``.

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

PostgreSQL: ``newsroom_search_document``, one narrow row per published
article (id, date, section, source, a tsvector with headline weight A and
body B kept in the row, and its lexeme pairs), kept by triggers on
``newsroom_article`` — not generated columns, so a later migration may
still change the columns they read — with GIN indexes on the tsvector and
the pairs. Angle brackets are spaces to it: PostgreSQL's parser would
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
# What ranking and the filters read of each indexed article, in a narrow table beside the index: looking
# the 1,000 newest matches up in newsroom_article (rows of ~2 KB, body and all) cost ~10 ms at 100,000
# articles; here a row is ~40 bytes. Published rows only, like the index.
SQLITE_FACTS_TABLE = (
    "CREATE TABLE IF NOT EXISTS newsroom_search_facts ("
    "id INTEGER PRIMARY KEY, published_at TEXT, section_id INTEGER, source_id INTEGER)"
)
_SQLITE_FACTS_ROW = "{row}.id, {row}.published_at, {row}.section_id, {row}.source_id"
SQLITE_TRIGGERS.update({
    "newsroom_search_facts_insert": f"""
CREATE TRIGGER IF NOT EXISTS newsroom_search_facts_insert AFTER INSERT ON newsroom_article
WHEN new.status = 'published' BEGIN
  INSERT OR REPLACE INTO newsroom_search_facts(id, published_at, section_id, source_id)
  VALUES ({_SQLITE_FACTS_ROW.format(row="new")});
END""",
    "newsroom_search_facts_update": f"""
CREATE TRIGGER IF NOT EXISTS newsroom_search_facts_update
AFTER UPDATE OF id, status, published_at, section_id, source_id ON newsroom_article BEGIN
  DELETE FROM newsroom_search_facts WHERE id = old.id;
  INSERT OR REPLACE INTO newsroom_search_facts(id, published_at, section_id, source_id)
  SELECT {_SQLITE_FACTS_ROW.format(row="new")} WHERE new.status = 'published';
END""",
    "newsroom_search_facts_delete": """
CREATE TRIGGER IF NOT EXISTS newsroom_search_facts_delete AFTER DELETE ON newsroom_article BEGIN
  DELETE FROM newsroom_search_facts WHERE id = old.id;
END""",
})
SQLITE_FACTS_REBUILD = (
    "DELETE FROM newsroom_search_facts",
    f"INSERT INTO newsroom_search_facts(id, published_at, section_id, source_id) "
    f"SELECT {_SQLITE_FACTS_ROW.format(row='a')} FROM newsroom_article a WHERE a.status = 'published'",
)
SQLITE_REBUILD = (
    *SQLITE_FACTS_REBUILD,
    "DELETE FROM newsroom_search",
    f"INSERT INTO newsroom_search(rowid, headline, body) SELECT a.id, {_SQLITE_HEADLINE.format(row='a')}, "
    f"{_SQLITE_BODY.format(row='a')} FROM newsroom_article a WHERE a.status = 'published'",
    "INSERT INTO newsroom_search(newsroom_search) VALUES ('optimize')",
)
SQLITE_DROP = (
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    "DROP TABLE IF EXISTS newsroom_search",
    "DROP TABLE IF EXISTS newsroom_search_facts",
)

# ---- PostgreSQL -----------------------------------------------------------------------------
# Adjacent pairs of a document's lexemes ("ferry strike" → 'ferri strike'), without positions: a
# quoted phrase then finds its few candidates in the GIN index instead of rechecking every article
# holding both words (tens of thousands for two common words).
POSTGRES_PAIRS_FUNCTION = """
CREATE FUNCTION newsdesk_search_pairs(document tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT l.lexeme || ' ' || r.lexeme), '{}'))
  FROM (SELECT u.lexeme, p FROM unnest(document) u, unnest(u.positions) p) l
  JOIN (SELECT u.lexeme, p FROM unnest(document) u, unnest(u.positions) p) r ON r.p = l.p + 1
$$"""
# The published articles' documents, in a narrow table of their own rather than a column of
# newsroom_article: a tsvector of a 2 KB body is ~3 KB, which PostgreSQL moved out of line (TOAST) there,
# so every candidate checked or ranked cost a TOAST index lookup and two more pages; here it stays in the
# row (STORAGE MAIN). GIN without fastupdate: a pending list would be scanned whole by every query.
POSTGRES_DOCUMENT_TABLE = (
    "CREATE TABLE newsroom_search_document (id bigint PRIMARY KEY, published_at timestamptz NOT NULL, "
    "section_id bigint, source_id bigint, document tsvector NOT NULL, pairs tsvector NOT NULL)",
    "ALTER TABLE newsroom_search_document ALTER COLUMN document SET STORAGE MAIN",
    """
CREATE FUNCTION newsroom_search_document_kept() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  doc tsvector;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM newsroom_search_document WHERE id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'published' THEN
    doc := newsdesk_search_document(NEW.status, NEW.headline, NEW.body_html);
    INSERT INTO newsroom_search_document(id, published_at, section_id, source_id, document, pairs)
    VALUES (NEW.id, NEW.published_at, NEW.section_id, NEW.source_id, doc, newsdesk_search_pairs(doc));
  END IF;
  RETURN NULL;
END
$$""",
    "CREATE TRIGGER newsroom_search_document_insert AFTER INSERT OR DELETE ON newsroom_article "
    "FOR EACH ROW EXECUTE FUNCTION newsroom_search_document_kept()",
    "CREATE TRIGGER newsroom_search_document_update AFTER UPDATE ON newsroom_article FOR EACH ROW WHEN ("
    "OLD.id IS DISTINCT FROM NEW.id OR OLD.status IS DISTINCT FROM NEW.status "
    "OR OLD.headline IS DISTINCT FROM NEW.headline OR OLD.body_html IS DISTINCT FROM NEW.body_html "
    "OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.section_id IS DISTINCT FROM NEW.section_id "
    "OR OLD.source_id IS DISTINCT FROM NEW.source_id) EXECUTE FUNCTION newsroom_search_document_kept()",
)
POSTGRES_DOCUMENT_INDEXES = (
    "CREATE INDEX newsroom_search_document_idx ON newsroom_search_document USING gin (document) WITH (fastupdate = off)",
    "CREATE INDEX newsroom_search_pairs_idx ON newsroom_search_document USING gin (pairs) WITH (fastupdate = off)",
    "ANALYZE newsroom_search_document",
)
POSTGRES_REBUILD = (
    "DELETE FROM newsroom_search_document",
    "INSERT INTO newsroom_search_document(id, published_at, section_id, source_id, document, pairs) "
    "SELECT id, published_at, section_id, source_id, d, newsdesk_search_pairs(d) FROM ("
    "SELECT a.id, a.published_at, a.section_id, a.source_id, newsdesk_search_document(a.status, a.headline, a.body_html) d "
    "FROM newsroom_article a WHERE a.status = 'published') a",
)
# Migration 0006: what 0005 made before (a column of newsroom_article), removed once the table replaces it.
POSTGRES_COLUMN_DROP = (
    "DROP TRIGGER IF EXISTS newsroom_article_search_update ON newsroom_article",
    "DROP TRIGGER IF EXISTS newsroom_article_search_insert ON newsroom_article",
    "DROP INDEX IF EXISTS newsroom_article_search_idx",
    "ALTER TABLE newsroom_article DROP COLUMN IF EXISTS search_document",
    "DROP FUNCTION IF EXISTS newsroom_article_search_document()",
)
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
    POSTGRES_PAIRS_FUNCTION,
    *POSTGRES_DOCUMENT_TABLE,
    *POSTGRES_REBUILD,
    *POSTGRES_DOCUMENT_INDEXES,
)
POSTGRES_DROP = (
    "DROP TRIGGER IF EXISTS newsroom_search_document_update ON newsroom_article",
    "DROP TRIGGER IF EXISTS newsroom_search_document_insert ON newsroom_article",
    "DROP TABLE IF EXISTS newsroom_search_document",
    "DROP FUNCTION IF EXISTS newsroom_search_document_kept()",
    *POSTGRES_COLUMN_DROP,
    "DROP FUNCTION IF EXISTS newsdesk_search_pairs(tsvector)",
    "DROP FUNCTION IF EXISTS newsdesk_search_document(text, text, text)",
    "DROP FUNCTION IF EXISTS newsdesk_search_text(text)",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS newsdesk",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS newsdesk_english_stem",
)
