package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a separate process (real System.exit codes, real env and stdin): the JVM the launcher
 * starts, with the test classpath. `./huzhu` itself is exercised by scripts/lib/cli-smoke after packaging.
 */
class SubprocessIT {
    record Run(int exit, String out, String err) {}

    static Run huzhu(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.huzhu.cli.HuzhuCommand"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void versionHelpWalletAndExitCodes(@TempDir Path tmp) throws Exception {
        Map<String, String> env = Map.of("HUZHU_CONFIG_DIR", tmp.toString(), "HUZHU_KEYSTORE_LIGHT", "1", "HUZHU_PASSWORD", "pw");
        Run version = huzhu(env, "", "--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("huzhu "), version.out());

        Run help = huzhu(env, "", "member", "join", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Examples:") && help.out().contains("--referrer"), help.out());

        Run imported = huzhu(env, "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n",
                "wallet", "import", "bob", "--private-key-file", "-");
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(Files.isRegularFile(tmp.resolve("keystore/bob.json")));

        Run bad = huzhu(env, "", "wallet", "show", "0x70997970c51812dc3A010C7d01b50e0d17dc79C8");
        assertEquals(ExitCodes.USAGE, bad.exit());
        assertEquals("huzhu: account '0x70997970c51812dc3A010C7d01b50e0d17dc79C8' has a bad EIP-55 checksum (a typo?)\n", bad.err());

        Run down = huzhu(env, "", "pool", "list", "--rpc-url", "http://127.0.0.1:9");
        assertEquals(ExitCodes.NETWORK, down.exit());
        assertEquals("huzhu: no Ethereum node answers at http://127.0.0.1:9 (network 'local')\n", down.err());

        Run completion = huzhu(env, "", "completion");
        assertEquals(0, completion.exit());
        assertTrue(completion.out().contains("complete -F _complete_huzhu") && completion.out().contains("jury"), "bash completion script");
    }
}
