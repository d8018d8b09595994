package dev.huzhu.cli.options;

import dev.huzhu.cli.Session;
import dev.huzhu.privacy.StoreClient;
import dev.huzhu.protocol.InvalidInputException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store URL} and {@code --store-ca FILE}: the document store (`huzhu serve`) a command uploads to or reads from. */
public final class StoreOptions {
    public static final String DEFAULT_URL = "http://127.0.0.1:8080/";

    @Option(names = "--store", paramLabel = "URL", description = "the document store: a `huzhu serve` root (default: $HUZHU_STORE or " + DEFAULT_URL + ")")
    public String url;

    @Option(names = "--store-ca", paramLabel = "FILE", description = "trust this PEM certificate for an https store (the server's dev certificate); nothing else is trusted blindly")
    public Path ca;

    public StoreClient client(Session session) {
        String u = url != null ? url : session.env("HUZHU_STORE") != null ? session.env("HUZHU_STORE") : DEFAULT_URL;
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--store '" + u + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidInputException("--store '" + u + "' must be an http:// or https:// URL");
        }
        return new StoreClient(uri, ca == null ? null : dev.huzhu.privacy.TrustedCertificate.sslContext(ca));
    }
}
