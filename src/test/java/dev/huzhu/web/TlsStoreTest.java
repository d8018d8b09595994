package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.DocumentStore;
import dev.huzhu.privacy.StoreClient;
import dev.huzhu.privacy.TrustedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `serve --tls`: the store over HTTPS with the generated development certificate, trusted explicitly and only so. */
class TlsStoreTest {
    @Test
    void uploadsAndDownloadsOverHttpsWithTheDevCertificateOnly(@TempDir Path tmp) throws Exception {
        TlsIdentity dev = TlsIdentity.development(tmp.resolve("tls"), "127.0.0.1");
        // a second start reuses the same certificate (clients trust it once)
        assertEquals(dev.fingerprint(), TlsIdentity.development(tmp.resolve("tls"), "127.0.0.1").fingerprint());
        assertTrue(dev.chain().get(0).getSubjectAlternativeNames().toString().contains("127.0.0.1"));
        DocumentStore store = new DocumentStore(tmp.resolve("store"), 1000);
        DocumentRoutes routes = new DocumentRoutes(store, (plan, who) -> who.equals(DocumentStoreServerTest.MEMBER.address())
                ? Optional.empty() : Optional.of("no"));
        try (WebServer server = WebServer.start(IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("t.db")), 31337, "127.0.0.1", 0, null,
                routes, null, dev)) {
            assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
            assertEquals(1, server.listeners(), "HTTPS only: no plain listener beside it");
            StoreClient trusted = new StoreClient(URI.create(server.url()), TrustedCertificate.sslContext(dev.certificateFile()));
            byte[] doc = "over TLS".getBytes(StandardCharsets.UTF_8);
            Cid id = trusted.put(doc, DocumentStoreServerTest.PLAN, DocumentStoreServerTest.MEMBER);
            assertArrayEquals(doc, trusted.get(id).orElseThrow());
            // the JVM's default trust store does not know the dev certificate: refused, nothing trusted blindly
            StoreClient untrusting = new StoreClient(URI.create(server.url()), null);
            StoreClient.StoreException e = assertThrows(StoreClient.StoreException.class, () -> untrusting.get(id));
            assertTrue(e.getMessage().contains("--store-ca"), e.getMessage());
            // plain HTTP on the TLS port gets no document
            StoreClient plain = new StoreClient(URI.create(server.url().replace("https", "http")), null);
            assertThrows(StoreClient.StoreException.class, () -> plain.get(id));
        }
    }
}
