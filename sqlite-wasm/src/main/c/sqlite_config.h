/*
 * Compile options for sqlite-jvm's build of SQLite. Force-included before sqlite3.c and the glue
 * (clang -include), so this one header is the whole configuration.
 */
#ifndef SQLITE_JVM_CONFIG_H
#define SQLITE_JVM_CONFIG_H

/* No operating system: every file operation goes through the Java VFS (vfs_bridge.c). */
#define SQLITE_OS_OTHER 1
/* One wasm instance per connection, used by one thread at a time. */
#define SQLITE_THREADSAFE 0
#define SQLITE_DQS 0
#define SQLITE_DEFAULT_MEMSTATUS 0
#define SQLITE_USE_URI 1
#define SQLITE_OMIT_LOAD_EXTENSION 1
#define SQLITE_OMIT_SHARED_CACHE 1
/* Guards API entry points against NULL and misuse: a bad call returns SQLITE_MISUSE, not a trap. */
#define SQLITE_ENABLE_API_ARMOR 1
/* No mmap in wasm; PRAGMA mmap_size is accepted and stays 0. */
#define SQLITE_MAX_MMAP_SIZE 0

/* Limits as xerial sqlite-jdbc builds them, so the same SQL fits in both. */
#define SQLITE_MAX_VARIABLE_NUMBER 250000
#define SQLITE_MAX_LENGTH 2147483647
#define SQLITE_MAX_COLUMN 32767
#define SQLITE_MAX_SQL_LENGTH 1073741824
#define SQLITE_MAX_FUNCTION_ARG 127
#define SQLITE_MAX_ATTACHED 125
#define SQLITE_MAX_PAGE_COUNT 4294967294
#define SQLITE_DEFAULT_FILE_PERMISSIONS 0644

/* Features. */
#define SQLITE_ENABLE_FTS3 1
#define SQLITE_ENABLE_FTS3_PARENTHESIS 1
#define SQLITE_ENABLE_FTS5 1
#define SQLITE_ENABLE_RTREE 1
#define SQLITE_ENABLE_GEOPOLY 1
#define SQLITE_ENABLE_MATH_FUNCTIONS 1
#define SQLITE_ENABLE_STAT4 1
#define SQLITE_ENABLE_DBSTAT_VTAB 1
/* sqlite_dbpage: raw page reads and writes inside SQLite transactions (replication module). */
#define SQLITE_ENABLE_DBPAGE_VTAB 1
#define SQLITE_ENABLE_COLUMN_METADATA 1
#define SQLITE_ENABLE_PERCENTILE 1
#define SQLITE_ENABLE_UPDATE_DELETE_LIMIT 1
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#define SQLITE_SOUNDEX 1

/*
 * wasi-libc has no time zone database, so its localtime() is UTC. SQLite's 'localtime' and 'utc'
 * date modifiers call localtime_r; route that to the glue, which asks the JVM for the zone offset.
 */
#define HAVE_LOCALTIME_R 1
#define localtime_r sqlite_jvm_localtime_r

#endif
