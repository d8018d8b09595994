package dev.huzhu.cli.dev;

import dev.huzhu.chain.NetworkProfile;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.protocol.InvalidInputException;

/** Opens the chain for a `huzhu dev` command, refusing any network that is not a local development chain (before connecting). */
final class LocalChain {
    private LocalChain() {}

    static ChainContext open(Session session, NetworkOptions network) {
        NetworkProfile profile = network.profile(session);
        if (!profile.local()) {
            throw new InvalidInputException("`huzhu dev` works on a local development chain only; network '" + profile.name()
                    + "' (chain " + profile.chainId() + ") is not one");
        }
        return ChainContext.open(session, network);
    }
}
