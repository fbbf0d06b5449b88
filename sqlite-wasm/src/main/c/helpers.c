/*
 * Entry points that return what the C API hands back through out-parameters, so Java makes one
 * call and reads one value. Secondary results (a result code, a length) wait in this instance's
 * statics until the next helper call; an instance serves one connection on one thread at a time.
 */
#include "sqlite3.h"
#include "host.h"

static int last_rc;
static int last_tail;
static sqlite3_int64 last_size;

EXPORT int sqlite_jvm_last_rc(void) { return last_rc; }
/* Bytes of the SQL text consumed by the last sqlite_jvm_prepare. */
EXPORT int sqlite_jvm_last_tail(void) { return last_tail; }
EXPORT sqlite3_int64 sqlite_jvm_last_size(void) { return last_size; }

/* Returns the handle even when opening failed (then it carries the error message), or NULL. */
EXPORT sqlite3 *sqlite_jvm_open(const char *zFilename, int flags) {
  sqlite3 *db = 0;
  last_rc = sqlite3_open_v2(zFilename, &db, flags, 0);
  if (db) sqlite3_extended_result_codes(db, 1);
  return db;
}

/* NULL with last_rc OK means the SQL held only white space or comments. */
EXPORT sqlite3_stmt *sqlite_jvm_prepare(sqlite3 *db, const char *zSql, int nByte, unsigned int prepFlags) {
  sqlite3_stmt *stmt = 0;
  const char *tail = zSql;
  last_rc = sqlite3_prepare_v3(db, zSql, nByte, prepFlags, &stmt, &tail);
  last_tail = tail ? (int)(tail - zSql) : nByte;
  return stmt;
}

EXPORT sqlite3_blob *sqlite_jvm_blob_open(sqlite3 *db, const char *zDb, const char *zTable,
                                          const char *zColumn, sqlite3_int64 rowid, int writable) {
  sqlite3_blob *blob = 0;
  last_rc = sqlite3_blob_open(db, zDb, zTable, zColumn, rowid, writable, &blob);
  return blob;
}

/* The serialized bytes (free with sqlite3_free); their count in last_size. */
EXPORT unsigned char *sqlite_jvm_serialize(sqlite3 *db, const char *zSchema) {
  last_size = 0;
  return sqlite3_serialize(db, zSchema, &last_size, 0);
}

EXPORT int sqlite_jvm_compile_option_count(void) {
  int n = 0;
  while (sqlite3_compileoption_get(n)) n++;
  return n;
}

/* Session extension: record changes to the tables of one schema. */
EXPORT sqlite3_session *sqlite_jvm_session_create(sqlite3 *db, const char *zDb) {
  sqlite3_session *session = 0;
  last_rc = sqlite3session_create(db, zDb, &session);
  if (last_rc == SQLITE_OK) last_rc = sqlite3session_attach(session, 0);
  return session;
}

/* The changeset bytes (free with sqlite3_free); their count in last_size. */
EXPORT void *sqlite_jvm_session_changeset(sqlite3_session *session) {
  int n = 0;
  void *p = 0;
  last_rc = sqlite3session_changeset(session, &n, &p);
  last_size = n;
  return p;
}

static int conflict_action(void *pCtx, int eConflict, sqlite3_changeset_iter *iter) {
  (void)eConflict; (void)iter;
  return (int)(long)pCtx;
}

/* Applies a changeset; every conflict gets the same answer (SQLITE_CHANGESET_OMIT/REPLACE/ABORT). */
EXPORT int sqlite_jvm_changeset_apply(sqlite3 *db, int nChangeset, void *pChangeset, int onConflict) {
  return sqlite3changeset_apply(db, nChangeset, pChangeset, 0, conflict_action, (void *)(long)onConflict);
}
