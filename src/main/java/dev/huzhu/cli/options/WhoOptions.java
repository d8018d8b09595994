package dev.huzhu.cli.options;

import dev.huzhu.cli.Session;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Whose state a read shows: an ADDRESS or account name argument, else --account, else $HUZHU_ACCOUNT (no password needed). */
public final class WhoOptions {
    @Mixin KeystoreOptions keystore;

    @Option(names = {"-a", "--account"}, paramLabel = "NAME|ADDRESS", description = "a keystore account (default: $HUZHU_ACCOUNT)")
    String account;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS", description = "an address or a keystore account name (default: the account's)")
    String address;

    /** The checksummed address to show. */
    public String who(Session session) {
        if (address != null) {
            return keystore.addressOf(session, address, "address");
        }
        return keystore.keystore(session).find(account != null ? account : session.env("HUZHU_ACCOUNT")).address();
    }
}
