package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.protocol.InvalidInputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Loud failures and redacted logs: a bug exits 1 with one line and its stack trace only in the log;
 * bad input exits 2; an IllegalArgumentException is a bug, not a usage error; nothing secret is logged
 * (the test log, target/test.log, is written through the same redacting layout as the real one).
 */
class LoggingTest {
    static final Path LOG = Path.of("target/test.log");

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @CommandLine.Option(names = "--what") String what;

        @Override
        public void run() {
            switch (what) {
                case "bug" -> throw new IllegalStateException("the bug at https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161");
                case "iae" -> throw new IllegalArgumentException("an internal check failed");
                case "input" -> throw new InvalidInputException("--amount 'x' is not a decimal number");
                default -> throw new IllegalStateException(what);
            }
        }
    }

    record Run(int exit, String err) {}

    static Run run(String what) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom()).setExecutionExceptionHandler(new UserErrorHandler());
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute("--what", what), err.toString());
    }

    @Test
    void aBugIsOneLineAndItsStackTraceGoesToTheLog() throws Exception {
        Run r = run("bug");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("huzhu: unexpected error (a bug): java.lang.IllegalStateException: the bug at https://mainnet.infura.io/v3/***"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace on the screen");
        String log = Files.readString(LOG);
        assertTrue(log.contains("`boom` failed unexpectedly (exit 1)"), "logged");
        assertTrue(log.contains("\tat dev.huzhu.cli.LoggingTest$Boom.run"), "the stack trace is in the log");
        assertFalse(log.contains("9aa3d95b3bc440fa88ea12eaa4456161"), "the provider key never reaches the log");
    }

    @Test
    void anIllegalArgumentExceptionIsABugNotAUsageError() {
        Run r = run("iae");
        assertEquals(ExitCodes.SOFTWARE, r.exit());
        assertTrue(r.err().contains("an internal check failed"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        Run r = run("input");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("huzhu: --amount 'x' is not a decimal number", r.err().strip());
    }

    @Test
    void secretsInLogLinesAreMasked() throws Exception {
        String key = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"; // Hardhat dev key #1
        LoggerFactory.getLogger("redaction-check").warn("import with private_key={} password={} at {}", key, "hunter2",
                "https://user:pa55word@rpc.example.org/v2/AbCdEfGh1jKlMnOpQrStUv12?apikey=S3CRET");
        String line = Files.readString(LOG).lines().filter(l -> l.contains("redaction-check")).reduce((a, b) -> b).orElseThrow();
        assertTrue(line.endsWith("import with private_key=*** password=*** at https://***@rpc.example.org/v2/***?apikey=***"), line);
    }
}
