package dev.huzhu.protocol;

import java.util.regex.Pattern;

/**
 * Text that comes from the chain (a token's symbol or name, a revert reason) is written by whoever
 * deployed the contract: before it reaches a terminal, a log or the index it loses terminal escape
 * sequences (CSI, OSC: title changes, screen clears, hyperlinks), C0/C1 control characters, and the
 * invisible characters that reorder or hide text (bidi overrides and isolates such as U+202E, zero-width
 * characters). Each removed run shows as {@code ?} so that tampering stays visible. HTML escaping is the
 * page's job (app.js {@code esc}); this makes the text safe to print.
 */
public final class ChainText {
    /** ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), ESC P/X/^/_ … ESC \ (DCS, SOS, PM, APC), other two-byte ESC sequences; and their C1 forms. */
    private static final Pattern ESCAPES = Pattern.compile(
            "(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?"
            + "|(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?"
            + "|\\u001b[ -~]?");
    /** C0 and C1 controls, DEL, bidi embeddings/overrides/isolates/marks, zero-width and other invisible format characters. */
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\u061c\\ufeff\\ufff9-\\ufffb]+");

    private ChainText() {}

    /** {@code raw} safe to print: escapes and invisible characters replaced by {@code ?}, at most {@code max} characters (then "…"). */
    public static String safe(String raw, int max) {
        if (raw == null) {
            return null;
        }
        String s = ESCAPES.matcher(raw).replaceAll("\u0000"); // a control, so that a run of sequences and controls becomes one ?
        s = INVISIBLE.matcher(s).replaceAll("?");
        if (s.codePointCount(0, s.length()) > max) {
            s = s.substring(0, s.offsetByCodePoints(0, max)) + "…";
        }
        return s;
    }

    /** As {@link #safe(String, int)} with no length limit beyond 1,000 characters. */
    public static String safe(String raw) {
        return safe(raw, 1_000);
    }

    /** Line breaks and tabs kept: for log lines (a stack trace), everything else as in {@link #safe(String, int)}. */
    private static final Pattern INVISIBLE_BUT_LINES = Pattern.compile(
            "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\u061c\\ufeff\\ufff9-\\ufffb]+");

    /** A log line (with its stack trace) safe for `tail -f`: escapes and invisible characters replaced, line breaks and tabs kept. */
    public static String logLines(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        String s = ESCAPES.matcher(raw).replaceAll("\u0000");
        return INVISIBLE_BUT_LINES.matcher(s).replaceAll("?");
    }

    /** True when {@code raw} needed cleaning. */
    public static boolean tampered(String raw) {
        return raw != null && !raw.equals(safe(raw, Integer.MAX_VALUE));
    }
}
