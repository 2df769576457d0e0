/*
 * fault_inject.c: an LD_PRELOAD library for Casebook's crash and I/O-fault tests.
 *
 * It counts the calls that change files (write, pwrite, writev, fsync, fdatasync, ftruncate on
 * regular files; rename, unlink, mkdir, rmdir) made by one process — not writes to pipes or
 * terminals, whose number depends on timing — and, as told by the environment:
 *
 *   CASEBOOK_FAULT_KILL_AT=N     SIGKILL the process just before its Nth counted call
 *   CASEBOOK_FAULT_BYTES=N       let N bytes be written to regular files, then fail every
 *                                further write with ENOSPC (a disk that is full from then on)
 *   CASEBOOK_FAULT_COUNT_FILE=P  write the number of counted calls to P when the process exits
 *   CASEBOOK_FAULT_PARENT=PID    act only in the process whose parent is PID (not in the
 *                                worker processes it starts, which inherit LD_PRELOAD)
 *
 * Both faults are chosen by counting, never by timing, so a kill point or a fill level is the
 * same on every run of the same workload. Build: cc -shared -fPIC -O2 -o fault_inject.so
 * fault_inject.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static int initialised;
static int active;
static long long kill_at = -1;
static long long byte_budget = -1;
static long long calls;
static long long bytes_written;
static char count_file[4096];

static void report_count(void) {
    if (!active || !count_file[0]) return;
    int (*real_open)(const char *, int, ...) = dlsym(RTLD_NEXT, "open");
    ssize_t (*real_write)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
    int fd = real_open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return;
    char text[64];
    int length = snprintf(text, sizeof text, "%lld %lld\n", calls, bytes_written);
    real_write(fd, text, (size_t)length);
    close(fd);
}

static void initialise(void) {
    if (initialised) return;
    initialised = 1;
    const char *parent = getenv("CASEBOOK_FAULT_PARENT");
    if (!parent || atol(parent) != (long)getppid()) return;
    active = 1;
    const char *value = getenv("CASEBOOK_FAULT_KILL_AT");
    if (value && *value) kill_at = atoll(value);
    value = getenv("CASEBOOK_FAULT_BYTES");
    if (value && *value) byte_budget = atoll(value);
    value = getenv("CASEBOOK_FAULT_COUNT_FILE");
    if (value) {
        strncpy(count_file, value, sizeof count_file - 1);
        atexit(report_count);
    }
}

static int is_regular(int fd) {
    struct stat info;
    return fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
}

/* One counted call: the kill point is checked before the call takes effect. */
static void counted(void) {
    initialise();
    if (!active) return;
    calls++;
    if (kill_at > 0 && calls >= kill_at) {
        report_count();
        kill(getpid(), SIGKILL);
    }
}

/* A call on a descriptor counts only when it is a regular file. */
static void counted_fd(int fd) {
    initialise();
    if (active && is_regular(fd)) counted();
}

/* 0 when the write may go ahead, -1 (errno ENOSPC) when the budget is spent. Bytes written
 * to regular files are counted in every mode (the counting run measures the workload). */
static int spend(int fd, size_t count) {
    if (!active || !is_regular(fd)) return 0;
    if (byte_budget >= 0 && bytes_written + (long long)count > byte_budget) {
        errno = ENOSPC;
        return -1;
    }
    bytes_written += (long long)count;
    return 0;
}

#define REAL(name) static __typeof__(name) *real; if (!real) real = dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buffer, size_t count) {
    REAL(write);
    counted_fd(fd);
    if (spend(fd, count)) return -1;
    return real(fd, buffer, count);
}

ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite);
    counted_fd(fd);
    if (spend(fd, count)) return -1;
    return real(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void *buffer, size_t count, off_t offset) {
    REAL(pwrite64);
    counted_fd(fd);
    if (spend(fd, count)) return -1;
    return real(fd, buffer, count, offset);
}

static size_t iov_total(const struct iovec *iov, int count) {
    size_t total = 0;
    for (int i = 0; i < count; i++) total += iov[i].iov_len;
    return total;
}

ssize_t writev(int fd, const struct iovec *iov, int count) {
    REAL(writev);
    counted_fd(fd);
    if (spend(fd, iov_total(iov, count))) return -1;
    return real(fd, iov, count);
}

ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset) {
    REAL(pwritev);
    counted_fd(fd);
    if (spend(fd, iov_total(iov, count))) return -1;
    return real(fd, iov, count, offset);
}

int fsync(int fd) { REAL(fsync); counted_fd(fd); return real(fd); }
int fdatasync(int fd) { REAL(fdatasync); counted_fd(fd); return real(fd); }
int ftruncate(int fd, off_t length) { REAL(ftruncate); counted_fd(fd); return real(fd, length); }
int ftruncate64(int fd, off_t length) {
    REAL(ftruncate64);
    counted_fd(fd);
    return real(fd, length);
}
int rename(const char *from, const char *to) { REAL(rename); counted(); return real(from, to); }
int renameat(int a, const char *from, int b, const char *to) {
    REAL(renameat);
    counted();
    return real(a, from, b, to);
}
int renameat2(int a, const char *from, int b, const char *to, unsigned int flags) {
    REAL(renameat2);
    counted();
    return real(a, from, b, to, flags);
}
int unlink(const char *path) { REAL(unlink); counted(); return real(path); }
int unlinkat(int dir, const char *path, int flags) {
    REAL(unlinkat);
    counted();
    return real(dir, path, flags);
}
int mkdir(const char *path, mode_t mode) { REAL(mkdir); counted(); return real(path, mode); }
int rmdir(const char *path) { REAL(rmdir); counted(); return real(path); }
