package dev.huzhu.devnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The project's detached local node: {@code .huzhu/node.pid} holds "pid port", the log goes to
 * {@code .huzhu/node.log}. Backs {@code huzhu node start|stop|status}.
 */
public final class LocalNode {
    public static final int DEFAULT_PORT = 8545;

    private final Path projectDir;
    private final Path pidFile;
    private final Path logFile;

    public LocalNode(Path projectDir) {
        this.projectDir = projectDir;
        Path stateDir = projectDir.resolve(".huzhu");
        this.pidFile = stateDir.resolve("node.pid");
        this.logFile = stateDir.resolve("node.log");
    }

    /** What {@code status} reports. */
    public record Status(long pid, int port, boolean running, OptionalLong chainId) {
        public String rpcUrl() {
            return HardhatNode.rpcUrl(port);
        }
    }

    public Path logFile() {
        return logFile;
    }

    /** Starts a detached node; refuses when one is already running or the pid file is stale. */
    public Status start(int port) {
        Optional<Status> current = status();
        if (current.isPresent()) {
            Status s = current.get();
            if (s.running()) {
                throw new DevnetException("a local node is already running (pid " + s.pid() + ", " + s.rpcUrl() + ")");
            }
            throw new DevnetException("stale pid file " + pidFile + " (pid " + s.pid()
                    + " is not running); run `huzhu node stop` to clear it");
        }
        HardhatNode node = HardhatNode.startDetached(projectDir, port, logFile);
        write(node.pid(), node.port());
        return new Status(node.pid(), node.port(), true, JsonRpcProbe.chainId(node.rpcUrl()));
    }

    /** Stops the detached node. Returns what was stopped, or empty when nothing was recorded. */
    public Optional<Status> stop() {
        Optional<Status> current = status();
        current.flatMap(s -> HardhatNode.findProcess(s.pid())).ifPresent(HardhatNode::destroyTree);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new DevnetException("cannot remove " + pidFile + ": " + e.getMessage());
        }
        return current;
    }

    /** The recorded node, if any, with whether its process is alive and what chain it serves. */
    public Optional<Status> status() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            int port = Integer.parseInt(parts[1]);
            boolean alive = HardhatNode.findProcess(pid).isPresent();
            OptionalLong chainId = alive ? JsonRpcProbe.chainId(HardhatNode.rpcUrl(port)) : OptionalLong.empty();
            return Optional.of(new Status(pid, port, alive, chainId));
        } catch (IOException | RuntimeException e) {
            throw new DevnetException("unreadable pid file " + pidFile + "; delete it and retry");
        }
    }

    private void write(long pid, int port) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + " " + port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DevnetException("cannot write " + pidFile + ": " + e.getMessage());
        }
    }
}
