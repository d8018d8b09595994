package dev.huzhu.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code huzhu} in-process with its own environment and standard input, capturing output. */
public final class CliRunner {
    /** What one run printed and returned. */
    public record Result(int exit, String out, String err) {
        /** The last line on stderr: the error line (progress lines come before it). */
        public String errLine() {
            java.util.List<String> lines = err.strip().lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final Path projectDir;

    public CliRunner(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Runs from the checkout (the working directory of the test JVM). */
    public CliRunner() {
        this(Path.of("").toAbsolutePath());
    }

    /** A runner with the same environment, to change for one case. */
    public CliRunner copy() {
        CliRunner c = new CliRunner(projectDir);
        c.env.putAll(env);
        return c;
    }

    /** The environment the commands see. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public CliRunner env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    public Result runWithInput(String stdin, String... args) {
        Session session = new Session(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, projectDir);
        CommandLine cl = HuzhuCommand.newCommandLine(session);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
