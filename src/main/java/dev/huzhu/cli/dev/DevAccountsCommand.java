package dev.huzhu.cli.dev;

import dev.huzhu.chain.DevAccounts;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.GasPrice;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu dev accounts}: the keystore's accounts and the node's public development accounts, with their balances. */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "List your keystore accounts and the local node's development accounts with their ETH and MockUSD.",
        footer = {"", "The development accounts' keys are public (anyone can sign with them): local chains only.",
                "", "Examples:", "  huzhu dev accounts", "  huzhu dev accounts --keys", "  huzhu dev accounts --json"})
public final class DevAccountsCommand implements Callable<Integer> {
    private static final int SHOWN = 10;

    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin KeystoreOptions keystore;
    @Mixin JsonOption json;

    @Option(names = "--keys", description = "also print the development accounts' (public) private keys, for `huzhu wallet import`")
    boolean keys;

    @Override
    public Integer call() throws IOException {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = LocalChain.open(session, network)) {
            Erc20Token usd = chain.deploymentIfAny().filter(d -> chain.hasCode(d.address(Deployment.FACTORY)))
                    .flatMap(d -> d.contract(Deployment.MOCK_USD)).map(c -> new Erc20Token(chain.web3j(), c.address())).orElse(null);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (KeystoreEntry e : keystore.keystore(session).list()) {
                rows.add(row(chain, usd, "keystore", e.name(), e.address(), null));
            }
            List<Credentials> dev = DevAccounts.first(SHOWN);
            for (int i = 0; i < dev.size(); i++) {
                String key = keys ? Numeric.toHexStringWithPrefixZeroPadded(dev.get(i).getEcKeyPair().getPrivateKey(), 64) : null;
                rows.add(row(chain, usd, "dev", "dev" + i, Keys.toChecksumAddress(dev.get(i).getAddress()), key));
            }
            if (json.json) {
                Json.print(out, Json.object("chainId", chain.chainId(), "token", usd == null ? null : usd.address(), "accounts", rows));
                return ExitCodes.OK;
            }
            List<String> header = new ArrayList<>(List.of("KIND", "NAME", "ADDRESS", "ETH>", usd == null ? "MOCKUSD>" : usd.symbol().toUpperCase(java.util.Locale.ROOT) + ">"));
            if (keys) {
                header.add("PRIVATE KEY");
            }
            TextTable table = new TextTable(header.toArray(String[]::new));
            for (Map<String, Object> r : rows) {
                List<Object> cells = new ArrayList<>(List.of(r.get("kind"), r.get("name"), r.get("address"), r.get("eth"),
                        r.get("token") == null ? "-" : r.get("token")));
                if (keys) {
                    cells.add(r.get("privateKey") == null ? "" : r.get("privateKey"));
                }
                table.row(cells.toArray());
            }
            table.print(out);
            out.println("dev accounts are Hardhat's public keys; fund your own with `huzhu dev fund NAME`"
                    + (usd == null ? " (no MockUSD deployed yet: `huzhu deploy`)" : ""));
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> row(ChainContext chain, Erc20Token usd, String kind, String name, String address, String key) throws IOException {
        String eth = GasPrice.eth(chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance());
        String token = usd == null ? null : usd.format(usd.balanceOf(address)).split(" ")[0];
        return key == null ? Json.object("kind", kind, "name", name, "address", address, "eth", eth, "token", token)
                : Json.object("kind", kind, "name", name, "address", address, "eth", eth, "token", token, "privateKey", key);
    }
}
