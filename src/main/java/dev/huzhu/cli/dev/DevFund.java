package dev.huzhu.cli.dev;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.GasPrice;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TokenQuantity;
import dev.huzhu.cli.output.Json;
import dev.huzhu.devnet.DevChain;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.DeployedContract;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.DefaultBlockParameterName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huzhu dev fund WHO [AMOUNT]}: gives an account ETH for gas (hardhat_setBalance) and the deployment's
 * MockUSD (its {@code mint}, sent as the deployer, who holds the minter role, without the deployer's key).
 */
@Command(name = "fund", mixinStandardHelpOptions = true,
        description = "Give an account ETH for gas and MockUSD to join plans with (local chains only; no key needed).",
        footer = {"", "Examples:", "  huzhu dev fund bob                 100 ETH and 10,000 mUSD",
                "  huzhu dev fund alice 250 --eth 1", "  huzhu dev fund 0x90F79bf6EB2c4f870365E785982E1f101E93b906 0"})
public final class DevFund implements Callable<Integer> {
    private static final BigInteger WEI_PER_ETH = BigInteger.TEN.pow(18);

    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin KeystoreOptions keystore;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "ADDRESS|ACCOUNT", description = "who receives: an address or a keystore account name")
    String who;

    @Parameters(index = "1", arity = "0..1", paramLabel = "AMOUNT", converter = TokenQuantity.Converter.class, defaultValue = "10000",
            description = "MockUSD to mint, in token units; 0 for none (default: ${DEFAULT-VALUE})")
    TokenQuantity amount;

    @Option(names = "--eth", paramLabel = "ETH", defaultValue = "100", description = "ETH to add for gas (default: ${DEFAULT-VALUE})")
    BigDecimal eth;

    @Override
    public Integer call() throws IOException {
        Session session = Session.of(spec);
        if (eth.signum() < 0 || eth.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) {
            throw new InvalidInputException("--eth must be between 0 and 1,000,000,000, not " + eth.toPlainString());
        }
        BigInteger ethWei = eth.multiply(new BigDecimal(WEI_PER_ETH)).toBigInteger();
        String address = keystore.addressOf(session, who, "ADDRESS|ACCOUNT");
        String label = address.equalsIgnoreCase(who) ? address : who + " (" + address + ")";
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = LocalChain.open(session, network)) {
            DevChain dev = new DevChain(chain.rpc());
            BigInteger wei = balance(chain, address).add(ethWei);
            if (ethWei.signum() > 0) {
                dev.setBalance(address, wei);
            }
            Optional<Deployment> deployment = chain.deploymentIfAny().filter(d -> chain.hasCode(d.address(Deployment.FACTORY)));
            Optional<DeployedContract> usd = deployment.flatMap(d -> d.contract(Deployment.MOCK_USD));
            String tokenText = null;
            Erc20Token token = null;
            BigInteger units = BigInteger.ZERO;
            if (usd.isPresent()) {
                token = new Erc20Token(chain.web3j(), usd.get().address());
                units = token.parse(amount.text());
                if (units.signum() > 0) {
                    mint(chain, dev, deployment.get().deployer(), token.address(), address, units);
                }
                tokenText = token.format(token.balanceOf(address));
            }
            if (json.json) {
                Json.print(out, Json.object("address", address, "ethAdded", GasPrice.eth(ethWei), "eth", GasPrice.eth(wei),
                        "token", token == null ? null : token.address(), "tokenAdded", token == null ? null : token.format(units).split(" ")[0],
                        "tokenBalance", tokenText == null ? null : tokenText.split(" ")[0]));
                return ExitCodes.OK;
            }
            String ethPart = "+" + GasPrice.eth(ethWei) + " ETH (now " + GasPrice.eth(wei) + " ETH)";
            if (token == null) {
                out.printf("funded %s: %s; no MockUSD on chain %d yet (run `huzhu deploy`, then fund again for mUSD)%n",
                        label, ethPart, chain.chainId());
            } else {
                out.printf("funded %s: %s, +%s (now %s)%n", label, ethPart, token.format(units), tokenText);
            }
            return ExitCodes.OK;
        }
    }

    /** mint(to, units) sent as the deployer (MockUSD's admin and minter), topping up its ETH for gas when short. */
    private static void mint(ChainContext chain, DevChain dev, String minter, String usd, String to, BigInteger units) throws IOException {
        BigInteger minterEth = balance(chain, minter);
        if (minterEth.compareTo(WEI_PER_ETH) < 0) {
            dev.setBalance(minter, minterEth.add(WEI_PER_ETH));
        }
        String data = FunctionEncoder.encode(new Function("mint", List.of(new Address(to), new Uint256(units)), List.of()));
        String hash = dev.sendAs(minter, usd, data);
        var receipt = chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
        for (int i = 0; i < 100 && receipt.isEmpty(); i++) { // a node mining on an interval, not on each transaction
            sleep();
            receipt = chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt();
        }
        if (receipt.isPresent() && !receipt.get().isStatusOK()) {
            throw new dev.huzhu.devnet.DevnetException("MockUSD refused to mint as " + minter + " (the deployment's deployer): was MINTER_ROLE revoked?");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.huzhu.devnet.DevnetException("interrupted while waiting for the mint");
        }
    }

    private static BigInteger balance(ChainContext chain, String address) throws IOException {
        return chain.web3j().ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
    }
}
