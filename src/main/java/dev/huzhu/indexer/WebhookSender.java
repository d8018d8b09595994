package dev.huzhu.indexer;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.Redaction;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * POSTs notifications to a webhook: JSON body, {@code Idempotency-Key} header; no answer, 5xx,
 * 408 or 429 is retried with exponential backoff until it succeeds or we are stopped; another 4xx
 * stops the delivery (see {@link #deliver}).
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
     * Delivers {@code n}; returns false only if interrupted. A transient failure (no answer, 5xx,
     * 408, 429) is retried by a Failsafe policy with exponential backoff until it succeeds;
     * {@code onFailure} hears of each failed attempt (attempt number, reason). Any other 4xx is
     * permanent and never retried: an IndexerException (the cursor stays before {@code n}, so a
     * fixed endpoint gets it on the next run).
     */
    public boolean deliver(Notification n, BiConsumer<Integer, String> onFailure) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", n.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(n.toJson()))
                .build();
        RetryPolicy<HttpResponse<Void>> retries = RetryPolicy.<HttpResponse<Void>>builder()
                .handle(IOException.class)
                .handleResultIf(r -> r.statusCode() / 100 != 2 && !RpcException.permanentHttpStatus(r.statusCode()))
                .withBackoff(initialBackoff, maxBackoff)
                .withMaxRetries(-1)
                .onFailedAttempt(ev -> onFailure.accept(ev.getAttemptCount(), ev.getLastException() != null
                        ? ev.getLastException().getClass().getSimpleName() + (ev.getLastException().getMessage() == null ? "" : ": " + ev.getLastException().getMessage())
                        : "HTTP " + ev.getLastResult().statusCode()))
                .build();
        HttpResponse<Void> r;
        try {
            r = Failsafe.with(retries).get(() -> client.send(request, HttpResponse.BodyHandlers.discarding()));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return false;
            }
            throw e;
        }
        if (r.statusCode() / 100 != 2) {
            throw new IndexerException("webhook " + Redaction.url(url.toString()) + " answered HTTP " + r.statusCode() + " to " + n.idempotencyKey()
                    + ": a permanent error, not retried; fix the endpoint and run again (delivery resumes with this notification)");
        }
        return true;
    }
}
