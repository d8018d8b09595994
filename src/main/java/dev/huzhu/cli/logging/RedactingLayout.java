package dev.huzhu.cli.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.huzhu.chain.Redaction;

/** A pattern layout whose every line (message and stack trace) passes through {@link Redaction#text}. */
public final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redaction.text(super.doLayout(event));
    }
}
