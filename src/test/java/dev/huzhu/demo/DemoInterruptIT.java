package dev.huzhu.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.devnet.HardhatNodeExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Ctrl-C in the middle of `huzhu demo` must not leave the node it started running. */
class DemoInterruptIT {
    private static final Pattern STARTED = Pattern.compile("started a local Hardhat node at \\S+ \\(pid (\\d+)\\)");

    @Test
    void interruptedDemoLeavesNoNodeBehind() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dhuzhu.home=" + HardhatNodeExtension.projectDir(), "dev.huzhu.cli.HuzhuCommand", "demo")
                .redirectErrorStream(true);
        Process demo = pb.start();
        long nodePid = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    nodePid = Long.parseLong(m.group(1));
                }
                if (line.contains("joined with")) {
                    break; // midway through the scenario
                }
            }
            assertTrue(nodePid > 0, "the demo reported its node's pid");
            assertTrue(ProcessHandle.of(nodePid).map(ProcessHandle::isAlive).orElse(false), "node runs mid-demo");
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertTrue(demo.waitFor(30, TimeUnit.SECONDS), "demo exits after Ctrl-C");
        } finally {
            demo.destroyForcibly();
        }
        long pid = nodePid;
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " was stopped");
    }
}
