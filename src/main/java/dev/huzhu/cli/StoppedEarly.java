package dev.huzhu.cli;

import java.util.Map;

/**
 * A command that did what was asked and stops before its usual end: a dry run (`--dry-run`: the call and its
 * estimate, nothing sent) or a transaction sent without waiting (`--confirmations 0`). Not a failure: the
 * handler prints the text (or the JSON with --json) on stdout and exits 0.
 */
public final class StoppedEarly extends RuntimeException {
    private final transient Map<String, Object> json;

    public StoppedEarly(String text, Map<String, Object> json) {
        super(text, null, false, false);
        this.json = json;
    }

    public Map<String, Object> json() {
        return json;
    }
}
