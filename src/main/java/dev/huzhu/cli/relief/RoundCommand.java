package dev.huzhu.cli.relief;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.scenario.ChainClock;
import dev.huzhu.cli.scenario.ScenarioTx;
import dev.huzhu.contracts.MatchingRound;
import dev.huzhu.contracts.ReliefCampaignFactory;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.NotFoundException;
import java.math.BigInteger;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu relief round …}: a quadratic-matching round (docs/scenarios.md "Quadratic matching"). */
@Command(name = "round", mixinStandardHelpOptions = true,
        description = "Quadratic matching: a sponsor funds a pool for a round of admitted campaigns; after the round each campaign's match is (Σ√c)² of its donors, normalised to the pool.",
        footer = {"", "Examples:", "  huzhu relief round create --starts-in 1h --length 3d --account carol",
                "  huzhu relief round fund 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be 500 --account carol",
                "  huzhu relief round pay 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account anyone"})
public final class RoundCommand {
    @Spec CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Open a matching round (a clone); you are its sponsor.",
            footer = {"", "Examples:", "  huzhu relief round create --starts-in 1h --length 3d --account carol",
                    "  huzhu relief round create --starts-in 10m --length 7d --account carol --yes --json"})
    int create(@Option(names = "--starts-in", defaultValue = "1h", paramLabel = "DURATION", converter = DurationConverter.class, description = "the window opens this long from now (default: ${DEFAULT-VALUE})") Long startsIn,
            @Option(names = "--length", required = true, paramLabel = "DURATION", converter = DurationConverter.class, description = "how long donations count") Long length,
            @Option(names = "--asset", paramLabel = "ADDRESS", description = "the token (default: the deployment's MockUSD)") String asset,
            @Mixin SendOptions send) {
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.RELIEF_FACTORY);
            String tokenAddress = asset != null ? Address.parse(asset, "--asset").checksummed() : ScenarioTx.defaultAsset(chain);
            ScenarioTx.token(chain, tokenAddress);
            long starts = ChainClock.now(chain) + startsIn;
            ReliefCampaignFactory f = ReliefCampaignFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas());
            SentTransaction sent = flow.send(factory, f.createRound(tokenAddress, BigInteger.valueOf(starts), BigInteger.valueOf(starts + length)).encodeFunctionCall(),
                    "open a matching round from " + dev.huzhu.chain.Timestamps.format(starts));
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("RoundCreated")).findFirst().orElseThrow();
            return new PlanTx.Outcome("opened round " + e.address("round") + " (#" + e.number("roundId") + "): donations count from "
                    + dev.huzhu.chain.Timestamps.format(starts) + " to " + dev.huzhu.chain.Timestamps.format(starts + length) + "; " + TxFlow.line(sent),
                    Json.object("round", e.address("round"), "id", e.number("roundId").longValue(), "startsAt", starts, "endsAt", starts + length,
                            "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "fund", mixinStandardHelpOptions = true, description = "Add to the round's matching pool (anyone, until the round ends).",
            footer = {"", "Examples:", "  huzhu relief round fund 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be 500 --account carol"})
    int fund(@Parameters(index = "0", paramLabel = "ROUND") String round, @Parameters(index = "1", paramLabel = "AMOUNT") String amount, @Mixin SendOptions send) {
        return onRound(round, send, (r, token, chain, flow) -> {
            BigInteger units = token.parse(amount);
            String data = r.fund(units).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, r.getContractAddress(), units, data);
            SentTransaction sent = flow.send(r.getContractAddress(), data, "fund round " + r.getContractAddress() + " with " + token.format(units));
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("RoundFunded")).findFirst().orElseThrow();
            return new PlanTx.Outcome("funded " + token.format(units) + "; the pool holds " + token.format(e.number("pool")) + "; " + TxFlow.line(sent),
                    Json.object("amount", ScenarioTx.units(token, units), "pool", ScenarioTx.units(token, e.number("pool")),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "admit", mixinStandardHelpOptions = true, description = "As the sponsor, admit a campaign created for this round (before the round starts).",
            footer = {"", "Examples:", "  huzhu relief round admit 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account carol"})
    int admit(@Parameters(index = "0", paramLabel = "ROUND") String round, @Parameters(index = "1", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        String c = Address.parse(campaign, "CAMPAIGN").checksummed();
        return onRound(round, send, (r, token, chain, flow) -> {
            SentTransaction sent = flow.send(r.getContractAddress(), r.admit(c).encodeFunctionCall(), "admit campaign " + c + " to round " + r.getContractAddress());
            return new PlanTx.Outcome("admitted campaign " + c + "; " + TxFlow.line(sent), Json.object("admitted", c, "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "pay", mixinStandardHelpOptions = true, description = "After the round, pay a campaign its quadratic match into its escrow (anyone; once per campaign).",
            footer = {"", "Examples:", "  huzhu relief round pay 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account anyone"})
    int pay(@Parameters(index = "0", paramLabel = "ROUND") String round, @Parameters(index = "1", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        String c = Address.parse(campaign, "CAMPAIGN").checksummed();
        return onRound(round, send, (r, token, chain, flow) -> {
            SentTransaction sent = flow.send(r.getContractAddress(), r.payMatch(c).encodeFunctionCall(), "pay campaign " + c + " its match");
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("MatchPaid")).findFirst().orElseThrow();
            return new PlanTx.Outcome("matched campaign " + c + " with " + token.format(e.number("amount")) + "; " + TxFlow.line(sent),
                    Json.object("campaign", c, "amount", ScenarioTx.units(token, e.number("amount")), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "reclaim", mixinStandardHelpOptions = true, description = "As the sponsor, reclaim what the round holds after its claim window (unpaid matches, dust, recovered refunds).",
            footer = {"", "Examples:", "  huzhu relief round reclaim 0xa16E02E87b7454126E5E10d957A927A7F5B5d2be --account carol"})
    int reclaim(@Parameters(index = "0", paramLabel = "ROUND") String round, @Mixin SendOptions send) {
        return onRound(round, send, (r, token, chain, flow) -> {
            SentTransaction sent = flow.send(r.getContractAddress(), r.reclaim().encodeFunctionCall(), "reclaim round " + r.getContractAddress());
            BigInteger amount = ScenarioTx.amountIn(chain, sent, "PoolReclaimed");
            return new PlanTx.Outcome("reclaimed " + token.format(amount) + "; " + TxFlow.line(sent),
                    Json.object("amount", ScenarioTx.units(token, amount), "tx", TxFlow.json(sent)));
        });
    }

    /** A step on one round, with its token. */
    interface RoundStep {
        PlanTx.Outcome run(MatchingRound round, Erc20Token token, ChainContext chain, TxFlow flow);
    }

    private int onRound(String round, SendOptions send, RoundStep step) {
        String address = Address.parse(round, "ROUND").checksummed();
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.RELIEF_FACTORY);
            if (!Calls.get(ReliefCampaignFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas()).isRound(address))) {
                throw new NotFoundException(address + " is not a matching round of this deployment (factory " + factory + ")");
            }
            MatchingRound r = MatchingRound.load(address, chain.web3j(), chain.reader(flow.from()), chain.gas());
            Erc20Token token = ScenarioTx.token(chain, Calls.get(r.terms()).component1());
            Map<String, Object> head = Json.object("round", address);
            PlanTx.Outcome o = step.run(r, token, chain, flow);
            head.putAll(o.json());
            return new PlanTx.Outcome(o.text(), head);
        });
    }
}
