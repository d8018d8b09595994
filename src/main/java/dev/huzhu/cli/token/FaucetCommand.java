package dev.huzhu.cli.token;

import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.Callable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu faucet [AMOUNT]}: test money from the local MockUSD. */
@Command(name = "faucet", mixinStandardHelpOptions = true,
        description = "Get MockUSD from the faucet of the deployment's MockUSD (local chains only; at most 10,000 per call).",
        footer = {"", "Examples:", "  huzhu faucet --account alice", "  huzhu faucet 2500.5 --account alice --yes --json"})
public final class FaucetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, defaultValue = "1000", description = "amount in token units (default: ${DEFAULT-VALUE})")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            String usdAddress = d.contract(Deployment.MOCK_USD).orElseThrow(() -> new NotFoundException(
                    "the deployment on chain " + chain.chainId() + " has no MockUSD: the faucet exists on local chains only")).address();
            Erc20Token usd = new Erc20Token(chain.web3j(), usdAddress);
            BigInteger units = usd.parse(amount.text());
            chain.token(usd.info());
            TxFlow flow = new TxFlow(session, chain, account, tx, spec.commandLine().getErr());
            String data = FunctionEncoder.encode(new Function("faucet", List.of(new Uint256(units)), List.of()));
            SentTransaction sent = flow.send(usdAddress, data, "faucet: " + usd.format(units) + " to " + flow.from());
            BigInteger balance = usd.balanceOf(flow.from());
            if (json.json) {
                Json.print(out, Json.object("account", flow.from(), "token", usdAddress, "amount", usd.format(units).split(" ")[0],
                        "balance", usd.format(balance).split(" ")[0], "tx", TxFlow.json(sent)));
            } else {
                out.printf("received %s; %s now holds %s; %s%n", usd.format(units), flow.from(), usd.format(balance), TxFlow.line(sent));
            }
            return ExitCodes.OK;
        }
    }
}
