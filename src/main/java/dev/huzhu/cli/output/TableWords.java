package dev.huzhu.cli.output;

import dev.huzhu.cli.i18n.Language;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A table's headers and fixed cell words ("STATUS", "active", "medical") in the output's language
 * ({@code table_zh.properties}); anything else (names, amounts, addresses) as it is. Widths count
 * terminal columns: a CJK character takes two.
 */
final class TableWords {
    private static final TableWords ENGLISH = new TableWords(null);
    private final ResourceBundle words;

    private TableWords(ResourceBundle words) {
        this.words = words;
    }

    static TableWords current() {
        return Language.current() == Language.ZH
                ? new TableWords(ResourceBundle.getBundle("dev.huzhu.cli.i18n.table", Locale.CHINESE)) : ENGLISH;
    }

    String[] all(String[] cells) {
        if (words == null) {
            return cells;
        }
        String[] out = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            out[i] = words.containsKey(cells[i]) ? words.getString(cells[i]) : cells[i];
        }
        return out;
    }

    /** Terminal columns the text takes: East Asian wide and fullwidth characters count two. */
    static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
