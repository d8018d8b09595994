package dev.huzhu.indexer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM: Debian's `postgresql` binaries,
 * initdb into a temporary directory, pg_ctl start on a free port (as the `postgres` user when
 * running as root), stopped when the JVM exits. scripts/lib/setup installs the package.
 */
public final class PostgresServer {
    private static PostgresServer shared;
    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "postgres-stop"));
        }
        return shared;
    }

    /** A new, empty database; its JDBC URL. */
    public String createDatabase() {
        String name = "huzhu_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** More server settings, e.g. {@code -Dhuzhu.pg.options="-c shared_buffers=1GB"} (scripts/bench-indexer --pg-options). */
    private static final String EXTRA = System.getProperty("huzhu.pg.options", "").isBlank() ? "" : " " + System.getProperty("huzhu.pg.options");

    private static PostgresServer start() {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("huzhu-pg-");
            Path data = dir.resolve("data");
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false, dir);
            }
            int port = dev.huzhu.devnet.HardhatNode.freePort();
            PostgresServer s = new PostgresServer(bin, data, port, root);
            s.pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync", "--no-instructions"), dir);
            s.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" + EXTRA, "start"), dir);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server (as an operator's restart does: clients are disconnected), runs {@code meanwhile}, and starts it
     * again on the same port with the same data.
     */
    public synchronized <T> T stopForAWhile(java.util.concurrent.Callable<T> meanwhile) throws Exception {
        Path dir = dataDir.getParent();
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), dir);
        try {
            return meanwhile.call();
        } finally {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" + EXTRA, "start"), dir);
        }
    }

    private void stop() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"), dataDir.getParent());
            try (Stream<Path> files = Files.walk(dataDir.getParent())) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (RuntimeException | IOException ignored) {
            // best effort at JVM exit
        }
    }

    private void pg(List<String> command, Path dir) {
        run(command, asPostgresUser, dir);
    }

    private static void run(List<String> command, boolean asPostgres, Path dir) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path findBin() {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                        .orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            } catch (IOException ignored) {
                // fall through
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/lib/setup");
    }
}
