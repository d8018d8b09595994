package dev.huzhu.cli.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-line translations of the CLI's messages, gettext-style: the key is the English line
 * ({@code messages_zh.txt}: "en:" lines where {@code {}} stands for any text, "zh:" lines with
 * {@code {1} {2} …}). The first entry whose English matches the whole line wins; a line without an
 * entry stays English. Messages are written in English at their source, as they were; this keeps
 * one place to read every Chinese message and the English it stands for.
 */
public final class MessageCatalogue {
    private record Entry(Pattern english, String chinese) {}

    private static volatile MessageCatalogue chinese;
    private final List<Entry> entries;

    private MessageCatalogue(List<Entry> entries) {
        this.entries = entries;
    }

    /** The Chinese catalogue, read once per process. */
    public static MessageCatalogue chinese() {
        MessageCatalogue c = chinese;
        if (c == null) {
            chinese = c = read(MessageCatalogue.class.getResourceAsStream("/dev/huzhu/cli/i18n/messages_zh.txt"));
        }
        return c;
    }

    static MessageCatalogue read(InputStream in) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String english = null;
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith("en: ")) {
                    english = line.substring(4);
                } else if (line.startsWith("zh: ")) {
                    if (english == null) {
                        throw new IllegalStateException("messages_zh.txt: a zh: line without its en: line: " + line);
                    }
                    entries.add(new Entry(pattern(english), line.substring(4)));
                    english = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MessageCatalogue(List.copyOf(entries));
    }

    private static Pattern pattern(String english) {
        StringBuilder regex = new StringBuilder();
        String[] parts = english.split("\\{\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("(.*?)");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The line in Chinese, or the line itself when the catalogue has no entry for it. */
    public String translate(String line) {
        for (Entry e : entries) {
            Matcher m = e.english.matcher(line);
            if (m.matches()) {
                String out = e.chinese;
                for (int g = m.groupCount(); g >= 1; g--) { // {10} before {1}
                    out = out.replace("{" + g + "}", m.group(g));
                }
                return out;
            }
        }
        return line;
    }

    /** Whether some entry matches the line (for the tests' coverage checks). */
    public boolean knows(String line) {
        return entries.stream().anyMatch(e -> e.english.matcher(line).matches());
    }
}
