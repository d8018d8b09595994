package dev.huzhu.chain;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A per-account file lock held from reading the pending nonce until the node has the signed
 * transaction, so two {@code huzhu} processes signing for the same account never pick the same nonce.
 */
public final class NonceLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private NonceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Blocks until the lock for {@code address} on {@code chainId} is held; a null dir means no locking. */
    public static NonceLock acquire(Path lockDir, long chainId, String address) {
        if (lockDir == null) {
            return new NonceLock(null, null);
        }
        try {
            Files.createDirectories(lockDir);
            FileChannel ch = FileChannel.open(lockDir.resolve(chainId + "-" + address.toLowerCase() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new NonceLock(ch, ch.lock());
        } catch (IOException e) {
            throw new NetworkException("cannot lock the nonce of " + address + " in " + lockDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the OS drops the lock with the process anyway
        }
    }
}
