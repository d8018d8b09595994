package dev.huzhu.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = HuzhuCommand.class.getPackage().getImplementationVersion();
        return new String[] {"huzhu " + (v == null ? "dev" : v)};
    }
}
