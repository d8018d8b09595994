package dev.huzhu.indexer;

import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * POSTs notifications to a webhook: JSON body, {@code Idempotency-Key} header; any answer other
 * than 2xx (or no answer) is retried with exponential backoff until it succeeds or we are stopped.
 */
public final class WebhookSender {
    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    public WebhookSender(URI url, Duration initialBackoff, Duration maxBackoff) {
        String scheme = url.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidInputException("--webhook must be an http:// or https:// URL, got " + url);
        }
        this.url = url;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Delivers {@code n}; returns false only if interrupted. {@code onFailure} hears of each failed
     * attempt (attempt number, reason).
     */
    public boolean deliver(Notification n, BiConsumer<Integer, String> onFailure) {
        Backoff backoff = new Backoff(initialBackoff, maxBackoff);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", n.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(n.toJson()))
                .build();
        for (int attempt = 1; ; attempt++) {
            String problem;
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return true;
                }
                problem = "HTTP " + r.statusCode();
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            onFailure.accept(attempt, problem);
            if (!backoff.pause()) {
                return false;
            }
        }
    }
}
