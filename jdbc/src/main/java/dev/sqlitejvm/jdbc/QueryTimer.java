package dev.sqlitejvm.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for every query timeout in the JVM: when a timeout expires it interrupts the
 * statement's connection (SQLite's interrupt, which the running step notices within a few
 * thousand virtual-machine steps).
 */
final class QueryTimer {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "sqlite-jvm-query-timeout");
        thread.setDaemon(true);
        return thread;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private QueryTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable onTimeout, int seconds) {
        return TIMER.schedule(onTimeout, seconds, TimeUnit.SECONDS);
    }
}
