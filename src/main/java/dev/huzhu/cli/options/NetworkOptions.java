package dev.huzhu.cli.options;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.NetworkProfile;
import dev.huzhu.chain.NetworkProfiles;
import dev.huzhu.cli.Session;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.LocalNode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which network to talk to, and where its address book lives. */
public final class NetworkOptions {
    @Option(names = {"-n", "--network"}, paramLabel = "NAME",
            description = "local, sepolia, holesky or a name from the networks file (default: $HUZHU_NETWORK or local)")
    String network;

    @Option(names = "--rpc-url", paramLabel = "URL", description = "JSON-RPC endpoint overriding the network's (default: $HUZHU_RPC_URL, else $ETH_RPC_URL as in cast); its chain id must still match the network's")
    String rpcUrl;

    @Option(names = "--networks-file", paramLabel = "FILE", description = "user network profiles (default: ~/.huzhu/networks.json)")
    Path networksFile;

    @Option(names = "--deployments-dir", paramLabel = "DIR", description = "address books <chainId>.json (default: $HUZHU_DEPLOYMENTS_DIR or deployments/ in the checkout)")
    Path deploymentsDir;

    public NetworkProfile profile(Session session) {
        String name = network != null ? network : session.env().getOrDefault("HUZHU_NETWORK", "local");
        Path file = networksFile != null ? networksFile : session.userDir().resolve("networks.json");
        String url = rpcUrl != null ? rpcUrl : session.env("HUZHU_RPC_URL") != null ? session.env("HUZHU_RPC_URL") : session.env("ETH_RPC_URL");
        // look for `huzhu node start`'s node only when it can matter (it costs a probe)
        String localUrl = name.equals("local") && url == null ? localRpcUrl(session) : HardhatNode.rpcUrl(8545);
        NetworkProfile p = NetworkProfiles.load(localUrl, file).get(name);
        if (url != null) {
            if (!url.matches("(?i)(https?|wss?)://\\S+")) {
                throw new InvalidInputException("--rpc-url '" + url + "' is not an http(s):// or ws(s):// URL");
            }
            p = p.withRpcUrl(url);
        }
        return p;
    }

    /**
     * The endpoint the user named (--rpc-url, else $HUZHU_RPC_URL), or null; refuses a network other
     * than `local` (for the local-chain commands: demo).
     */
    public String explicitRpcUrl(Session session) {
        String name = network != null ? network : session.env().getOrDefault("HUZHU_NETWORK", "local");
        if (!name.equals("local")) {
            throw new InvalidInputException("this command runs on the local chain only, not on network '" + name + "'");
        }
        return rpcUrl != null ? rpcUrl : session.env("HUZHU_RPC_URL") != null ? session.env("HUZHU_RPC_URL") : session.env("ETH_RPC_URL");
    }

    public Path deploymentsDir(Session session) {
        if (deploymentsDir != null) {
            return deploymentsDir;
        }
        String env = session.env("HUZHU_DEPLOYMENTS_DIR");
        return env != null ? Path.of(env) : session.projectDir().resolve("deployments");
    }

    /** The node of `huzhu node start` when it runs, else the usual 127.0.0.1:8545. */
    private static String localRpcUrl(Session session) {
        try {
            return new LocalNode(session.projectDir()).status().filter(LocalNode.Status::running)
                    .map(LocalNode.Status::rpcUrl).orElse(HardhatNode.rpcUrl(8545));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(NetworkOptions.class).warn("cannot read the local node's pid file ({}); using port 8545", e.toString());
            return HardhatNode.rpcUrl(8545);
        }
    }
}
