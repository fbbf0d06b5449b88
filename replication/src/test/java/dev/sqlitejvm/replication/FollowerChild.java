package dev.sqlitejvm.replication;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link FollowerCrashTest}: follows a change-set directory into a replica
 * (synchronous=FULL) without pause until it reaches the txid given, printing its position as it
 * starts, "at N" after each applied transaction and "done N" at the end. The parent reads the
 * progress lines to kill it with SIGKILL mid-stream however fast the machine is.
 */
public final class FollowerChild {
    public static void main(String[] args) throws Exception {
        Path ship = Path.of(args[0]);
        Path replicaPath = Path.of(args[1]);
        long target = Long.parseLong(args[2]);
        try (DirectoryTransport.Follower follower = new DirectoryTransport.Follower(ship, Replica.open(replicaPath, true))) {
            Position start = follower.replica().position();
            System.out.println("ready " + (start == null ? -1 : start.txid()));
            System.out.flush();
            while (follower.replica().position() == null || follower.replica().position().txid() < target) {
                if (follower.poll(1) == 1) {
                    System.out.println("at " + follower.replica().position().txid());
                    System.out.flush();
                }
            }
            System.out.println("done " + follower.replica().position().txid());
            System.out.flush();
        }
    }
}
