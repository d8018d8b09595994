package dev.huzhu.keeper;

import java.util.List;

/**
 * What one keeper pass did at chain time {@code chainTime}: the calls it sent (all mined and
 * successful) and the ones it left alone, with the reason.
 */
public record PassReport(long chainTime, List<Sent> sent, List<Skipped> skipped) {
    /** A call sent and mined. */
    public record Sent(KeeperTask task, String txHash, long block, long gasUsed) {}

    /** A call not sent (or sent and overtaken), and why. */
    public record Skipped(KeeperTask task, String reason) {}
}
