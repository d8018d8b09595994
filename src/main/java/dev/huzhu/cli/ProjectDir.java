package dev.huzhu.cli;

import java.nio.file.Path;

/** Where the Huzhu checkout lives: set by the launcher as -Dhuzhu.home, else the working directory. */
public final class ProjectDir {
    private ProjectDir() {}

    public static Path get() {
        String home = System.getProperty("huzhu.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }
}
