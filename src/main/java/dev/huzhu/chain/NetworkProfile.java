package dev.huzhu.chain;

/**
 * A named network: where its node is and which chain it must be. {@code local} marks development
 * chains (MockUSD deployable, faucet open).
 */
public record NetworkProfile(String name, String rpcUrl, long chainId, boolean local) {
    public NetworkProfile withRpcUrl(String url) {
        return new NetworkProfile(name, url, chainId, local);
    }
}
