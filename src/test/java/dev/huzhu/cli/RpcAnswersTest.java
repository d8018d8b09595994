package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.RpcProxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stands at --rpc-url is not always a node: an HTML page, garbage, an HTTP 500, JSON that is not
 * JSON-RPC, an endless answer. Each gets its own one line (they all said "no Ethereum node answers"),
 * the endless one without running out of memory; credentials in the URL are never printed.
 */
class RpcAnswersTest {
    @TempDir Path tmp;

    private CliRunner.Result poolList(RpcProxy.Reply reply, String path) throws Exception {
        try (RpcProxy proxy = new RpcProxy("http://127.0.0.1:9")) {
            proxy.policy(body -> reply);
            CliRunner.Result r = new CliRunner().env("HUZHU_CONFIG_DIR", tmp.resolve("home").toString())
                    .run("pool", "list", "--rpc-url", proxy.url(path).replace("http://", "http://alice:s3cret@"));
            if (!(reply instanceof RpcProxy.Drop)) {
                // the URL's user-info travels as basic auth (it was dropped), never in the URL
                assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        proxy.lastAuthorization());
            }
            return r;
        }
    }

    private static void oneLine(CliRunner.Result r, int exit, String expected) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.errLine().matches(expected), r.errLine() + "\n  !~ " + expected);
        assertTrue(!r.err().contains("s3cret") && !r.err().contains("9aa3d95b3bc440fa88ea12eaa4456161"), r.err());
    }

    @Test
    void anHtmlPage() throws Exception {
        oneLine(poolList(new RpcProxy.Answer(200, "text/html", "<!doctype html><html><body>Welcome to nginx!</body></html>"), "/"),
                ExitCodes.NETWORK, "huzhu: the server at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ answered with an HTML page, not JSON-RPC: "
                        + "is --rpc-url the node's JSON-RPC endpoint\\? \\(network 'local'\\)");
    }

    @Test
    void garbage() throws Exception {
        oneLine(poolList(new RpcProxy.Answer(200, "application/json", "{jsonrpc 2.0 ??"), "/"),
                ExitCodes.NETWORK, "huzhu: the server at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ answered something that is not JSON \\(.*\\): "
                        + "not a JSON-RPC node \\(network 'local'\\)");
    }

    @Test
    void jsonThatIsNotJsonRpc() throws Exception {
        oneLine(poolList(new RpcProxy.Answer(200, "application/json", "{\"hello\": \"world\"}"), "/"),
                ExitCodes.NETWORK, "huzhu: the server at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ answered JSON that is not a usable JSON-RPC answer .*");
    }

    @Test
    void anHttpError() throws Exception {
        oneLine(poolList(new RpcProxy.Answer(500, "text/plain", "upstream exploded"), "/v3/9aa3d95b3bc440fa88ea12eaa4456161"),
                ExitCodes.NETWORK, "huzhu: the server at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/v3/\\*\\*\\* answered HTTP 500 \\(upstream exploded\\), "
                        + "not a JSON-RPC answer \\(network 'local'\\)");
        oneLine(poolList(new RpcProxy.Answer(401, "application/json", "{\"error\":\"invalid project id\"}"), "/v3/9aa3d95b3bc440fa88ea12eaa4456161"),
                ExitCodes.NETWORK, "huzhu: the server at .* answered HTTP 401 .*: check the API key or credentials in the URL, not a JSON-RPC answer .*");
    }

    @Test
    void aRedirectToHttpsIsNamedNotFollowed() throws Exception {
        // an http:// node gets a client without TLS (no trust store loaded at start); a redirect to https is not followed
        // but said in one line (it was an IllegalStateException "CLEARTEXT-only client" before the redirects were turned off)
        for (int status : new int[] {301, 307, 308}) {
            oneLine(poolList(new RpcProxy.Redirect(status, "https://127.0.0.1:1/"), "/"),
                    ExitCodes.NETWORK, "huzhu: the server at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ answered HTTP " + status
                            + ": a redirect, not followed; give the address it points to \\(https\\?\\) as --rpc-url, not a JSON-RPC answer \\(network 'local'\\)");
        }
    }

    @Test
    void nothingListening() throws Exception {
        oneLine(poolList(RpcProxy.DROP, "/"), ExitCodes.NETWORK,
                "huzhu: no Ethereum node answers at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ \\(network 'local'\\)");
    }

    @Test
    void anEndlessAnswerIsCutNotBuffered() throws Exception {
        long t0 = System.nanoTime();
        oneLine(poolList(new RpcProxy.Endless("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x", "0".repeat(8192)), "/"),
                ExitCodes.NETWORK, "huzhu: the node at http://\\*\\*\\*@127\\.0\\.0\\.1:\\d+/ sent an answer over the response size limit of 64 MiB; "
                        + "stopped reading \\(network 'local'\\)");
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L);
    }

    @Test
    void theIndexerGetsTheSameWords() throws Exception {
        try (RpcProxy proxy = new RpcProxy("http://127.0.0.1:9")) {
            proxy.policy(body -> new RpcProxy.Endless("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":[", "{\"a\":1},".repeat(500)));
            CliRunner.Result r = new CliRunner().env("HUZHU_CONFIG_DIR", tmp.resolve("home").toString())
                    .run("index", "--once", "--rpc-url", proxy.url("/v2/AbCdEfGh1jKlMnOpQrStUv12"), "--db", "jdbc:sqlite:" + tmp.resolve("i.db"));
            oneLine(r, ExitCodes.NETWORK, "huzhu: the node at http://127\\.0\\.0\\.1:\\d+/v2/\\*\\*\\* sent an answer over the response size limit "
                    + "of 64 MiB; stopped reading \\(network 'local'\\)");
        }
    }
}
