package dev.huzhu.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in one line why a JSON-RPC endpoint did not give a usable answer, telling apart: nothing
 * listening (or an unknown host, or no answer in time), an HTTP error status, an HTML page, an answer
 * that is not JSON, JSON that is not a JSON-RPC answer, an answer over the size limit. URLs redacted.
 */
public final class RpcFailure {
    private static final Pattern HTTP_STATUS = Pattern.compile("Invalid response received: (\\d{3}); ?(.*)", Pattern.DOTALL);

    private RpcFailure() {}

    /** True when nothing answered at all (the "no Ethereum node answers" case). */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return true;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("unexpected end of stream") || m.contains("Connection reset") || m.contains("Failed to connect")) {
                return true;
            }
        }
        return false;
    }

    /** One line: what the endpoint at {@code url} did wrong. */
    public static String describe(String url, Throwable e) {
        String at = Redaction.url(url);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RpcHttp.ResponseTooLarge) {
                return t.getMessage();
            }
            Matcher m = HTTP_STATUS.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                int status = Integer.parseInt(m.group(1));
                String body = m.group(2).strip().replaceAll("\\s+", " ");
                String hint = status == 401 || status == 403 ? ": check the API key or credentials in the URL"
                        : status == 404 ? ": check the path of --rpc-url" : status == 429 ? ": rate limited, try again later"
                        : status / 100 == 3 ? ": a redirect, not followed; give the address it points to (https?) as --rpc-url" : "";
                return "the server at " + at + " answered HTTP " + status + (body.isEmpty() ? "" : " (" + Redaction.text(cut(body)) + ")") + hint
                        + ", not a JSON-RPC answer";
            }
            if (t instanceof JsonProcessingException j) {
                String msg = String.valueOf(j.getOriginalMessage());
                if (msg.contains("'<'")) {
                    return "the server at " + at + " answered with an HTML page, not JSON-RPC: is --rpc-url the node's JSON-RPC endpoint?";
                }
                return "the server at " + at + " answered something that is not JSON (" + cut(msg) + "): not a JSON-RPC node";
            }
        }
        if (unreachable(e)) {
            return "no Ethereum node answers at " + at;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuntimeException && !(t instanceof NetworkException)) {
                return "the server at " + at + " answered JSON that is not a usable JSON-RPC answer (" + t.getClass().getSimpleName()
                        + (t.getMessage() == null ? "" : ": " + Redaction.text(cut(t.getMessage()))) + ")";
            }
        }
        return "no Ethereum node answers at " + at + " (" + Redaction.text(cut(String.valueOf(e.getMessage()))) + ")";
    }

    private static String cut(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
