package dev.huzhu.cli.i18n;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that passes each finished line through a {@link MessageCatalogue}. A line still open when
 * the writer is flushed (a question waiting for its answer, a progress line) is translated as it stands.
 */
public final class TranslatingWriter extends PrintWriter {
    private final PrintWriter target;
    private final MessageCatalogue catalogue;
    private final StringBuilder line = new StringBuilder();

    public TranslatingWriter(PrintWriter target, MessageCatalogue catalogue) {
        super(Writer.nullWriter());
        this.target = target;
        this.catalogue = catalogue;
    }

    @Override
    public void write(int c) {
        synchronized (line) {
            if (c == '\n') {
                target.write(catalogue.translate(line.toString()));
                target.write('\n');
                target.flush(); // as the autoflushing writers it wraps: a line is out once written
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(buf[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void println() {
        write('\n');
    }

    @Override
    public void flush() {
        synchronized (line) {
            if (line.length() > 0) {
                target.write(catalogue.translate(line.toString()));
                line.setLength(0);
            }
        }
        target.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
