package dev.huzhu.privacy;

import dev.huzhu.protocol.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The plaintext of one evidence document: the claimant's files in a zip (file names only, no
 * directories), sealed as one {@link SealedDocument}. Unpacking refuses names that would leave the
 * output directory and never overwrites a file.
 */
public final class EvidenceBundle {
    private EvidenceBundle() {}

    /** Reads and zips {@code files}; a missing or duplicate-named file is refused before anything is sent. */
    public static byte[] pack(List<Path> files) {
        Map<String, byte[]> named = new LinkedHashMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (named.containsKey(name)) {
                throw new InvalidInputException("two evidence files are named " + name + ": rename one");
            }
            try {
                named.put(name, Files.readAllBytes(f));
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("evidence file " + f + " does not exist");
            } catch (IOException e) {
                throw new InvalidInputException("cannot read evidence file " + f + ": " + e.getMessage());
            }
        }
        return zip(named);
    }

    static byte[] zip(Map<String, byte[]> named) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : named.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0); // no local clock in the ciphertext's plaintext
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files of a bundle, by name. */
    public static Map<String, byte[]> unpack(byte[] bundle) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
                    throw new SealedDocument.Tampered("the evidence bundle holds a file named '" + name + "': refused");
                }
                files.put(name, zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new SealedDocument.Tampered("the evidence bundle is not a readable zip: " + e.getMessage());
        }
        return files;
    }

    /** Writes the bundle's files into {@code dir} (created); refuses to overwrite. Returns the written paths. */
    public static List<Path> writeTo(Map<String, byte[]> files, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String name : files.keySet()) {
                if (Files.exists(dir.resolve(name))) {
                    throw new InvalidInputException(dir.resolve(name) + " already exists: choose another --out directory");
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                written.add(Files.write(dir.resolve(e.getKey()), e.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW));
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot write into " + dir + ": " + e.getMessage());
        }
        return written;
    }
}
