package dev.huzhu.cli.options;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output (schema in docs/cli.md). */
public final class JsonOption {
    @Option(names = "--json", description = "print JSON (stable schema, see docs/cli.md) instead of text")
    public boolean json;
}
