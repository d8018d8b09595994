package dev.huzhu.indexer;

import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/** The databases every indexer test runs against: an SQLite file and a real PostgreSQL server. */
public final class TestDatabases {
    private TestDatabases() {}

    /** sqlite and postgresql; -Dhuzhu.test.db=sqlite (or postgresql) narrows it while developing. */
    public static Stream<String> kinds() {
        String only = System.getProperty("huzhu.test.db");
        return only == null || only.isBlank() ? Stream.of("sqlite", "postgresql") : Stream.of(only);
    }

    /** A fresh, empty database of {@code kind}; its JDBC URL. */
    public static String fresh(String kind, Path tempDir) {
        return switch (kind) {
            case "sqlite" -> "jdbc:sqlite:" + tempDir.resolve("index-" + UUID.randomUUID() + ".db");
            case "postgresql" -> PostgresServer.shared().createDatabase();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
