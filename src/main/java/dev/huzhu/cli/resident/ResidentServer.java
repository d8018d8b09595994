package dev.huzhu.cli.resident;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resident reader: one JVM per config directory that stays warm and runs the read-only commands
 * ({@link ResidentCommands}) for the launcher, so that `pool list` costs a loopback round trip instead of a
 * JVM start. It listens on 127.0.0.1 only, answers only requests carrying the token in its private endpoint
 * file, runs one request at a time, never prompts, never unlocks a keystore, and exits when idle
 * ({@code HUZHU_RESIDENT_IDLE} seconds, default 900), when its endpoint is removed or replaced, or when the
 * jar it was started from changes. docs/cli.md "The resident reader".
 */
public final class ResidentServer {
    /** The system property that makes {@code HuzhuCommand.main} serve instead of running a command. */
    public static final String PROPERTY = "huzhu.resident";
    static final Duration TICK = Duration.ofSeconds(2);
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(15);
    static final Duration STALE_RUN_FILES = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ResidentServer.class);

    private final Path dir;
    private final Path runsDir;
    private final Duration idle;
    private final Path jar;
    private final long jarModified;
    private long served;

    ResidentServer(Path dir, Duration idle, Path jar) throws IOException {
        this.dir = dir;
        this.runsDir = dir.resolve("runs");
        this.idle = idle;
        this.jar = jar;
        this.jarModified = jar == null ? 0 : Files.getLastModifiedTime(jar).toMillis();
    }

    /** Serves until idle; returns at once when another resident process holds this config directory. */
    public static void serve(Path configDir, java.util.Map<String, String> env) throws IOException {
        Path dir = ResidentEndpoint.dir(configDir);
        ResidentEndpoint.makeDir(dir);
        Duration idle = DEFAULT_IDLE;
        String s = env.get("HUZHU_RESIDENT_IDLE");
        if (s != null && s.matches("[0-9]{1,6}")) {
            idle = Duration.ofSeconds(Long.parseLong(s));
        }
        Path jar = null;
        try {
            Path p = Path.of(ResidentServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            jar = Files.isRegularFile(p) ? p : null;
        } catch (Exception e) {
            // classes directory (tests): no jar to watch
        }
        new ResidentServer(dir, idle, jar).serve();
    }

    void serve() throws IOException {
        try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // another resident process serves this directory (or, its jar replaced, leaves within a tick: the next
            // read-only command starts the new one); waiting for its lock would revive a reader just stopped
            if (lockFile.tryLock() == null) {
                return;
            }
            Files.createDirectories(runsDir);
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                server.setSoTimeout((int) TICK.toMillis());
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                ResidentEndpoint endpoint = new ResidentEndpoint(server.getLocalPort(), HexFormat.of().formatHex(secret), ProcessHandle.current().pid());
                endpoint.write(dir);
                LOG.info("resident reader started on 127.0.0.1:{} (pid {}, idle exit after {} s)", endpoint.port(), endpoint.pid(), idle.toSeconds());
                loop(server, endpoint);
                if (endpoint.current(dir)) {
                    Files.deleteIfExists(ResidentEndpoint.file(dir));
                }
                LOG.info("resident reader stopped after {} requests", served);
            }
        }
    }

    private void loop(ServerSocket server, ResidentEndpoint endpoint) throws IOException {
        long lastUse = System.nanoTime();
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() - lastUse > idle.toNanos() || !endpoint.current(dir) || jarChanged()) {
                    return;
                }
                removeStaleRunFiles();
                continue;
            }
            lastUse = System.nanoTime();
            try (socket) {
                if (!answer(socket, endpoint)) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("resident request failed: {}", e.getMessage());
            }
        }
    }

    /** Answers one connection; false when asked to stop. */
    private boolean answer(Socket socket, ResidentEndpoint endpoint) throws IOException {
        socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
        OutputStream reply = socket.getOutputStream();
        ResidentRequest request;
        try {
            request = ResidentRequest.read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            write(reply, "refused malformed");
            return true;
        }
        if (!MessageDigest.isEqual(request.token().getBytes(StandardCharsets.US_ASCII), endpoint.token().getBytes(StandardCharsets.US_ASCII))) {
            write(reply, "refused token");
            return true;
        }
        switch (request.kind()) {
            case "status" -> write(reply, "status " + endpoint.pid() + " " + endpoint.port() + " " + served);
            case "stop" -> {
                write(reply, "stopping");
                return false;
            }
            case "run" -> {
                if (jarChanged()) {
                    write(reply, "fallback stale");
                    return false;
                }
                if (!sameCheckout(request.home())) {
                    write(reply, "fallback other-checkout"); // its deployments/ and jar are not ours
                    return true;
                }
                if (!ResidentCommands.eligible(request.args())) {
                    write(reply, "fallback not-read-only");
                    return true;
                }
                ResidentRun.Outcome o;
                try {
                    o = ResidentRun.run(runsDir, request.args(), request.env());
                } catch (IOException | RuntimeException | LinkageError e) {
                    LOG.warn("resident run failed, the launcher runs it in a JVM of its own: {}", e.toString());
                    write(reply, "fallback internal");
                    return true;
                }
                served++;
                write(reply, "ok " + o.exit() + " " + o.out().getFileName() + " " + o.err().getFileName()); // names in runs/: no spaces
            }
            default -> write(reply, "refused kind");
        }
        return true;
    }

    private static boolean sameCheckout(String home) {
        try {
            return Path.of(home).toAbsolutePath().normalize().equals(dev.huzhu.cli.ProjectDir.get());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private boolean jarChanged() {
        try {
            return jar != null && (!Files.exists(jar) || Files.getLastModifiedTime(jar).toMillis() != jarModified);
        } catch (IOException e) {
            return true;
        }
    }

    /** Output files a launcher never picked up (it was killed between our answer and its `cat`). */
    private void removeStaleRunFiles() {
        long cutoff = System.currentTimeMillis() - STALE_RUN_FILES.toMillis();
        try (Stream<Path> files = Files.list(runsDir)) {
            files.filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toMillis() < cutoff;
                } catch (IOException e) {
                    return false;
                }
            }).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // the directory went away: the endpoint check ends the loop
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
