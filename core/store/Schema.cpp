#include "Schema.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "Database.h"
#include "EventTable.h"

namespace ss {
namespace {

// Version 1: catalog, users, events, reviews, imports, embeddings, runs, settings.
// Events hold only integers (user, item, type, time) so that 100M rows stay small and scannable.
constexpr const char* kVersion1 = R"SQL(
CREATE TABLE items(
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  title TEXT, description TEXT, category TEXT, brand TEXT,
  price REAL, available INTEGER);
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  external_id TEXT NOT NULL UNIQUE,
  segment TEXT);
CREATE TABLE events(
  user_id INTEGER NOT NULL REFERENCES users(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  type INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  quantity INTEGER, value REAL,
  import_id INTEGER);
CREATE TABLE reviews(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  rating REAL, title TEXT, body TEXT, ts INTEGER NOT NULL,
  import_id INTEGER,
  UNIQUE(user_id, item_id, ts));
CREATE TABLE imports(
  id INTEGER PRIMARY KEY,
  format TEXT NOT NULL, path TEXT NOT NULL, fingerprint TEXT NOT NULL,
  started INTEGER NOT NULL, seconds REAL NOT NULL,
  rows_read INTEGER NOT NULL, rows_imported INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
  rows_flagged INTEGER NOT NULL DEFAULT 0, rows_duplicate INTEGER NOT NULL DEFAULT 0,
  notes TEXT);
CREATE INDEX imports_fingerprint ON imports(fingerprint, format);
CREATE TABLE import_rejects(
  import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  line INTEGER NOT NULL, field TEXT, reason TEXT NOT NULL, flagged_only INTEGER NOT NULL DEFAULT 0);
CREATE INDEX import_rejects_import ON import_rejects(import_id, line);
CREATE TABLE embeddings(
  model TEXT NOT NULL, target TEXT NOT NULL, object_id INTEGER NOT NULL,
  text_hash TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,
  PRIMARY KEY(model, target, object_id)) WITHOUT ROWID;
CREATE TABLE runs(
  id INTEGER PRIMARY KEY, recommender TEXT NOT NULL, parameters TEXT, seed INTEGER,
  split TEXT, k INTEGER, dataset_fingerprint TEXT, metrics TEXT, timings TEXT, created INTEGER NOT NULL);
CREATE TABLE run_user_metrics(
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX reviews_item ON reviews(item_id);
CREATE INDEX reviews_user ON reviews(user_id);
)SQL";

// Version 2: a review is identified by its content too (the 2018 Amazon release holds different
// reviews by one user of one item on the same day, which a (user, item, time) key merged), and item
// properties carry the time of their value so the latest wins across files and imports; events get
// a time index (the data browser sorts by it).
constexpr const char* kVersion2 = R"SQL(
CREATE TABLE reviews_v2(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  item_id INTEGER NOT NULL REFERENCES items(id),
  rating REAL, title TEXT, body TEXT, ts INTEGER NOT NULL,
  import_id INTEGER,
  content_hash INTEGER NOT NULL DEFAULT 0,
  UNIQUE(user_id, item_id, ts, content_hash));
INSERT INTO reviews_v2(id, user_id, item_id, rating, title, body, ts, import_id)
  SELECT id, user_id, item_id, rating, title, body, ts, import_id FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_v2 RENAME TO reviews;
CREATE INDEX reviews_item ON reviews(item_id);
CREATE INDEX reviews_user ON reviews(user_id);
ALTER TABLE items ADD COLUMN category_time INTEGER;
ALTER TABLE items ADD COLUMN available_time INTEGER;
CREATE INDEX IF NOT EXISTS events_ts ON events(ts);
)SQL";

// Version 3: trained models kept for serving (the Recommendations screen, `recommend`), keyed by
// everything that decides their output, so opening a project does not retrain them.
constexpr const char* kVersion3 = R"SQL(
CREATE TABLE trained_models(
  key TEXT PRIMARY KEY,
  recommender TEXT NOT NULL,
  created INTEGER NOT NULL,
  state BLOB NOT NULL);
CREATE INDEX trained_models_recommender ON trained_models(recommender, created);
)SQL";

// Version 4: properties of customers (channel, region, experiment variant, ...) for segments, named
// customer sets ("segments") kept for cohorts, evaluation slices and audiences, and the activity
// summary (every customer's events, encoded compactly) that retention and survival read.
constexpr const char* kVersion4 = R"SQL(
CREATE TABLE user_properties(
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY(user_id, name)) WITHOUT ROWID;
CREATE INDEX user_properties_name ON user_properties(name, value);
CREATE TABLE segments(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  description TEXT,
  created INTEGER NOT NULL);
CREATE TABLE segment_members(
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY(segment_id, user_id)) WITHOUT ROWID;
CREATE TABLE activity_summary(
  chunk INTEGER PRIMARY KEY,
  data BLOB NOT NULL);
)SQL";

// Version 5: review sentiment — a label imported with a review (-1 negative, 0 neutral, 1 positive),
// the trained sentiment classifiers (kept like trained recommenders), each training run's report,
// and every review's predicted sentiment under the kept classifier.
constexpr const char* kVersion5 = R"SQL(
ALTER TABLE reviews ADD COLUMN label INTEGER;
CREATE TABLE sentiment_classifiers(
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  created INTEGER NOT NULL,
  state BLOB NOT NULL);
CREATE TABLE sentiment_runs(
  id INTEGER PRIMARY KEY,
  created INTEGER NOT NULL,
  kept_key TEXT NOT NULL,
  report TEXT NOT NULL);
CREATE TABLE review_sentiment(
  review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
  classifier TEXT NOT NULL,
  label INTEGER NOT NULL,
  probability REAL NOT NULL);
CREATE INDEX review_sentiment_classifier ON review_sentiment(classifier);
)SQL";

// The triggers that keep the text index in step with every write to items (see kVersion6).
constexpr const char* kTextIndexTriggers = R"SQL(
CREATE TRIGGER item_text_insert AFTER INSERT ON items
  WHEN new.title IS NOT NULL OR new.description IS NOT NULL
BEGIN
  INSERT INTO item_text(rowid, title, description, category, brand) VALUES(new.id, new.title, new.description, new.category, new.brand);
END;
CREATE TRIGGER item_text_update AFTER UPDATE OF id, title, description, category, brand ON items
  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.category IS NOT new.category OR old.brand IS NOT new.brand
BEGIN
  DELETE FROM item_text WHERE rowid = old.id AND (old.title IS NOT NULL OR old.description IS NOT NULL);
  INSERT INTO item_text(rowid, title, description, category, brand)
    SELECT new.id, new.title, new.description, new.category, new.brand WHERE new.title IS NOT NULL OR new.description IS NOT NULL;
END;
CREATE TRIGGER item_text_delete AFTER DELETE ON items
BEGIN
  DELETE FROM item_text WHERE rowid = old.id;
END;
)SQL";

// Version 6: a full-text index over item text for lexical search. The trigram tokenizer indexes every
// three characters, so Chinese text (no spaces between words) matches on substrings; triggers keep it
// in step with every write to items. Items without a title or description (Taobao, RetailRocket:
// ids and category numbers only) are left out, which keeps a 4-million-item import cheap.
constexpr const char* kVersion6 = R"SQL(
CREATE VIRTUAL TABLE item_text USING fts5(title, description, category, brand, tokenize='trigram');
INSERT INTO item_text(rowid, title, description, category, brand)
  SELECT id, title, description, category, brand FROM items WHERE title IS NOT NULL OR description IS NOT NULL;
)SQL";

// Version 7: results computed by another engine (the cluster jobs in cluster/) and imported, each
// kept with where it came from: ALS customer and item factors served as a recommender, cohort
// matrices shown beside the ones computed here. One row per kind and name; a new import replaces it.
constexpr const char* kVersion7 = R"SQL(
CREATE TABLE imported_results(
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  created INTEGER NOT NULL,
  payload BLOB NOT NULL,
  PRIMARY KEY(kind, name));
)SQL";

// Version 8: what the overview shows, kept current by every import: events per UTC day and behaviour
// with their first and last time, written with the activity summary (under its fingerprint), so the
// counts, ranges and daily activity of 100 million events come from a few hundred rows, not a scan.
constexpr const char* kVersion8 = R"SQL(
CREATE TABLE event_days(
  day INTEGER NOT NULL,
  type INTEGER NOT NULL,
  events INTEGER NOT NULL,
  first_ts INTEGER NOT NULL,
  last_ts INTEGER NOT NULL,
  PRIMARY KEY(day, type)) WITHOUT ROWID;
)SQL";

// Version 9: a kept model's state in parts — a single SQLite value stops at 1 GB, and ALS on the full
// Taobao catalogue (4.2 million items) is 1.3 GB. trained_models.state holds the first part, this
// table the rest, in order.
constexpr const char* kVersion9 = R"SQL(
CREATE TABLE trained_model_parts(
  key TEXT NOT NULL,
  part INTEGER NOT NULL,
  bytes BLOB NOT NULL,
  PRIMARY KEY(key, part));
)SQL";

// Version 11: each encoder's vector of a text stored once. A marketplace lists one product in many
// shops under one title, so a catalogue of 4.16 million listings has 745 thousand titles: a row per
// listing held 6.4 GB of vectors (8.4 GB of pages, every one read to load them); now each listing's row
// names its text's vector, and loading reads 1.2 GB of vectors. No foreign key from embeddings to
// embedding_vectors: deleting a vector would then scan every row (EmbeddingStore keeps them whole).
// (A hand-made early project without the embeddings table gets an empty one to move first.)
constexpr const char* kVersion11 = R"SQL(
CREATE TABLE IF NOT EXISTS embeddings(
  model TEXT NOT NULL, target TEXT NOT NULL, object_id INTEGER NOT NULL,
  text_hash TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,
  PRIMARY KEY(model, target, object_id)) WITHOUT ROWID;
CREATE TABLE embedding_vectors(
  id INTEGER PRIMARY KEY,
  model TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  dim INTEGER NOT NULL,
  vector BLOB NOT NULL);
CREATE UNIQUE INDEX embedding_vectors_text ON embedding_vectors(model, text_hash);
INSERT OR IGNORE INTO embedding_vectors(model, text_hash, dim, vector) SELECT model, text_hash, dim, vector FROM embeddings;
CREATE TABLE embedding_refs(
  model TEXT NOT NULL, target TEXT NOT NULL, object_id INTEGER NOT NULL,
  text_hash TEXT NOT NULL, vector_id INTEGER NOT NULL,
  PRIMARY KEY(model, target, object_id)) WITHOUT ROWID;
INSERT INTO embedding_refs(model, target, object_id, text_hash, vector_id)
  SELECT e.model, e.target, e.object_id, e.text_hash, v.id
  FROM embeddings e JOIN embedding_vectors v ON v.model = e.model AND v.text_hash = e.text_hash;
DROP TABLE embeddings;
ALTER TABLE embedding_refs RENAME TO embeddings;
)SQL";

// While a bulk load runs, the text index triggers give way to ones that only note which items
// changed (a temporary table, emptied, not dropped, afterwards: dropping a table fails while any
// statement of the connection is still reading); the index then catches up in two statements. Row by row, the index
// made a 200,000-item import 25 times slower.
constexpr const char* kDeferTextIndex = R"SQL(
DROP TRIGGER IF EXISTS item_text_insert;
DROP TRIGGER IF EXISTS item_text_update;
DROP TRIGGER IF EXISTS item_text_delete;
CREATE TEMP TABLE IF NOT EXISTS changed_items(id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS changed_items_insert AFTER INSERT ON main.items
  WHEN new.title IS NOT NULL OR new.description IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO changed_items VALUES(new.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS changed_items_update AFTER UPDATE OF id, title, description, category, brand ON main.items
  WHEN old.id IS NOT new.id OR old.title IS NOT new.title OR old.description IS NOT new.description
    OR old.category IS NOT new.category OR old.brand IS NOT new.brand
BEGIN
  INSERT OR IGNORE INTO changed_items VALUES(old.id);
  INSERT OR IGNORE INTO changed_items VALUES(new.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS changed_items_delete AFTER DELETE ON main.items
BEGIN
  INSERT OR IGNORE INTO changed_items VALUES(old.id);
END;
)SQL";

constexpr const char* kCatchUpTextIndex = R"SQL(
DELETE FROM item_text WHERE rowid IN (SELECT id FROM temp.changed_items);
INSERT INTO item_text(rowid, title, description, category, brand)
  SELECT id, title, description, category, brand FROM main.items
  WHERE id IN (SELECT id FROM temp.changed_items) AND (title IS NOT NULL OR description IS NOT NULL);
DROP TRIGGER temp.changed_items_insert;
DROP TRIGGER temp.changed_items_update;
DROP TRIGGER temp.changed_items_delete;
DELETE FROM temp.changed_items;
)SQL";

// Tables each version adds; a project of that version missing one of them was damaged or changed
// by another program.
const std::vector<std::vector<const char*>> kTablesByVersion = {
    {"items", "users", "events", "reviews", "imports", "import_rejects", "embeddings", "runs", "run_user_metrics", "settings"},
    {},
    {"trained_models"},
    {"user_properties", "segments", "segment_members", "activity_summary"},
    {"sentiment_classifiers", "sentiment_runs", "review_sentiment"},
    {"item_text"},
    {"imported_results"},
    {},
    {"trained_model_parts"},
    {"event_count"},
    {"embedding_vectors"},
};

Result<std::set<std::string>> tableNames(Database& db) {
    auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (!stmt) return stmt.error();
    std::set<std::string> names;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        names.insert(stmt->columnText(0));
    }
    return names;
}

std::string hexId(std::int64_t id) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08llX", static_cast<unsigned long long>(id & 0xffffffff));
    return text;
}

}  // namespace

Result<FileIdentity> Schema::identify(Database& db) {
    auto applicationId = db.queryInt("PRAGMA application_id");
    if (!applicationId) return applicationId.error();
    auto v = version(db);
    if (!v) return v.error();
    auto tables = tableNames(db);
    if (!tables) return tables.error();
    FileIdentity identity;
    identity.version = *v;
    const bool marked = *applicationId == kApplicationId;
    identity.marked = marked;
    if (!marked && *applicationId != 0) {
        identity.kind = FileIdentity::Kind::Foreign;
        identity.detail = "it is marked as another application's file (application_id " + hexId(*applicationId) + ")";
        return identity;
    }
    if (!marked && *v == 0 && tables->empty()) return identity;  // Empty
    // Projects from before the mark: every version has had these three tables.
    const bool olderProject = *v >= 1 && tables->count("items") && tables->count("events") && tables->count("users");
    if (!marked && !olderProject) {
        identity.kind = FileIdentity::Kind::Foreign;
        std::string names;
        int shown = 0;
        for (const auto& name : *tables) {
            if (shown == 5) {
                names += ", ...";
                break;
            }
            names += (shown++ ? ", " : "") + name;
        }
        identity.detail = tables->empty() ? "it has schema version " + std::to_string(*v) + " but no tables"
                                          : "it holds other tables (" + names + ")";
        return identity;
    }
    identity.kind = FileIdentity::Kind::Project;
    if (*v < 0) {  // user_version is a signed 32-bit field; found by fuzzing (tests/fuzz/regressions)
        identity.detail = "its schema version " + std::to_string(*v) + " is not one ShelfSense writes";
        return identity;
    }
    if (!marked) return identity;  // upgraded (and marked) by migrate(); each step is all or nothing
    for (int step = 0; step < std::min(*v, static_cast<int>(kTablesByVersion.size())); ++step)
        for (const char* table : kTablesByVersion[static_cast<std::size_t>(step)])
            if (!tables->count(table)) {
                identity.detail = std::string("table '") + table + "' is missing";
                return identity;
            }
    return identity;
}

Error Schema::newerVersion(int version, const std::string& file) {
    return makeError(ErrorCode::Unsupported,
                     "project file has schema version " + std::to_string(version) + ", newer than this ShelfSense understands (" +
                         std::to_string(kCurrentVersion) + ")",
                     file);
}

Result<int> Schema::version(Database& db) {
    auto v = db.queryInt("PRAGMA user_version");
    if (!v) return v.error();
    return static_cast<int>(*v);
}

Status Schema::migrate(Database& db) {
    auto current = version(db);
    if (!current) return current.error();
    if (*current < 0)
        return makeError(ErrorCode::InputData, "the project file is damaged: schema version " + std::to_string(*current), db.path().string());
    if (*current > kCurrentVersion) return newerVersion(*current, db.path().string());
    // Version 10 (no SQL of its own here): events clustered by customer and time (EventTable).
    static const char* const kSteps[] = {kVersion1, kVersion2, kVersion3, kVersion4, kVersion5,
                                         kVersion6, kVersion7, kVersion8, kVersion9, "", kVersion11};
    static_assert(std::size(kSteps) == kCurrentVersion);
    for (int v = *current; v < kCurrentVersion; ++v) {
        // Copying the events checks no foreign key that the old table did not already satisfy (and
        // the pragma cannot change inside the step's transaction).
        std::optional<ForeignKeysOff> foreignKeysOff;
        if (v + 1 == 10) foreignKeysOff.emplace(db);
        Transaction tx(db);
        if (!tx.begun()) return tx.begun();
        if (Status s = db.exec(kSteps[v]); !s) return s;
        if (v + 1 == 6) {
            if (Status s = db.exec(kTextIndexTriggers); !s) return s;
        }
        if (v + 1 == 10) {
            if (Status s = EventTable::migrateToClustered(db); !s) return s;
        }
        if (Status s = db.exec("PRAGMA user_version=" + std::to_string(v + 1)); !s) return s;
        if (v == 0) {
            if (Status s = db.exec("PRAGMA application_id=" + std::to_string(kApplicationId)); !s) return s;
        }
        if (Status s = tx.commit(); !s) return s;
    }
    // Projects from before the mark get it once.
    auto applicationId = db.queryInt("PRAGMA application_id");
    if (!applicationId) return applicationId.error();
    if (*applicationId != kApplicationId) return db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    return {};
}

Status Schema::deferTextIndex(Database& db) { return db.exec(kDeferTextIndex); }

Status Schema::catchUpTextIndex(Database& db) {
    // FTS5 merges its segments through the page cache: a larger one for the catch-up (64 MiB).
    auto cache = db.queryInt("PRAGMA cache_size");
    if (!cache) return cache.error();
    if (Status s = db.exec("PRAGMA cache_size=-65536"); !s) return s;
    Status caughtUp = db.exec(kCatchUpTextIndex);
    if (Status s = db.exec("PRAGMA cache_size=" + std::to_string(*cache)); !s) return s;
    if (!caughtUp) return caughtUp;
    return db.exec(kTextIndexTriggers);
}

}  // namespace ss
