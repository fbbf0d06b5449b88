/*
 * The only VFS of this build (SQLITE_OS_OTHER): every method forwards to a host import, where the
 * Java VFS of the connection does the work. A file is known to both sides by an integer handle that
 * Java assigns in vfs_open; C keeps it in the sqlite3_file subclass.
 */
#include <stdlib.h>
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
HOST_IMPORT(shm_map) int host_shm_map(int h, int iRegion, int szRegion, int bExtend, void *pLocal);
HOST_IMPORT(shm_lock) int host_shm_lock(int h, int offset, int n, int flags);
HOST_IMPORT(shm_barrier) void host_shm_barrier(int h);
HOST_IMPORT(shm_unmap) int host_shm_unmap(int h, int deleteFlag);

/* host_shm_map's answer when the region lies beyond the -shm file and bExtend is 0. */
#define SHM_REGION_ABSENT SQLITE_NOTFOUND

/*
 * WAL-index regions live in this instance's linear memory, because SQLite dereferences them; Java
 * keeps each one in step with the shared -shm mapping at SQLite's lock and barrier points.
 */
typedef struct JvmFile {
  sqlite3_file base;
  int handle;
  int nShm;             /* entries in apShm */
  void **apShm;         /* region i, or NULL if not mapped yet */
  int shmReadOnly;      /* the -shm file is read-only: xShmMap answers SQLITE_READONLY */
} JvmFile;

#define HANDLE(pFile) (((JvmFile *)(pFile))->handle)

static void freeShmRegions(JvmFile *file) {
  for (int i = 0; i < file->nShm; i++) free(file->apShm[i]);
  free(file->apShm);
  file->apShm = 0;
  file->nShm = 0;
}

static int jvmClose(sqlite3_file *f) {
  freeShmRegions((JvmFile *)f);
  return host_file_close(HANDLE(f));
}
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

static int jvmShmMap(sqlite3_file *f, int iRegion, int szRegion, int bExtend, void volatile **pp) {
  JvmFile *file = (JvmFile *)f;
  *pp = 0;
  if (iRegion >= file->nShm) {
    int n = iRegion + 1;
    void **a = realloc(file->apShm, n * sizeof(void *));
    if (!a) return SQLITE_NOMEM;
    memset(a + file->nShm, 0, (n - file->nShm) * sizeof(void *));
    file->apShm = a;
    file->nShm = n;
  }
  if (!file->apShm[iRegion]) {
    void *p = aligned_alloc(8, szRegion);
    if (!p) return SQLITE_NOMEM;
    int rc = host_shm_map(file->handle, iRegion, szRegion, bExtend, p);
    if (rc == SHM_REGION_ABSENT) {
      free(p);
      return SQLITE_OK;
    }
    if (rc != SQLITE_OK && rc != SQLITE_READONLY) {
      free(p);
      return rc;
    }
    file->shmReadOnly = rc == SQLITE_READONLY;
    file->apShm[iRegion] = p;
  }
  *pp = file->apShm[iRegion];
  return file->shmReadOnly ? SQLITE_READONLY : SQLITE_OK;
}
static int jvmShmLock(sqlite3_file *f, int offset, int n, int flags) {
  return host_shm_lock(HANDLE(f), offset, n, flags);
}
static void jvmShmBarrier(sqlite3_file *f) { host_shm_barrier(HANDLE(f)); }
static int jvmShmUnmap(sqlite3_file *f, int deleteFlag) {
  int rc = host_shm_unmap(HANDLE(f), deleteFlag);
  freeShmRegions((JvmFile *)f);
  return rc;
}

static const sqlite3_io_methods jvmIoMethods = {
  2, jvmClose, jvmRead, jvmWrite, jvmTruncate, jvmSync, jvmFileSize, jvmLock, jvmUnlock,
  jvmCheckReservedLock, jvmFileControl, jvmSectorSize, jvmDeviceCharacteristics,
  jvmShmMap, jvmShmLock, jvmShmBarrier, jvmShmUnmap, 0, 0
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
