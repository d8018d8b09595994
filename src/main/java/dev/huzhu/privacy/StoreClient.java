package dev.huzhu.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The CLI's side of the document store ({@code huzhu serve}'s /api/documents): uploads signed with the
 * account's key ({@link UploadPermit}), downloads checked against their id here too (a store cannot
 * hand out other bytes). HTTPS with the store's certificate trusted explicitly ({@link TrustedCertificate}).
 */
public final class StoreClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    /** {@code base}: the server's root, e.g. http://127.0.0.1:8080/; {@code tls}: null for the JVM's trust store. */
    public StoreClient(URI base, SSLContext tls) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    public URI base() {
        return base;
    }

    /** Uploads {@code content} for {@code plan}, signed by {@code key}; returns its id (checked against ours). */
    public Cid put(byte[] content, String plan, AccountKey key) {
        UploadPermit permit = UploadPermit.sign(key, content, plan, System.currentTimeMillis() / 1000);
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/documents")).timeout(Duration.ofSeconds(60))
                .header(UploadPermit.PLAN_HEADER, plan).header(UploadPermit.TIME_HEADER, Long.toString(permit.at()))
                .header(UploadPermit.SIGNATURE_HEADER, permit.signatureHex()).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<byte[]> res = send(req);
        if (res.statusCode() != 201) {
            throw new StoreException("the store at " + base + " refused the upload (HTTP " + res.statusCode() + "): " + errorOf(res));
        }
        Cid cid = permit.cid();
        String answered = field(res, "cid");
        if (!cid.toString().equals(answered)) {
            throw new StoreException("the store at " + base + " answered id " + answered + " for a document whose id is " + cid);
        }
        return cid;
    }

    /** Uploads a document the chain already names (no signature): a plan's rules ({@code plan} given) or an anonymous review. */
    public Cid putAnchored(byte[] content, String planOrNull) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/documents")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        if (planOrNull != null) {
            b.header(UploadPermit.PLAN_HEADER, planOrNull);
        }
        HttpResponse<byte[]> res = send(b.build());
        if (res.statusCode() != 201) {
            throw new StoreException("the store at " + base + " refused the upload (HTTP " + res.statusCode() + "): " + errorOf(res));
        }
        return Cid.of(content);
    }

    /** The document, its hash checked; empty when the store does not have it. */
    public Optional<byte[]> get(Cid cid) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/documents/" + cid)).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<byte[]> res = send(req);
        if (res.statusCode() == 404) {
            return Optional.empty();
        }
        if (res.statusCode() != 200) {
            throw new StoreException("the store at " + base + " did not serve " + cid + " (HTTP " + res.statusCode() + "): " + errorOf(res));
        }
        if (!cid.matches(res.body())) {
            throw new DocumentStore.TamperedDocument(cid);
        }
        return Optional.of(res.body());
    }

    /** The document, or a StoreException naming the id and the store. */
    public byte[] require(Cid cid, String what) {
        return get(cid).orElseThrow(() -> new StoreException(what + " " + cid + " is not in the store at " + base));
    }

    private HttpResponse<byte[]> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (javax.net.ssl.SSLHandshakeException e) {
            throw new StoreException("cannot trust the store at " + base + ": " + e.getMessage()
                    + " (pass its certificate with --store-ca FILE)");
        } catch (IOException e) {
            throw new StoreException("cannot reach the document store at " + base + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())
                    + " (is `huzhu serve` running? --store URL)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while talking to the store at " + base);
        }
    }

    private static String field(HttpResponse<byte[]> res, String name) {
        try {
            JsonNode n = JSON.readTree(res.body());
            return n.path(name).asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String errorOf(HttpResponse<byte[]> res) {
        String e = field(res, "error");
        return e != null ? e : new String(res.body(), java.nio.charset.StandardCharsets.UTF_8).strip().lines().findFirst().orElse("(no message)");
    }

    /** The store could not be used: one line naming it and why. */
    public static final class StoreException extends RuntimeException {
        public StoreException(String message) {
            super(message);
        }
    }
}
