/*
 * The only VFS of this build (SQLITE_OS_OTHER): every method forwards to a host import, where the
 * Java VFS of the connection does the work. A file is known to both sides by an integer handle that
 * Java assigns in vfs_open; C keeps it in the sqlite3_file subclass.
 */
#include <string.h>
#include <time.h>
#include "sqlite3.h"
#include "host.h"

HOST_IMPORT(vfs_open) int host_vfs_open(const char *zName, int flags, int *pHandle, int *pOutFlags);
HOST_IMPORT(vfs_delete) int host_vfs_delete(const char *zName, int syncDir);
HOST_IMPORT(vfs_access) int host_vfs_access(const char *zName, int flags, int *pResOut);
HOST_IMPORT(vfs_full_pathname) int host_vfs_full_pathname(const char *zName, int nOut, char *zOut);
HOST_IMPORT(vfs_randomness) void host_vfs_randomness(int nByte, char *zOut);
HOST_IMPORT(vfs_sleep) void host_vfs_sleep(int micros);
HOST_IMPORT(vfs_current_time_millis) long long host_vfs_current_time_millis(void);
HOST_IMPORT(vfs_zone_offset) int host_vfs_zone_offset(long long epochSeconds);

HOST_IMPORT(file_close) int host_file_close(int h);
HOST_IMPORT(file_read) int host_file_read(int h, void *buf, int amt, long long offset);
HOST_IMPORT(file_write) int host_file_write(int h, const void *buf, int amt, long long offset);
HOST_IMPORT(file_truncate) int host_file_truncate(int h, long long size);
HOST_IMPORT(file_sync) int host_file_sync(int h, int flags);
HOST_IMPORT(file_size) int host_file_size(int h, long long *pSize);
HOST_IMPORT(file_lock) int host_file_lock(int h, int level);
HOST_IMPORT(file_unlock) int host_file_unlock(int h, int level);
HOST_IMPORT(file_check_reserved_lock) int host_file_check_reserved_lock(int h, int *pResOut);
HOST_IMPORT(file_sector_size) int host_file_sector_size(int h);
HOST_IMPORT(file_device_characteristics) int host_file_device_characteristics(int h);

typedef struct JvmFile {
  sqlite3_file base;
  int handle;
} JvmFile;

#define HANDLE(pFile) (((JvmFile *)(pFile))->handle)

static int jvmClose(sqlite3_file *f) { return host_file_close(HANDLE(f)); }
static int jvmRead(sqlite3_file *f, void *buf, int amt, sqlite3_int64 off) {
  return host_file_read(HANDLE(f), buf, amt, off);
}
static int jvmWrite(sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off) {
  return host_file_write(HANDLE(f), buf, amt, off);
}
static int jvmTruncate(sqlite3_file *f, sqlite3_int64 size) {
  return host_file_truncate(HANDLE(f), size);
}
static int jvmSync(sqlite3_file *f, int flags) { return host_file_sync(HANDLE(f), flags); }
static int jvmFileSize(sqlite3_file *f, sqlite3_int64 *pSize) {
  return host_file_size(HANDLE(f), pSize);
}
static int jvmLock(sqlite3_file *f, int level) { return host_file_lock(HANDLE(f), level); }
static int jvmUnlock(sqlite3_file *f, int level) { return host_file_unlock(HANDLE(f), level); }
static int jvmCheckReservedLock(sqlite3_file *f, int *pResOut) {
  return host_file_check_reserved_lock(HANDLE(f), pResOut);
}
static int jvmFileControl(sqlite3_file *f, int op, void *pArg) {
  (void)f; (void)op; (void)pArg;
  return SQLITE_NOTFOUND;
}
static int jvmSectorSize(sqlite3_file *f) { return host_file_sector_size(HANDLE(f)); }
static int jvmDeviceCharacteristics(sqlite3_file *f) {
  return host_file_device_characteristics(HANDLE(f));
}

static const sqlite3_io_methods jvmIoMethods = {
  1, jvmClose, jvmRead, jvmWrite, jvmTruncate, jvmSync, jvmFileSize, jvmLock, jvmUnlock,
  jvmCheckReservedLock, jvmFileControl, jvmSectorSize, jvmDeviceCharacteristics,
  0, 0, 0, 0, 0, 0
};

static int jvmOpen(sqlite3_vfs *vfs, const char *zName, sqlite3_file *f, int flags, int *pOutFlags) {
  (void)vfs;
  JvmFile *file = (JvmFile *)f;
  int outFlags = flags;
  memset(file, 0, sizeof(*file));
  int rc = host_vfs_open(zName, flags, &file->handle, &outFlags);
  if (rc != SQLITE_OK) return rc; /* pMethods stays NULL: SQLite will not call xClose */
  file->base.pMethods = &jvmIoMethods;
  if (pOutFlags) *pOutFlags = outFlags;
  return SQLITE_OK;
}

static int jvmDelete(sqlite3_vfs *vfs, const char *zName, int syncDir) {
  (void)vfs;
  return host_vfs_delete(zName, syncDir);
}
static int jvmAccess(sqlite3_vfs *vfs, const char *zName, int flags, int *pResOut) {
  (void)vfs;
  return host_vfs_access(zName, flags, pResOut);
}
static int jvmFullPathname(sqlite3_vfs *vfs, const char *zName, int nOut, char *zOut) {
  (void)vfs;
  return host_vfs_full_pathname(zName, nOut, zOut);
}
static int jvmRandomness(sqlite3_vfs *vfs, int nByte, char *zOut) {
  (void)vfs;
  host_vfs_randomness(nByte, zOut);
  return nByte;
}
static int jvmSleep(sqlite3_vfs *vfs, int micros) {
  (void)vfs;
  host_vfs_sleep(micros);
  return micros;
}
/* Julian day number of the Unix epoch, in milliseconds. */
#define UNIX_EPOCH_JULIAN_MS 210866760000000LL
static int jvmCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *pNow) {
  (void)vfs;
  *pNow = UNIX_EPOCH_JULIAN_MS + host_vfs_current_time_millis();
  return SQLITE_OK;
}
static int jvmCurrentTime(sqlite3_vfs *vfs, double *pNow) {
  sqlite3_int64 now;
  jvmCurrentTimeInt64(vfs, &now);
  *pNow = now / 86400000.0;
  return SQLITE_OK;
}
static int jvmGetLastError(sqlite3_vfs *vfs, int n, char *z) {
  (void)vfs; (void)n; (void)z;
  return 0;
}

static sqlite3_vfs jvmVfs = {
  2,                  /* iVersion: up to xCurrentTimeInt64 */
  sizeof(JvmFile),
  1024,               /* mxPathname */
  0,                  /* pNext */
  "jvm",
  0,                  /* pAppData */
  jvmOpen, jvmDelete, jvmAccess, jvmFullPathname,
  0, 0, 0, 0,         /* no loadable extensions */
  jvmRandomness, jvmSleep, jvmCurrentTime, jvmGetLastError, jvmCurrentTimeInt64,
  0, 0, 0
};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&jvmVfs, 1); }
int sqlite3_os_end(void) { return SQLITE_OK; }

/* See sqlite_config.h: SQLite's localtime_r, with the offset of the JVM's default time zone. */
struct tm *sqlite_jvm_localtime_r(const time_t *t, struct tm *out) {
  time_t local = *t + host_vfs_zone_offset((long long)*t);
  return gmtime_r(&local, out);
}
