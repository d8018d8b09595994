package dev.huzhu.cli.resident;

import dev.huzhu.cli.HuzhuCommand;
import dev.huzhu.cli.ProjectDir;
import dev.huzhu.cli.Session;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs one read-only command inside the resident process, as its own JVM would: the client's environment,
 * no terminal and no standard input, standard output and error written to two private files the launcher
 * prints and removes. The character set follows the client's locale as Java's default would (UTF-8 for Chinese).
 */
final class ResidentRun {
    private ResidentRun() {}

    /** The outcome: the exit code and the two files holding standard output and standard error. */
    record Outcome(int exit, Path out, Path err) {}

    static Outcome run(Path runsDir, String[] args, Map<String, String> env) throws IOException {
        Path outFile = privateFile(runsDir, "out");
        Path errFile = privateFile(runsDir, "err");
        Charset cs = HuzhuCommand.chinese(args, env) ? StandardCharsets.UTF_8 : charsetOf(env);
        int exit;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(outFile));
             OutputStream err = new BufferedOutputStream(Files.newOutputStream(errFile));
             PrintStream outStream = new PrintStream(out, true, cs)) {
            Session session = new Session(env, InputStream.nullInputStream(), null, ProjectDir.get(), outStream);
            CommandLine cl = HuzhuCommand.newCommandLine(session, args);
            PrintWriter o = new PrintWriter(new OutputStreamWriter(outStream, cs), true);
            PrintWriter e = new PrintWriter(new OutputStreamWriter(err, cs), true);
            cl.setOut(o);
            cl.setErr(e);
            exit = cl.execute(args);
            cl.getOut().flush(); // the writers the language strategy may have wrapped around o and e
            cl.getErr().flush();
            o.flush();
            e.flush();
        }
        return new Outcome(exit, outFile, errFile);
    }

    private static Path privateFile(Path dir, String prefix) throws IOException {
        return Files.createTempFile(dir, prefix, "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** What Java 17 takes as its default character set for this locale: LC_ALL, else LC_CTYPE, else LANG; none is POSIX (ASCII). */
    static Charset charsetOf(Map<String, String> env) {
        String locale = null;
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                locale = v;
                break;
            }
        }
        if (locale == null || locale.equals("C") || locale.equals("POSIX") || !locale.contains(".")) {
            return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("c.") ? charsetAfterDot(locale) : StandardCharsets.US_ASCII;
        }
        return charsetAfterDot(locale);
    }

    private static Charset charsetAfterDot(String locale) {
        String name = locale.substring(locale.indexOf('.') + 1);
        int at = name.indexOf('@');
        name = at >= 0 ? name.substring(0, at) : name;
        if (name.equalsIgnoreCase("utf8") || name.equalsIgnoreCase("utf-8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.US_ASCII;
        }
    }
}
