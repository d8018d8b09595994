package dev.huzhu.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.privacy.Cid;
import dev.huzhu.privacy.DocumentStore;
import dev.huzhu.privacy.UploadPermit;
import dev.huzhu.privacy.UploaderCheck;
import dev.huzhu.protocol.InvalidInputException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The document store over HTTP: {@code PUT /api/documents} (the raw bytes; headers
 * {@value UploadPermit#PLAN_HEADER}, {@value UploadPermit#TIME_HEADER}, {@value UploadPermit#SIGNATURE_HEADER}:
 * an EIP-191 signature of a member or assessor of the plan, see {@link UploadPermit}) answers 201
 * {"cid", "size"}; {@code GET /api/documents/{cid}} answers the bytes after checking their hash. Refusals
 * are one line of JSON: 400 bad header, 403 not allowed, 404 unknown id, 413 over the size limit. A document the chain
 * already names (a plan's rules hash with {@value UploadPermit#PLAN_HEADER}, an anonymous review's hash) is accepted unsigned.
 */
public final class DocumentRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentRoutes.class);
    private final DocumentStore store;
    private final UploaderCheck uploaders;

    public DocumentRoutes(DocumentStore store, UploaderCheck uploaders) {
        this.store = store;
        this.uploaders = uploaders;
    }

    public DocumentStore store() {
        return store;
    }

    void register(RoutesConfig r) {
        r.put("/api/documents", this::put);
        r.get("/api/documents/{cid}", this::get);
        r.head("/api/documents/{cid}", this::get);
    }

    private void put(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > store.maxBytes()) {
            tooLarge(ctx, declared);
            return;
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, store.maxBytes() + 1));
        }
        if (body.length > store.maxBytes()) {
            tooLarge(ctx, body.length);
            return;
        }
        String plan = ctx.header(UploadPermit.PLAN_HEADER);
        String time = ctx.header(UploadPermit.TIME_HEADER);
        String sig = ctx.header(UploadPermit.SIGNATURE_HEADER);
        if (sig == null && uploaders.anchored(plan, Cid.of(body))) {
            Cid cid = store.put(body);
            LOG.info("stored document {} ({} bytes) named on chain{}", cid, body.length, plan == null ? "" : " by plan " + plan);
            json(ctx, 201, Map.of("cid", cid.toString(), "size", body.length, "digest", cid.digestHex()));
            return;
        }
        if (plan == null || time == null || sig == null) {
            error(ctx, 401, "an upload needs the headers " + UploadPermit.PLAN_HEADER + ", " + UploadPermit.TIME_HEADER + " and "
                    + UploadPermit.SIGNATURE_HEADER + " (an EIP-191 signature of a member or assessor of the plan), unless the chain "
                    + "already names the document (a plan's rules hash, an anonymous review's hash)");
            return;
        }
        if (!plan.matches("0x[0-9a-fA-F]{40}") || !time.matches("\\d{1,12}") || !sig.matches("0x[0-9a-fA-F]{130}")) {
            error(ctx, 400, "bad upload headers: the plan must be an address, the timestamp Unix seconds, the signature 65 bytes of hex");
            return;
        }
        long at = Long.parseLong(time);
        long now = System.currentTimeMillis() / 1000;
        if (Math.abs(now - at) > UploadPermit.MAX_SKEW_S) {
            error(ctx, 403, "the upload signature's timestamp " + at + " is more than " + UploadPermit.MAX_SKEW_S + " s from the server's clock " + now);
            return;
        }
        UploadPermit permit = new UploadPermit(Cid.of(body), plan, at, HexFormat.of().parseHex(sig.substring(2)));
        String signer;
        try {
            signer = permit.signer();
        } catch (UploadPermit.InvalidPermit e) {
            error(ctx, 403, e.getMessage());
            return;
        }
        Optional<String> refusal = uploaders.refusal(plan, signer);
        if (refusal.isPresent()) {
            error(ctx, 403, "upload refused: " + refusal.get() + " (the signature names " + signer + ")");
            return;
        }
        Cid cid = store.put(body);
        LOG.info("stored document {} ({} bytes) for plan {}", cid, body.length, plan);
        json(ctx, 201, Map.of("cid", cid.toString(), "size", body.length, "digest", cid.digestHex()));
    }

    private void get(Context ctx) {
        Cid cid;
        try {
            cid = Cid.parse(ctx.pathParam("cid"));
        } catch (InvalidInputException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        Optional<byte[]> doc;
        try {
            doc = store.get(cid);
        } catch (DocumentStore.TamperedDocument e) {
            LOG.error("{}", e.getMessage());
            error(ctx, 500, e.getMessage());
            return;
        }
        if (doc.isEmpty()) {
            error(ctx, 404, "no document " + cid + " in this store");
            return;
        }
        ctx.status(200).header("Access-Control-Allow-Origin", "*").header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + cid + "\"").contentType("application/octet-stream").result(doc.get());
    }

    private void tooLarge(Context ctx, long size) {
        error(ctx, 413, new DocumentStore.DocumentTooLarge(size, store.maxBytes()).getMessage());
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Map.of("error", message));
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).header("Access-Control-Allow-Origin", "*").header("Cache-Control", "no-store")
                    .contentType("application/json; charset=utf-8").result(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
