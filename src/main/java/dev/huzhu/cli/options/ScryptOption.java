package dev.huzhu.cli.options;

import dev.huzhu.cli.Session;
import dev.huzhu.wallet.ScryptStrength;
import picocli.CommandLine.Option;

/** {@code --light}: cheap scrypt for tests and throwaway accounts. */
public final class ScryptOption {
    @Option(names = "--light", description = "light scrypt (n=4096, p=6) instead of the standard n=262144: "
            + "for tests and throwaway accounts only (also $HUZHU_KEYSTORE_LIGHT=1)")
    boolean light;

    public ScryptStrength strength(Session session) {
        return light || "1".equals(session.env("HUZHU_KEYSTORE_LIGHT")) ? ScryptStrength.LIGHT : ScryptStrength.STANDARD;
    }
}
