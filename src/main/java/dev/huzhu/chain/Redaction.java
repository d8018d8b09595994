package dev.huzhu.chain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text that goes to a log or a screen: the user-info, query values and
 * key-like path segments of URLs (RPC providers put API keys there: {@code /v3/KEY},
 * {@code /v2/KEY}, {@code ?apikey=KEY}, {@code https://user:pass@host}), values after words such
 * as password, secret, private key or mnemonic, and bare 64-digit hex words (a private key
 * without its {@code 0x}; hashes are always printed with {@code 0x} and stay).
 */
public final class Redaction {
    public static final String MASK = "***";
    /** URLs of RPC nodes, webhooks and databases ({@code jdbc:postgresql://}, {@code postgres://user:pass@host/db}). */
    private static final Pattern URL = Pattern.compile("(?<![A-Za-z0-9+.-])(?:https?|wss?|jdbc:[a-z0-9]+|postgres(?:ql)?)://[^\\s\"'<>]*[^\\s\"'<>:.,;)]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.:-]*://)[^/@?#]*@");
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&;#]+=)[^&;#]*");
    /** A path segment of 20+ characters that mixes digits into letters: an API key or token, not a word. */
    private static final Pattern KEY_SEGMENT = Pattern.compile("/(?=[A-Za-z0-9_-]{20,}(?:[/?#]|$))(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]+");
    /** {@code password=x}, {@code private_key = x}, {@code "password": "x"} (not prose such as "no password: use …"). */
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)((?:private[_-]?key|secret|password|passwd|passphrase|mnemonic|api[_-]?key|token)(?:\\s*=\\s*|\"\\s*:\\s*\"))([^\\s\",;&]+)");
    private static final Pattern BARE_KEY = Pattern.compile("(?<![0-9a-fA-Fx])[0-9a-fA-F]{64}(?![0-9a-fA-F])");

    private Redaction() {}

    /** An RPC or webhook URL fit to print: scheme, host, port and the path without key-like segments. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceFirst("$1" + MASK + "@");
        s = QUERY_VALUE.matcher(s).replaceAll("$1" + MASK);
        int pathStart = s.indexOf('/', s.indexOf("://") + 3);
        if (pathStart > 0) {
            s = s.substring(0, pathStart) + KEY_SEGMENT.matcher(s.substring(pathStart)).replaceAll("/" + MASK);
        }
        return s;
    }

    /** Any text (a log line, a message): every URL in it as {@link #url}, named secrets and bare keys masked. */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = URL.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(sb);
        String s = NAMED_SECRET.matcher(sb).replaceAll("$1" + MASK);
        return BARE_KEY.matcher(s).replaceAll(MASK);
    }
}
