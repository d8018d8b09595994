package dev.huzhu.cli.i18n;

import java.util.Locale;
import java.util.Map;

/**
 * The language of the CLI's words: English, or Chinese with {@code --lang zh}, {@code $HUZHU_LANG=zh},
 * or a Chinese locale in {@code LC_ALL}, {@code LC_MESSAGES} or {@code LANG} (in that order, as POSIX
 * tools read them). JSON output is the same in both.
 */
public enum Language {
    EN, ZH;

    private static final ThreadLocal<Language> CURRENT = ThreadLocal.withInitial(() -> EN);

    /** The language asked by {@code --lang} (null when absent), else by the environment. */
    public static Language resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return parse(option);
        }
        for (String name : new String[] {"HUZHU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
            }
        }
        return EN;
    }

    /** {@code en}, {@code zh} (or a locale such as {@code zh_CN.UTF-8}); anything else is refused in one line. */
    public static Language parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("zh")) {
            return ZH;
        }
        if (v.startsWith("en") || v.equals("c") || v.equals("posix")) {
            return EN;
        }
        throw new IllegalArgumentException("--lang '" + value + "' is not one of en, zh");
    }

    /** The language of the command running on this thread (English outside a command). */
    public static Language current() {
        return CURRENT.get();
    }

    /** Sets the language of the command running on this thread; {@link #EN} clears it. */
    public static void use(Language language) {
        if (language == EN) {
            CURRENT.remove();
        } else {
            CURRENT.set(language);
        }
    }
}
