package dev.huzhu.cli.resident;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request from the launcher, as NUL-terminated UTF-8 fields: the protocol tag, the token, the kind
 * ({@code run}, {@code status} or {@code stop}), the launcher's checkout (huzhu.home), the argument count and the arguments, then the client's
 * environment as {@code NAME=value} entries, ended by an empty field. Bash writes it with {@code printf '%s\0'}.
 */
record ResidentRequest(String token, String kind, String home, String[] args, Map<String, String> env) {
    static final String TAG = "huzhu-resident-1";
    static final int MAX_FIELD = 1 << 20;
    static final int MAX_FIELDS = 4096;

    /** Reads one request; throws on a malformed or oversized one (the server then answers {@code refused}). */
    static ResidentRequest read(InputStream in) throws IOException {
        if (!TAG.equals(field(in))) {
            throw new IOException("not a huzhu resident request");
        }
        String token = field(in);
        String kind = field(in);
        String home = field(in);
        int argc;
        try {
            argc = Integer.parseInt(field(in));
        } catch (NumberFormatException e) {
            throw new IOException("bad argument count");
        }
        if (argc < 0 || argc > MAX_FIELDS) {
            throw new IOException("bad argument count");
        }
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(field(in));
        }
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < MAX_FIELDS; i++) {
            String entry = field(in);
            if (entry.isEmpty()) {
                return new ResidentRequest(token, kind, home, args.toArray(String[]::new), env);
            }
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        throw new IOException("too many environment entries");
    }

    private static String field(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != 0; c = in.read()) {
            if (c < 0) {
                throw new IOException("request ended early");
            }
            if (b.size() >= MAX_FIELD) {
                throw new IOException("field too long");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
