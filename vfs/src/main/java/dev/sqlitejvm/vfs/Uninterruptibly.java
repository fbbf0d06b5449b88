package dev.sqlitejvm.vfs;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Channel calls that would close the channel if the calling thread were interrupted. The channels
 * here carry OS locks of every connection of the JVM on a file, so an interrupt aimed at one query
 * must not close them: the interrupt status is set aside for the call and restored after it.
 */
final class Uninterruptibly {
    private Uninterruptibly() {
    }

    static MappedByteBuffer map(FileChannel channel, FileChannel.MapMode mode, long position, long size)
            throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            return channel.map(mode, position, size);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
