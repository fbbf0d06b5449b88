/*
 * Trampolines from SQLite's C callbacks to Java. Java registers a callback object in a per-instance
 * table and passes its integer id; the id travels as SQLite's user-data pointer and comes back to
 * Java with each call.
 */
#include <stdint.h>
#include "sqlite3.h"
#include "host.h"

HOST_IMPORT(fn_call) void host_fn_call(int id, sqlite3_context *ctx, int argc, sqlite3_value **argv);
HOST_IMPORT(fn_step) void host_fn_step(int id, sqlite3_context *ctx, int *state, int argc, sqlite3_value **argv);
HOST_IMPORT(fn_inverse) void host_fn_inverse(int id, sqlite3_context *ctx, int *state, int argc, sqlite3_value **argv);
HOST_IMPORT(fn_value) void host_fn_value(int id, sqlite3_context *ctx, int *state);
HOST_IMPORT(fn_final) void host_fn_final(int id, sqlite3_context *ctx, int *state);
HOST_IMPORT(callback_release) void host_callback_release(int id);
HOST_IMPORT(collation_compare) int host_collation_compare(int id, int n1, const void *p1, int n2, const void *p2);
HOST_IMPORT(busy_handler) int host_busy_handler(int id, int count);
HOST_IMPORT(progress_handler) int host_progress_handler(int id);
HOST_IMPORT(commit_hook) int host_commit_hook(int id);
HOST_IMPORT(rollback_hook) void host_rollback_hook(int id);
HOST_IMPORT(update_hook) void host_update_hook(int id, int op, const char *zDb, const char *zTable, long long rowid);
HOST_IMPORT(wal_hook) int host_wal_hook(int id, const char *zDb, int nPages);

#define ID(p) ((int)(intptr_t)(p))
#define PTR(id) ((void *)(intptr_t)(id))

/* An aggregate's per-group state: one int that Java sets to its own state id on the first step. */
static int *aggregate_state(sqlite3_context *ctx, int create) {
  return (int *)sqlite3_aggregate_context(ctx, create ? (int)sizeof(int) : 0);
}

static void fn_call(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  host_fn_call(ID(sqlite3_user_data(ctx)), ctx, argc, argv);
}
static void fn_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int *state = aggregate_state(ctx, 1);
  if (!state) { sqlite3_result_error_nomem(ctx); return; }
  host_fn_step(ID(sqlite3_user_data(ctx)), ctx, state, argc, argv);
}
static void fn_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  host_fn_inverse(ID(sqlite3_user_data(ctx)), ctx, aggregate_state(ctx, 1), argc, argv);
}
static void fn_value(sqlite3_context *ctx) {
  host_fn_value(ID(sqlite3_user_data(ctx)), ctx, aggregate_state(ctx, 0));
}
static void fn_final(sqlite3_context *ctx) {
  host_fn_final(ID(sqlite3_user_data(ctx)), ctx, aggregate_state(ctx, 0));
}
static void callback_release(void *p) { host_callback_release(ID(p)); }

enum { FUNCTION_SCALAR = 0, FUNCTION_AGGREGATE = 1, FUNCTION_WINDOW = 2, FUNCTION_REMOVE = 3 };

/* Registers a Java function (kind: 0 scalar, 1 aggregate, 2 window), or removes one (kind 3, id 0). */
EXPORT int sqlite_jvm_create_function(sqlite3 *db, const char *zName, int nArg, int flags, int id, int kind) {
  switch (kind) {
    case FUNCTION_SCALAR:
      return sqlite3_create_function_v2(db, zName, nArg, flags, PTR(id), fn_call, 0, 0, callback_release);
    case FUNCTION_AGGREGATE:
      return sqlite3_create_function_v2(db, zName, nArg, flags, PTR(id), 0, fn_step, fn_final, callback_release);
    case FUNCTION_WINDOW:
      return sqlite3_create_window_function(db, zName, nArg, flags, PTR(id), fn_step, fn_final,
                                            fn_value, fn_inverse, callback_release);
    case FUNCTION_REMOVE:
      return sqlite3_create_function_v2(db, zName, nArg, flags, 0, 0, 0, 0, 0);
    default:
      return SQLITE_MISUSE;
  }
}

static int collation_compare(void *p, int n1, const void *p1, int n2, const void *p2) {
  return host_collation_compare(ID(p), n1, p1, n2, p2);
}

EXPORT int sqlite_jvm_create_collation(sqlite3 *db, const char *zName, int id) {
  return sqlite3_create_collation_v2(db, zName, SQLITE_UTF8, PTR(id), collation_compare, callback_release);
}

static int busy_handler(void *p, int count) { return host_busy_handler(ID(p), count); }
static int progress_handler(void *p) { return host_progress_handler(ID(p)); }
static int commit_hook(void *p) { return host_commit_hook(ID(p)); }
static void rollback_hook(void *p) { host_rollback_hook(ID(p)); }
static void update_hook(void *p, int op, const char *zDb, const char *zTable, sqlite3_int64 rowid) {
  host_update_hook(ID(p), op, zDb, zTable, rowid);
}
static int wal_hook(void *p, sqlite3 *db, const char *zDb, int nPages) {
  (void)db;
  return host_wal_hook(ID(p), zDb, nPages);
}

/* Each setter takes id 0 to remove the handler. */
EXPORT int sqlite_jvm_busy_handler(sqlite3 *db, int id) {
  return sqlite3_busy_handler(db, id ? busy_handler : 0, PTR(id));
}
EXPORT void sqlite_jvm_progress_handler(sqlite3 *db, int nOps, int id) {
  sqlite3_progress_handler(db, id ? nOps : 0, id ? progress_handler : 0, PTR(id));
}
EXPORT void sqlite_jvm_commit_hook(sqlite3 *db, int id) {
  sqlite3_commit_hook(db, id ? commit_hook : 0, PTR(id));
}
EXPORT void sqlite_jvm_rollback_hook(sqlite3 *db, int id) {
  sqlite3_rollback_hook(db, id ? rollback_hook : 0, PTR(id));
}
EXPORT void sqlite_jvm_update_hook(sqlite3 *db, int id) {
  sqlite3_update_hook(db, id ? update_hook : 0, PTR(id));
}
EXPORT void sqlite_jvm_wal_hook(sqlite3 *db, int id) {
  sqlite3_wal_hook(db, id ? wal_hook : 0, PTR(id));
}
