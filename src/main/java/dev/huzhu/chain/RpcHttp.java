package dev.huzhu.chain;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.web3j.protocol.http.HttpService;

/**
 * The one way to talk JSON-RPC over HTTP: a web3j {@link HttpService} whose answers are cut at
 * {@link #MAX_RESPONSE_BYTES} (an endless or huge answer is a clear {@link ResponseTooLarge}, not an
 * out-of-memory crash), with connect/read timeouts, and with the URL's user-info sent as HTTP basic
 * auth (never as part of the URL, never printed: see {@link Redaction}).
 */
public final class RpcHttp {
    /** 64 MiB by default ({@code -Dhuzhu.rpc.maxResponseBytes}): far above any answer the indexer asks for. */
    public static final long MAX_RESPONSE_BYTES = Long.getLong("huzhu.rpc.maxResponseBytes", 64L << 20);
    /**
     * The client for {@code http://} nodes (a local devnet, a node on the same host): cleartext only, so that OkHttp
     * never loads the JVM's trust store and TLS machinery, which it does when a client that may speak TLS is built:
     * measured on a cold JVM, 0.23 s and 0.4 s of CPU more per process, on every command that talks to a node
     * (docs/architecture.md). A redirect from http to https is not followed (it could not be without TLS): the caller
     * gets the node's 3xx answer as any other HTTP error, and the user writes the https URL.
     */
    private static final OkHttpClient CLEARTEXT = timeouts(new OkHttpClient.Builder())
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false).build();

    /** The client for {@code https://} nodes, built (and its trust store loaded) only when one is used. */
    private static final class Tls {
        static final OkHttpClient BASE = timeouts(new OkHttpClient.Builder()).build();
    }

    private RpcHttp() {}

    private static OkHttpClient.Builder timeouts(OkHttpClient.Builder b) {
        return b.connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS);
    }

    /** Whether {@code url} names an {@code http://} endpoint (anything else gets the client that speaks TLS). */
    private static boolean cleartext(String url) {
        return url.regionMatches(true, 0, "http://", 0, 7);
    }

    /** An answer over the size limit. Its message contains "response size" (the indexer then asks for fewer blocks). */
    public static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(String url, long limit) {
            super("the node at " + Redaction.url(url) + " sent an answer over the response size limit of " + (limit >> 20) + " MiB; stopped reading");
        }
    }

    /** A service for {@code url} (http or https; user:password@ becomes a basic-auth header). */
    public static HttpService service(String url) {
        return service(url, MAX_RESPONSE_BYTES);
    }

    public static HttpService service(String url, long maxBytes) {
        String bare = url;
        String auth = null;
        try {
            URI u = URI.create(url);
            if (u.getRawUserInfo() != null) {
                String[] up = u.getRawUserInfo().split(":", 2);
                String user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
                String pass = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
                auth = okhttp3.Credentials.basic(user, pass, StandardCharsets.UTF_8);
                bare = url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1");
            }
        } catch (IllegalArgumentException e) {
            // not a URI java.net can parse: OkHttp will say what is wrong with it
        }
        OkHttpClient base = cleartext(url) ? CLEARTEXT : Tls.BASE;
        OkHttpClient client = base.newBuilder().addInterceptor(chain -> limited(chain.proceed(chain.request()), url, maxBytes)).build();
        HttpService service = new HttpService(bare, client);
        if (auth != null) {
            service.addHeader("Authorization", auth);
        }
        return service;
    }

    private static Response limited(Response r, String url, long maxBytes) {
        ResponseBody body = r.body();
        if (body == null) {
            return r;
        }
        if (body.contentLength() > maxBytes) {
            body.close();
            return r.newBuilder().body(failing(body.contentType(), url, maxBytes)).build();
        }
        BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) {
                    read += n;
                    if (read > maxBytes) {
                        throw new ResponseTooLarge(url, maxBytes);
                    }
                }
                return n;
            }
        });
        return r.newBuilder().body(ResponseBody.create(source, body.contentType(), body.contentLength())).build();
    }

    private static ResponseBody failing(MediaType type, String url, long maxBytes) {
        BufferedSource source = Okio.buffer(new okio.Source() {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                throw new ResponseTooLarge(url, maxBytes);
            }

            @Override
            public okio.Timeout timeout() {
                return okio.Timeout.NONE;
            }

            @Override
            public void close() {}
        });
        return ResponseBody.create(source, type, -1);
    }
}
