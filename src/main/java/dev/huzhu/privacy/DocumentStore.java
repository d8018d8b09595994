package dev.huzhu.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The content-addressed document store on a local directory: one file per document, named by its
 * {@link Cid}. A document is written to a temporary file and moved into place, so a reader never
 * sees half of one; every read hashes the bytes again and refuses a file that no longer matches its
 * id (disk corruption, an edited file). Documents larger than {@link #maxBytes()} are refused.
 * Nothing is ever deleted by the store (retention: until the operator removes files; docs/privacy.md).
 */
public final class DocumentStore {
    /** Default size limit of one document: 8 MiB (an evidence bundle of a few scans). */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    private final Path dir;
    private final long maxBytes;

    public DocumentStore(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the document store " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Stores {@code content} (idempotent: the same bytes give the same id) and returns its id. */
    public Cid put(byte[] content) {
        if (content.length > maxBytes) {
            throw new DocumentTooLarge(content.length, maxBytes);
        }
        Cid id = Cid.of(content);
        Path target = dir.resolve(id.toString());
        if (Files.exists(target) && get(id).isPresent()) {
            return id;
        }
        try {
            Path tmp = Files.createTempFile(dir, ".put-", ".tmp");
            try {
                Files.write(tmp, content);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write document " + id + ": " + e.getMessage(), e);
        }
        return id;
    }

    /** The document, its hash checked; empty when the store does not hold it. */
    public Optional<byte[]> get(Cid id) {
        byte[] content;
        try {
            content = Files.readAllBytes(dir.resolve(id.toString()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + id + ": " + e.getMessage(), e);
        }
        if (!id.matches(content)) {
            throw new TamperedDocument(id);
        }
        return Optional.of(content);
    }

    /** A document over the size limit. */
    public static final class DocumentTooLarge extends RuntimeException {
        public DocumentTooLarge(long size, long max) {
            super("document too large: " + size + " bytes, the store's limit is " + max + " bytes");
        }
    }

    /** A stored or received document whose bytes no longer hash to its id. */
    public static final class TamperedDocument extends RuntimeException {
        public TamperedDocument(Cid id) {
            super("document " + id + " does not match its id (altered or corrupted): refused");
        }
    }
}
