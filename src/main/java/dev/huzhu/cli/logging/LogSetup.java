package dev.huzhu.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logback's configuration, in code (no XML to parse at every start): every command logs to
 * {@code <config dir>/logs/huzhu.log} (the config dir is {@code $HUZHU_CONFIG_DIR}, else
 * {@code ~/.huzhu}; 10 MB, three old files kept); the long-running commands (serve, index, watch,
 * keeper) also log to stderr, where a one-off command prints only its own lines. Every line goes
 * through {@link RedactingLayout}. {@code $HUZHU_LOG_LEVEL} (default INFO) sets the level.
 * Registered as a {@link Configurator} service; a {@code logback-test.xml} on the class path (the
 * tests) wins.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** Set (to anything) before the first log call to add the stderr appender: {@link #toStderr()}. */
    public static final String STDERR_PROPERTY = "huzhu.log.stderr";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36} - %msg%n";
    static final String STDERR_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%nopex";
    private static volatile Path file;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("HUZHU_LOG_LEVEL"), Level.INFO));
        // chatty libraries: their start-up lines are noise in a CLI's log
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("io.javalin").setLevel(Level.WARN);
        Path logFile = logFile();
        if (logFile != null) {
            root.addAppender(fileAppender(context, logFile));
            file = logFile;
        }
        if (System.getProperty(STDERR_PROPERTY) != null) {
            root.addAppender(stderrAppender(context));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Asks for the stderr appender: call before anything logs (main does, for the long-running commands). */
    public static void toStderr() {
        System.setProperty(STDERR_PROPERTY, "true");
    }

    /** The log file of this process, or null when the config dir cannot hold one. */
    public static Path currentFile() {
        return file;
    }

    private static Path logFile() {
        String configDir = System.getenv("HUZHU_CONFIG_DIR");
        Path dir = (configDir != null && !configDir.isBlank() ? Path.of(configDir) : Path.of(System.getProperty("user.home"), ".huzhu"))
                .resolve("logs");
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir) ? dir.resolve("huzhu.log").toAbsolutePath() : null;
        } catch (java.io.IOException | SecurityException e) {
            return null; // no log file rather than a command that fails for it
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path logFile) {
        RollingFileAppender<ILoggingEvent> a = new RollingFileAppender<>();
        a.setContext(context);
        a.setName("file");
        a.setFile(logFile.toString());
        a.setAppend(true);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(a);
        rolling.setFileNamePattern(logFile + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        a.setRollingPolicy(rolling);
        a.setTriggeringPolicy(trigger);
        a.setEncoder(encoder(context, FILE_PATTERN));
        rolling.start();
        trigger.start();
        a.start();
        return a;
    }

    private static ConsoleAppender<ILoggingEvent> stderrAppender(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
        a.setContext(context);
        a.setName("stderr");
        a.setTarget("System.err");
        a.setEncoder(encoder(context, STDERR_PATTERN));
        a.start();
        return a;
    }
}
