package dev.huzhu.cli.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.cli.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resident reader in-process, against what the same command prints when run on its own ({@link CliRunner}):
 * same bytes, same exit code, in English and Chinese; only read-only commands; only with the endpoint's token.
 * The launcher's bash client is exercised by scripts/lib/cli-smoke.
 */
class ResidentServerTest {
    @TempDir
    Path config;
    Path dir;
    Thread server;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        env.put("HUZHU_CONFIG_DIR", config.toString());
        env.put("HUZHU_KEYSTORE_LIGHT", "1");
        env.put("HUZHU_PASSWORD", "resident-test");
        env.put("LANG", "en_US.UTF-8");
        dir = ResidentEndpoint.dir(config);
        ResidentEndpoint.makeDir(dir);
        server = new Thread(() -> {
            try {
                new ResidentServer(dir, Duration.ofMinutes(2), null).serve();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        server.start();
        for (int i = 0; i < 100 && ResidentEndpoint.read(dir).isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertTrue(ResidentEndpoint.read(dir).isPresent(), "the endpoint is written");
        CliRunner.Result made = runner().run("wallet", "new", "alice");
        assertEquals(0, made.exit(), made.toString());
    }

    @AfterEach
    void stop() throws Exception {
        ResidentClient.ask(dir, "stop", new String[0], Map.of());
        server.join(10_000);
    }

    CliRunner runner() {
        CliRunner r = new CliRunner();
        env.forEach(r::env);
        return r;
    }

    record Answer(String status, int exit, String out, String err) {}

    Answer ask(String... args) throws IOException {
        String line = ResidentClient.ask(dir, "run", args, env).orElseThrow();
        String[] f = line.split(" ");
        if (!f[0].equals("ok")) {
            return new Answer(line, -1, null, null);
        }
        Path out = dir.resolve("runs").resolve(f[2]);
        Path err = dir.resolve("runs").resolve(f[3]);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)), "output is private");
        Answer a = new Answer("ok", Integer.parseInt(f[1]), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return a;
    }

    @Test
    void answersAReadOnlyCommandAsItsOwnRunWould() throws Exception {
        for (String[] args : new String[][] {{"wallet", "list"}, {"wallet", "list", "--json"}, {"wallet", "show", "alice"}}) {
            CliRunner.Result alone = runner().run(args);
            Answer a = ask(args);
            assertEquals(alone.exit(), a.exit(), String.join(" ", args));
            assertEquals(alone.out(), a.out(), String.join(" ", args));
            assertEquals(alone.err(), a.err(), String.join(" ", args));
        }
        assertTrue(ask("wallet", "list").out().contains("alice"), "the account made after the server started is listed");
    }

    @Test
    void errorsKeepTheirLineAndExitCode() throws Exception {
        CliRunner.Result alone = runner().run("wallet", "show", "nobody");
        Answer a = ask("wallet", "show", "nobody");
        assertEquals(5, alone.exit(), alone.toString());
        assertEquals(alone.exit(), a.exit());
        assertEquals(alone.err(), a.err());
        assertEquals(2, ask("pool", "list", "--lang", "xx").exit(), "a bad --lang is a usage error, as on its own");
    }

    @Test
    void speaksTheClientsLanguage() throws Exception {
        env.put("LANG", "zh_CN.UTF-8");
        CliRunner.Result alone = runner().run("wallet", "list");
        Answer a = ask("wallet", "list");
        assertEquals(alone.out(), a.out());
        assertTrue(a.out().contains("名称") || !a.out().contains("NAME"), "Chinese table header: " + a.out());
    }

    @Test
    void runsNothingButReadOnlyCommands() throws Exception {
        assertEquals("fallback not-read-only", ask("wallet", "new", "mallory").status());
        assertFalse(Files.exists(config.resolve("keystore").resolve("mallory.json")), "nothing was run");
        assertEquals("fallback not-read-only", ask("wallet", "list", "--help").status(), "help follows the terminal");
        assertEquals("fallback not-read-only", ask("demo").status());
        int port = ResidentEndpoint.read(dir).orElseThrow().port();
        String token = ResidentEndpoint.read(dir).orElseThrow().token();
        assertEquals("fallback other-checkout", raw(port, "huzhu-resident-1", token, "run", config.toString(), "2", "wallet", "list", ""),
                "another checkout's deployments are not this one's");
    }

    @Test
    void refusesARequestWithoutTheToken() throws Exception {
        int port = ResidentEndpoint.read(dir).orElseThrow().port();
        assertEquals("refused token", raw(port, "huzhu-resident-1", "0".repeat(64), "run", dev.huzhu.cli.ProjectDir.get().toString(), "2", "wallet", "list", ""));
        assertEquals("refused malformed", raw(port, "GET / HTTP/1.1"));
        assertTrue(ResidentClient.ask(dir, "status", new String[0], Map.of()).orElseThrow().matches("status \\d+ \\d+ 0"),
                "nothing was served");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("endpoint"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void stopsWhenAskedAndRemovesItsEndpoint() throws Exception {
        assertEquals("stopping", ResidentClient.ask(dir, "stop", new String[0], Map.of()).orElseThrow());
        server.join(10_000);
        assertFalse(server.isAlive());
        assertTrue(ResidentEndpoint.read(dir).isEmpty());
    }

    @Test
    void choosesOnlyReadOnlyCommands() {
        assertTrue(ResidentCommands.eligible(new String[] {"pool", "list", "--json"}));
        assertTrue(ResidentCommands.eligible(new String[] {"records", "bob"}));
        assertFalse(ResidentCommands.eligible(new String[] {"pool", "create", "--yes"}));
        assertFalse(ResidentCommands.eligible(new String[] {"member", "join", "--plan", "0"}));
        assertFalse(ResidentCommands.eligible(new String[] {"claim", "submit"}));
        assertFalse(ResidentCommands.eligible(new String[] {"pool", "show", "0", "-h"}));
        assertFalse(ResidentCommands.eligible(new String[0]));
    }

    @Test
    void encodesAsJavaWouldForTheLocale() {
        assertEquals(StandardCharsets.UTF_8, ResidentRun.charsetOf(Map.of("LANG", "en_US.UTF-8")));
        assertEquals(StandardCharsets.UTF_8, ResidentRun.charsetOf(Map.of("LC_ALL", "C.utf8", "LANG", "fr_FR.ISO-8859-1")));
        assertEquals(StandardCharsets.ISO_8859_1, ResidentRun.charsetOf(Map.of("LANG", "fr_FR.ISO-8859-1")));
        assertEquals(StandardCharsets.US_ASCII, ResidentRun.charsetOf(Map.of("LANG", "C")));
        assertEquals(StandardCharsets.US_ASCII, ResidentRun.charsetOf(Map.of()));
    }

    private static String raw(int port, String... fields) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5_000);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (String f : fields) {
                b.writeBytes(f.getBytes(StandardCharsets.UTF_8));
                b.write(0);
            }
            s.getOutputStream().write(b.toByteArray());
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
