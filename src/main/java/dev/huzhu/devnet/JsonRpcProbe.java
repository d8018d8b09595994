package dev.huzhu.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Asks a JSON-RPC endpoint for its chain id, without web3j (whose client and thread pool cost more
 * than the probe of a node that may not be there), to tell whether a node is up.
 */
public final class JsonRpcProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private static final String REQUEST;

    static {
        try {
            REQUEST = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", "eth_chainId", "params", List.of()));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JsonRpcProbe() {}

    /** The chain id served at {@code rpcUrl}, or empty when nothing (or no JSON-RPC node) answers there. */
    public static OptionalLong chainId(String rpcUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return parseChainId(response.body());
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** The {@code result} of an eth_chainId answer ("0x7a69" → 31337), or empty for anything else. */
    static OptionalLong parseChainId(String body) {
        try {
            JsonNode result = JSON.readTree(body).path("result");
            String hex = result.isTextual() ? result.asText() : "";
            return hex.matches("0x[0-9a-fA-F]{1,15}") ? OptionalLong.of(Long.parseLong(hex.substring(2), 16)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty(); // not JSON: something else listens on that port
        }
    }
}
