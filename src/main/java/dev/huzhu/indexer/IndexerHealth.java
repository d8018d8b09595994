package dev.huzhu.indexer;

import dev.huzhu.chain.Redaction;

/**
 * What an indexer says about itself while it runs, for {@code /api/status} of the same process (the
 * database may be the thing that fails, so its sync_status row cannot be the only report): the head and
 * the indexed block, the state (synced, catching up, retrying, stopped), the last error with secrets
 * removed ({@link Redaction}) and since when it fails. Thread-safe: one writer, any readers.
 */
public final class IndexerHealth {
    /** The indexer's state, as /api/status spells it. */
    public enum State {
        SYNCED("synced"), CATCHING_UP("catching up"), RETRYING("retrying"), STOPPED("stopped");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One consistent reading. */
    public record Snapshot(State state, long head, long indexed, String lastError, Long failingSinceMs, long updatedMs) {
        public long lag() {
            return Math.max(0, head - indexed);
        }
    }

    private volatile Snapshot now = new Snapshot(State.CATCHING_UP, -1, -1, null, null, System.currentTimeMillis());

    public Snapshot snapshot() {
        return now;
    }

    synchronized void progress(long head, long indexed) {
        now = new Snapshot(indexed >= head ? State.SYNCED : State.CATCHING_UP, head, indexed, null, null, System.currentTimeMillis());
    }

    synchronized void failing(String problem) {
        Snapshot s = now;
        now = new Snapshot(State.RETRYING, s.head(), s.indexed(), Redaction.text(problem),
                s.failingSinceMs() == null ? Long.valueOf(System.currentTimeMillis()) : s.failingSinceMs(), System.currentTimeMillis());
    }

    /** The indexer gave up (or was stopped) and will not resume by itself. */
    public synchronized void stopped(String problem) {
        Snapshot s = now;
        now = new Snapshot(State.STOPPED, s.head(), s.indexed(), problem == null ? null : Redaction.text(problem), s.failingSinceMs(),
                System.currentTimeMillis());
    }
}
