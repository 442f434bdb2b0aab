// The events table as schema versions 1 to 9 laid it out (a rowid table with indexes by customer and
// time, by item and by time), made from a current project's clustered one with its rows: tests that
// turn a new project into an older version's run this before lowering user_version.
#pragma once

namespace sstest {

// The embeddings table as schema versions 1 to 10 laid it out (a vector in every object's row), made
// from a current project's with its rows: run first when turning a project into an older version's.
inline constexpr const char* kUndoSharedVectors =
    "CREATE TABLE embeddings_old(model TEXT NOT NULL, target TEXT NOT NULL, object_id INTEGER NOT NULL,"
    " text_hash TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL, PRIMARY KEY(model, target, object_id)) WITHOUT ROWID;"
    "INSERT INTO embeddings_old SELECT e.model, e.target, e.object_id, e.text_hash, v.dim, v.vector"
    " FROM embeddings e JOIN embedding_vectors v ON v.id = e.vector_id;"
    "DROP TABLE embeddings; DROP TABLE embedding_vectors; ALTER TABLE embeddings_old RENAME TO embeddings;";

inline constexpr const char* kUndoClusteredEvents =
    "DROP TRIGGER events_counted_insert; DROP TRIGGER events_counted_delete; DROP TABLE event_count;"
    "CREATE TABLE events_rowid(user_id INTEGER NOT NULL REFERENCES users(id), item_id INTEGER NOT NULL REFERENCES items(id),"
    " type INTEGER NOT NULL, ts INTEGER NOT NULL, quantity INTEGER, value REAL, import_id INTEGER);"
    "INSERT INTO events_rowid SELECT user_id, item_id, type, ts, quantity, value, import_id FROM events ORDER BY user_id, ts, seq;"
    "DROP TABLE events; ALTER TABLE events_rowid RENAME TO events;"
    "CREATE INDEX events_user_ts ON events(user_id, ts); CREATE INDEX events_item ON events(item_id);"
    "CREATE INDEX events_ts ON events(ts);";

}  // namespace sstest
