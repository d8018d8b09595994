package dev.huzhu.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, aligned columns (numbers right-aligned), two spaces apart. */
public final class TextTable {
    private final String[] header;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** Header names ending with '>' are right-aligned ("AMOUNT>"); the '>' is not printed. */
    public TextTable(String... header) {
        this.header = new String[header.length];
        this.rightAligned = new boolean[header.length];
        for (int i = 0; i < header.length; i++) {
            rightAligned[i] = header[i].endsWith(">");
            this.header[i] = rightAligned[i] ? header[i].substring(0, header[i].length() - 1) : header[i];
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != header.length) {
            throw new IllegalStateException("row has " + cells.length + " cells, header " + header.length);
        }
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            // cells may hold chain text (a token's symbol): never a terminal escape or a bidi override
            r[i] = cells[i] == null ? "-" : dev.huzhu.protocol.ChainText.safe(cells[i].toString(), Integer.MAX_VALUE);
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        TableWords words = TableWords.current();
        String[] head = words.all(header);
        List<String[]> body = rows.stream().map(words::all).toList();
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = TableWords.columns(head[i]);
            for (String[] r : body) {
                width[i] = Math.max(width[i], TableWords.columns(r[i]));
            }
        }
        printRow(out, head, width);
        for (String[] r : body) {
            printRow(out, r, width);
        }
        out.flush();
    }

    private void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String pad = " ".repeat(width[i] - TableWords.columns(cells[i]));
            if (i > 0) {
                line.append("  ");
            }
            line.append(rightAligned[i] ? pad + cells[i] : cells[i] + (i == cells.length - 1 ? "" : pad));
        }
        out.println(line.toString().stripTrailing());
    }
}
