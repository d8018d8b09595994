package dev.huzhu.devnet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks a JSON-RPC endpoint for its chain id, without web3j, to tell whether a node is up. */
public final class JsonRpcProbe {
    private static final Pattern RESULT = Pattern.compile("\"result\"\\s*:\\s*\"0x([0-9a-fA-F]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private JsonRpcProbe() {}

    /** The chain id served at {@code rpcUrl}, or empty when nothing answers there. */
    public static OptionalLong chainId(String rpcUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl))
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = RESULT.matcher(response.body());
            return m.find() ? OptionalLong.of(Long.parseLong(m.group(1), 16)) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }
}
