package dev.huzhu.cli.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.huzhu.chain.Redaction;

/**
 * A pattern layout whose every line (message and stack trace) passes through {@link Redaction#text} and
 * {@link dev.huzhu.protocol.ChainText#logLines} (a token symbol or revert reason in a log line must not
 * drive the terminal of whoever tails the log).
 */
public final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return dev.huzhu.protocol.ChainText.logLines(Redaction.text(super.doLayout(event)));
    }
}
