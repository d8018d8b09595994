package dev.huzhu.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * What a command may touch outside its arguments: environment, standard input, the terminal,
 * the project checkout and the user's ~/.huzhu. Tests build their own (no process env needed).
 */
public final class Session {
    private final Map<String, String> env;
    private final InputStream stdin;
    private final Console console;
    private final Path projectDir;
    private final java.io.PrintStream stdout;
    private BufferedReader lines;

    public Session(Map<String, String> env, InputStream stdin, Console console, Path projectDir) {
        this(env, stdin, console, projectDir, System.out);
    }

    public Session(Map<String, String> env, InputStream stdin, Console console, Path projectDir, java.io.PrintStream stdout) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.console = console;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.stdout = stdout;
    }

    /**
     * The byte stream behind standard output, for code that prints progress as a stream (the demo's
     * step log); commands print through picocli's {@code spec.commandLine().getOut()}.
     */
    public java.io.PrintStream stdout() {
        return stdout;
    }

    /** The real process: System.getenv, System.in, System.console, -Dhuzhu.home. */
    public static Session system() {
        return new Session(System.getenv(), System.in, System.console(), ProjectDir.get());
    }

    /** The session of the running command line. */
    public static Session of(CommandLine.Model.CommandSpec spec) {
        return ((HuzhuCommand) spec.root().userObject()).session();
    }

    public String env(String name) {
        return env.get(name);
    }

    public Map<String, String> env() {
        return env;
    }

    public InputStream stdin() {
        return stdin;
    }

    /** The terminal, or null when input or output is redirected. */
    public Console console() {
        return console;
    }

    public Path projectDir() {
        return projectDir;
    }

    /** ~/.huzhu, or $HUZHU_CONFIG_DIR. */
    public Path userDir() {
        String dir = env.get("HUZHU_CONFIG_DIR");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".huzhu");
    }

    /** One line from standard input (the terminal or a pipe), or null at end of input. */
    public String readLine() {
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            return lines.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
