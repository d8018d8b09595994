package dev.huzhu.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** huzhu node start|stop|status semantics, with real node processes. */
class LocalNodeIT {
    @TempDir
    Path stateDir;

    /** A LocalNode whose state lives in a temp dir but runs the project's own Hardhat. */
    private LocalNode localNode() throws IOException {
        Path project = HardhatNodeExtension.projectDir();
        Path fake = stateDir.resolve("project");
        Files.createDirectories(fake);
        if (!Files.exists(fake.resolve("node_modules"))) {
            Files.createSymbolicLink(fake.resolve("node_modules"), project.resolve("node_modules"));
            Files.createSymbolicLink(fake.resolve("hardhat.config.js"), project.resolve("hardhat.config.js"));
            Files.createSymbolicLink(fake.resolve("package.json"), project.resolve("package.json"));
        }
        return new LocalNode(fake);
    }

    @Test
    void startStatusStop() throws IOException {
        LocalNode local = localNode();
        LocalNode.Status started = local.start(HardhatNode.freePort());
        try {
            assertTrue(started.running());
            assertEquals(31337L, started.chainId().getAsLong());
            assertTrue(local.status().orElseThrow().running());
            DevnetException twice = assertThrows(DevnetException.class, () -> local.start(HardhatNode.freePort()));
            assertTrue(twice.getMessage().startsWith("a local node is already running (pid " + started.pid()), twice.getMessage());
        } finally {
            local.stop();
        }
        assertFalse(HardhatNode.findProcess(started.pid()).isPresent(), "node process is gone");
        assertTrue(local.status().isEmpty());
    }

    @Test
    void aStalePidFileDoesNotBlockTheNextStart() throws Exception {
        LocalNode local = localNode();
        Path pidFile = stateDir.resolve("project/.huzhu/node.pid");
        Files.createDirectories(pidFile.getParent());
        // after a crash: the recorded process is gone
        Files.writeString(pidFile, "2147480000 8545\n");
        assertFalse(local.status().orElseThrow().running());
        // after a crash and a reboot: the pid now belongs to another program (never killed by stop)
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(pidFile, other.pid() + " " + HardhatNode.freePort() + "\n");
            assertFalse(local.status().orElseThrow().running(), "a live process that is not our node is not our node");
            LocalNode.Status started = local.start(HardhatNode.freePort());
            try {
                assertTrue(started.running());
                assertEquals(started.pid() + " " + started.port(), Files.readString(pidFile).strip());
                assertTrue(other.isAlive(), "the unrelated process was left alone");
            } finally {
                local.stop();
            }
        } finally {
            other.destroy();
        }
        Files.writeString(pidFile, "garbage\n");
        LocalNode.Status again = local.start(HardhatNode.freePort());
        local.stop();
        assertTrue(again.running());
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void portAlreadyTakenGivesAClearMessage() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName(HardhatNode.HOST))) {
            int port = busy.getLocalPort();
            DevnetException e = assertThrows(DevnetException.class, () -> localNode().start(port));
            assertEquals("port " + port + " on 127.0.0.1 is already in use; stop that process or pick another port with --port",
                    e.getMessage());
        }
        assertTrue(localNode().status().isEmpty(), "no pid file written");
    }
}
