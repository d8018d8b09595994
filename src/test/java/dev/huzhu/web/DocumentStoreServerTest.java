package dev.huzhu.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.privacy.AccountKey;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.DocumentStore;
import dev.huzhu.privacy.KeyPairAccountKey;
import dev.huzhu.privacy.StoreClient;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;

/** The store over HTTP, no node: uploads need a signature the check accepts; ids and sizes enforced. */
class DocumentStoreServerTest {
    static final String PLAN = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    static final AccountKey MEMBER = new KeyPairAccountKey(ECKeyPair.create(new BigInteger("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 16)));
    static final AccountKey STRANGER = new KeyPairAccountKey(ECKeyPair.create(new BigInteger("5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", 16)));
    @TempDir static Path tmp;
    static WebServer server;
    static DocumentStore store;
    static StoreClient client;

    @BeforeAll
    static void start() throws Exception {
        store = new DocumentStore(tmp.resolve("store"), 1000);
        // the chain's answer stubbed: only MEMBER belongs to PLAN (ChainUploaders is exercised against a node in EvidenceIT)
        DocumentRoutes routes = new DocumentRoutes(store, (plan, who) -> who.equals(MEMBER.address()) && plan.equalsIgnoreCase(PLAN)
                ? Optional.empty() : Optional.of(who + " is neither a member nor an assessor of plan " + plan));
        server = WebServer.start(IndexDatabase.open("jdbc:sqlite:" + tmp.resolve("s.db")), 31337, "127.0.0.1", 0, null, routes);
        client = new StoreClient(URI.create(server.url()), null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void memberUploadsAnyoneReads() throws Exception {
        byte[] doc = "plan rules v1".getBytes(StandardCharsets.UTF_8);
        Cid id = client.put(doc, PLAN, MEMBER);
        assertEquals(Cid.of(doc), id);
        assertTrue(Files.exists(store.dir().resolve(id.toString())));
        assertArrayEquals(doc, client.get(id).orElseThrow());
        assertTrue(client.get(Cid.of(new byte[] {42})).isEmpty());
    }

    @Test
    void strangersAndUnsignedUploadsAreRefused() throws Exception {
        StoreClient.StoreException e = assertThrows(StoreClient.StoreException.class, () -> client.put(new byte[] {1}, PLAN, STRANGER));
        assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("neither a member nor an assessor"), e.getMessage());
        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "api/documents"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());
        assertTrue(store.get(Cid.of(new byte[] {1})).isEmpty());
    }

    @Test
    void oversizeIsA413WithOneLine() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "api/documents"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1001])).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode());
        assertEquals("{\"error\":\"document too large: 1001 bytes, the store's limit is 1000 bytes\"}", r.body());
    }

    @Test
    void alteredFileIsNotServed() throws Exception {
        byte[] doc = "to be altered".getBytes(StandardCharsets.UTF_8);
        Cid id = client.put(doc, PLAN, MEMBER);
        Files.writeString(store.dir().resolve(id.toString()), "altered!!");
        StoreClient.StoreException e = assertThrows(StoreClient.StoreException.class, () -> client.get(id));
        assertTrue(e.getMessage().contains("HTTP 500") && e.getMessage().contains("does not match its id"), e.getMessage());
    }
}
