package dev.huzhu.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Raw JSON-RPC calls for the tests: evm_snapshot, evm_revert, evm_mine, eth_getBlockByNumber. */
public final class DevRpc {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DevRpc() {}

    public static JsonNode call(String url, String method, Object... params) throws Exception {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = JSON.readTree(r.body());
        if (j.has("error")) {
            throw new IllegalStateException(method + ": " + j.get("error"));
        }
        return j.get("result");
    }

    public static void mine(String url, int blocks) throws Exception {
        for (int i = 0; i < blocks; i++) {
            call(url, "evm_mine");
        }
    }

    public static String blockHash(String url, long number) throws Exception {
        JsonNode b = call(url, "eth_getBlockByNumber", "0x" + Long.toHexString(number), false);
        return b == null || b.isNull() ? null : b.get("hash").asText();
    }

    public static long blockNumber(String url) throws Exception {
        return Long.decode(call(url, "eth_blockNumber").asText());
    }
}
