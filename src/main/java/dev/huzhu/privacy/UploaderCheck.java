package dev.huzhu.privacy;

/** Who may upload into the store for a plan: asked of the chain by the server on every PUT. */
public interface UploaderCheck {
    /** Empty when {@code account} may upload for {@code plan}; otherwise why not, in one line. */
    java.util.Optional<String> refusal(String plan, String account);

    /**
     * Whether the chain already names this document, so that anyone may upload it unsigned: a plan's rules
     * document (its {@code rulesHash}, when {@code plan} is given) or an anonymous review's text (its hash in
     * an AnonymouslyRated event): an upload that could link an anonymous reviewer needs no signature.
     */
    default boolean anchored(String plan, Cid cid) {
        return false;
    }
}
