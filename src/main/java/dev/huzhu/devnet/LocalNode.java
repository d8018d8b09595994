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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalNode.class);
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

    /**
     * Starts a detached node; refuses when one is already running. A stale pid file (left by a crash or a
     * reboot: its process is gone, or the pid now belongs to another program) or an unreadable one is
     * removed first, with a log line: a crash must not block the next start.
     */
    public Status start(int port) {
        Optional<Status> current;
        try {
            current = status();
        } catch (DevnetException unreadable) {
            LOG.warn("{}: removing it", unreadable.getMessage());
            current = Optional.empty();
            clear();
        }
        if (current.isPresent()) {
            Status s = current.get();
            if (s.running()) {
                throw new DevnetException("a local node is already running (pid " + s.pid() + ", " + s.rpcUrl() + ")");
            }
            LOG.warn("stale pid file {} (pid {} is not a running node): removing it", pidFile, s.pid());
            clear();
        }
        HardhatNode node = HardhatNode.startDetached(projectDir, port, logFile);
        write(node.pid(), node.port());
        return new Status(node.pid(), node.port(), true, JsonRpcProbe.chainId(node.rpcUrl()));
    }

    /** Stops the detached node. Returns what was stopped, or empty when nothing was recorded. */
    public Optional<Status> stop() {
        Optional<Status> current = status();
        current.filter(Status::running).flatMap(s -> HardhatNode.findProcess(s.pid())).ifPresent(HardhatNode::destroyTree);
        clear();
        return current;
    }

    private void clear() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new DevnetException("cannot remove " + pidFile + ": " + e.getMessage());
        }
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
            Optional<ProcessHandle> process = HardhatNode.findProcess(pid);
            OptionalLong chainId = process.isPresent() ? JsonRpcProbe.chainId(HardhatNode.rpcUrl(port)) : OptionalLong.empty();
            // after a crash and a reboot the pid may belong to another program: ours runs hardhat or answers on its port
            boolean ours = process.isPresent() && (chainId.isPresent()
                    || process.get().info().commandLine().map(c -> c.contains("hardhat")).orElse(false));
            return Optional.of(new Status(pid, port, ours, chainId));
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
