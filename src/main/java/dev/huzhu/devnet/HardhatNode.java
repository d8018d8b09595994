package dev.huzhu.devnet;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Hardhat node on 127.0.0.1 started from the project's own node_modules.
 *
 * <p>Started "attached" (the default) the node dies with this JVM: a shutdown hook stops it, so
 * Ctrl-C or a failure leaves no orphan. Started "detached" (for {@code huzhu node start}) it
 * outlives the JVM and is found again through its pid file.
 */
public final class HardhatNode implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final long CHAIN_ID = 31337;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ProcessHandle process;
    private final int port;
    private final Thread shutdownHook;

    private HardhatNode(ProcessHandle process, int port, Thread shutdownHook) {
        this.process = process;
        this.port = port;
        this.shutdownHook = shutdownHook;
    }

    /** Starts a node bound to this JVM's lifetime on {@code port} (0 = any free port). */
    public static HardhatNode startAttached(Path projectDir, int port, Path logFile) {
        return start(projectDir, port, logFile, false, CHAIN_ID);
    }

    /** Starts a node that outlives this JVM. */
    public static HardhatNode startDetached(Path projectDir, int port, Path logFile) {
        return start(projectDir, port, logFile, true, CHAIN_ID);
    }

    /** Starts a node bound to this JVM's lifetime that reports {@code chainId}. */
    public static HardhatNode startAttached(Path projectDir, int port, Path logFile, long chainId) {
        return start(projectDir, port, logFile, false, chainId);
    }

    private static HardhatNode start(Path projectDir, int requestedPort, Path logFile, boolean detached, long chainId) {
        Path cli = projectDir.resolve("node_modules/hardhat/internal/cli/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new DevnetException("the local node needs a Huzhu checkout with Hardhat installed, and " + projectDir
                    + " has no node_modules/hardhat: run this from the checkout after `npm ci` (or set HUZHU_HOME to it)");
        }
        int port = requestedPort == 0 ? freePort() : requestedPort;
        if (portTaken(port)) {
            throw new DevnetException("port " + port + " on " + HOST + " is already in use"
                    + describeOccupant(port) + "; stop that process or pick another port with --port");
        }
        List<String> command = new ArrayList<>();
        if (detached && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("node", cli.toString(), "node", "--hostname", HOST, "--port", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectDir.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("HARDHAT_CHAIN_ID", Long.toString(chainId));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            Process process = builder.start();
            Thread hook = null;
            if (!detached) {
                hook = new Thread(() -> destroyTree(process.toHandle()), "hardhat-node-stop");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            HardhatNode node = new HardhatNode(process.toHandle(), port, hook);
            node.awaitReady(logFile);
            return node;
        } catch (IOException e) {
            throw new DevnetException("cannot start the Hardhat node: " + e.getMessage());
        }
    }

    private void awaitReady(Path logFile) {
        // poll eth_chainId every 150 ms until it answers, the process dies or the time is up
        RetryPolicy<java.util.OptionalLong> untilUp = RetryPolicy.<java.util.OptionalLong>builder()
                .handleResultIf(java.util.OptionalLong::isEmpty)
                .withDelay(Duration.ofMillis(150))
                .withMaxRetries(-1)
                .withMaxDuration(READY_TIMEOUT)
                .abortIf(r -> r.isEmpty() && !process.isAlive())
                .build();
        java.util.OptionalLong chainId;
        try {
            chainId = Failsafe.with(untilUp).get(() -> JsonRpcProbe.chainId(rpcUrl()));
        } catch (FailsafeException e) {
            close();
            throw new DevnetException("interrupted while the Hardhat node started");
        }
        if (chainId.isPresent()) {
            return;
        }
        if (!process.isAlive()) {
            throw new DevnetException("the Hardhat node exited during start-up; see " + logFile);
        }
        close();
        throw new DevnetException("the Hardhat node did not answer eth_chainId within "
                + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String rpcUrl() {
        return rpcUrl(port);
    }

    public static String rpcUrl(int port) {
        return "http://" + HOST + ":" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the node and every process it started, then waits for them to exit. */
    @Override
    public void close() {
        destroyTree(process);
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    /** Stops {@code handle} and its descendants: SIGTERM, then SIGKILL after a grace period. */
    public static void destroyTree(ProcessHandle handle) {
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(5);
        for (ProcessHandle p : all) {
            long left = java.time.Duration.between(Instant.now(), deadline).toMillis();
            try {
                p.onExit().get(Math.max(left, 1), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // still alive after the grace period: killed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    /** Finds a detached node by pid, if that process is still alive. */
    public static Optional<ProcessHandle> findProcess(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }

    public static boolean portTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describeOccupant(int port) {
        return JsonRpcProbe.chainId(rpcUrl(port))
                .stream().mapToObj(id -> " by a JSON-RPC node (chain id " + id + ")").findFirst().orElse("");
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevnetException("no free TCP port on " + HOST + ": " + e.getMessage());
        }
    }

}
