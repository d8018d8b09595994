package dev.huzhu.privacy;

/** Who may upload into the store for a plan: asked of the chain by the server on every PUT. */
public interface UploaderCheck {
    /** Empty when {@code account} may upload for {@code plan}; otherwise why not, in one line. */
    java.util.Optional<String> refusal(String plan, String account);
}
