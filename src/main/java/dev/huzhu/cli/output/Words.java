package dev.huzhu.cli.output;

import java.util.Locale;

/** Small English grammar for generated sentences: "1 assessor", "2 assessors", "an education plan". */
public final class Words {
    private Words() {}

    /** "1 assessor", "3 assessors" (regular plurals only). */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** "a medical", "an education", "an other" (by the first letter's sound: vowels take "an"). */
    public static String article(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.isEmpty() ? 'x' : word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    /** "medical" -> "Medical". */
    public static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
