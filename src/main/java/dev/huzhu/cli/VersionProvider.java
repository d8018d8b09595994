package dev.huzhu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar (manifest, else Maven's pom.properties), or "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = HuzhuCommand.class.getPackage().getImplementationVersion();
        if (v == null) {
            try (InputStream in = HuzhuCommand.class.getResourceAsStream("/META-INF/maven/dev.huzhu/huzhu/pom.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty("version");
                }
            } catch (IOException ignored) {
                // fall through to "dev"
            }
        }
        return new String[] {"huzhu " + (v == null ? "dev" : v)};
    }
}
