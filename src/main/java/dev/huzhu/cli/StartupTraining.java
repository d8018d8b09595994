package dev.huzhu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The launcher's training run for its class-data archive ({@code target/huzhu.jsa}, made with
 * {@code -XX:ArchiveClassesAtExit} once per build; docs/cli.md "Start-up time"). A dynamic archive holds
 * only the classes its training run loaded, and a run without a node reaches little of a command's
 * path: so this runs two short commands in-process (for the lambda forms and proxies they make),
 * then loads, without initialising, every class of this jar and of the libraries short commands use.
 * Loading a class costs a command nothing once it is archived; reading and verifying it from a jar
 * is most of a short command's start. The key work of signing commands runs once too (BouncyCastle: the launcher's copy is unsigned, see pom.xml).
 * Started by {@code HuzhuCommand.main} when {@code -Dhuzhu.cds.training} is set; prints nothing.
 */
final class StartupTraining {
    static final String PROPERTY = "huzhu.cds.training";
    /** The libraries on the path of the short commands (file-name prefixes in target/lib). */
    private static final List<String> LIBRARIES = List.of("abi-", "core-4", "crypto-4", "utils-4", "rlp-", "tuples-",
            "jackson-core-", "jackson-databind-", "jackson-annotations-", "okhttp-", "okio-jvm-", "logback-", "slf4j-api-",
            "failsafe-");

    private StartupTraining() {}

    static void run() {
        StringWriter sink = new StringWriter();
        for (String[] args : List.of(new String[] {"pool", "list", "--json", "--rpc-url", "http://127.0.0.1:9"},
                new String[] {"wallet", "list", "--json"}, new String[] {"member", "--help"})) {
            try {
                HuzhuCommand.newCommandLine(Session.system(), args).setOut(new PrintWriter(sink)).setErr(new PrintWriter(sink))
                        .execute(args);
            } catch (RuntimeException e) {
                // a training run only loads classes: its outcome does not matter
            }
        }
        try { // the key work of the signing commands (wallet new, every send): BouncyCastle's provider, EC keys, signatures
            org.web3j.crypto.ECKeyPair key = org.web3j.crypto.Keys.createEcKeyPair();
            org.web3j.crypto.Sign.signMessage(new byte[] {1}, key);
            org.web3j.crypto.Wallet.createLight("training", key);
        } catch (java.security.GeneralSecurityException | org.web3j.crypto.exception.CipherException | RuntimeException e) {
            // a training run only loads classes
        }
        try {
            Path jar = Path.of(StartupTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            load(jar);
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (var files = Files.list(lib)) {
                    for (Path p : files.sorted().toList()) {
                        String name = p.getFileName().toString();
                        if (LIBRARIES.stream().anyMatch(name::startsWith)) {
                            load(p);
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // not a packaged jar (tests, an IDE): nothing more to load
        }
    }

    private static void load(Path jar) throws IOException {
        ClassLoader loader = StartupTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements();) {
                String entry = entries.nextElement().getName();
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class")) {
                    try {
                        Class.forName(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // an optional dependency that is not on the class path: that class stays out of the archive
                    }
                }
            }
        }
    }
}
