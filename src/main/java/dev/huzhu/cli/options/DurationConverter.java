package dev.huzhu.cli.options;

import dev.huzhu.chain.Durations;
import picocli.CommandLine.ITypeConverter;

/**
 * A duration option ("30d", "12h", "90m", "45s" or seconds) as whole seconds: a bad one is a usage error
 * before anything runs, named with its option by the usage handler.
 */
public final class DurationConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        return Durations.parse(text, "");
    }
}
