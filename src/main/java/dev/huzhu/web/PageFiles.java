package dev.huzhu.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The transparency page from the classpath ({@code web/}), read once: {@code /} and {@code /index.html} are the
 * page (its views are {@code #/…} fragments), its assets are files; any other path is a 404, not the page.
 */
final class PageFiles {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "ico", "image/x-icon");
    private static final Pattern ASSET = Pattern.compile("/[a-z0-9-]+\\.(js|css|svg|ico)");
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    PageFiles() {
        for (String name : new String[] {"index.html", "app.js", "style.css"}) {
            files.put(name, read(name));
        }
    }

    void serve(Context ctx) {
        String path = ctx.path();
        String name = ASSET.matcher(path).matches() ? path.substring(1) : path.equals("/") || path.equals("/index.html") ? "index.html" : null;
        byte[] body = name == null ? null : files.computeIfAbsent(name, PageFiles::readOrNull);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (body == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found: " + path + " (the page is at /)");
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream")).result(body);
    }

    private static byte[] read(String name) {
        byte[] b = readOrNull(name);
        if (b == null) {
            throw new IllegalStateException("web/" + name + " is missing from the classpath");
        }
        return b;
    }

    private static byte[] readOrNull(String name) {
        try (InputStream in = PageFiles.class.getResourceAsStream("/web/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
