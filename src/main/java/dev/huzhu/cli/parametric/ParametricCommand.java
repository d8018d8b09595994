package dev.huzhu.cli.parametric;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.scenario.ScenarioTx;
import dev.huzhu.contracts.ParametricPlan;
import dev.huzhu.contracts.ParametricPlanFactory;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.NotFoundException;
import java.math.BigInteger;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu parametric …}: parametric disaster plans (DISASTER): cover by region, oracle attestations, preset payouts. */
@Command(name = "parametric", mixinStandardHelpOptions = true,
        description = "Parametric disaster plans: members buy cover for their region; an oracle's signed attestation (huzhu oracle attest) opens a claim window in which every covered member of the region claims the preset payout once, without assessment.",
        footer = {"", "Examples:",
                "  huzhu parametric create --oracle carol --contribution 10 --payout 500 --account operator",
                "  huzhu parametric cover 0x9A676e781A523b5d0C0e43731313A708CB607508 --region 4401 --periods 12 --account alice",
                "  huzhu parametric claim 0x9A676e781A523b5d0C0e43731313A708CB607508 --event 7 --region 4401 --account alice"})
public final class ParametricCommand {
    @Spec CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a parametric plan (a clone) with its oracle, price of a period of cover and preset payout.",
            footer = {"", "Examples:", "  huzhu parametric create --oracle carol --contribution 10 --payout 500 --account operator",
                    "  huzhu parametric create --oracle 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --contribution 5 --payout 200 --period 30d --window 14d --min-severity 3 --yes --json"})
    int create(@Option(names = "--oracle", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "whose EIP-712 signatures open claim windows") String oracle,
            @Option(names = "--contribution", required = true, paramLabel = "AMOUNT", description = "price of one period of cover") String contribution,
            @Option(names = "--payout", required = true, paramLabel = "AMOUNT", description = "the preset payout per member per event") String payout,
            @Option(names = "--period", defaultValue = "30d", paramLabel = "DURATION", converter = DurationConverter.class, description = "a period of cover (default: ${DEFAULT-VALUE})") Long period,
            @Option(names = "--waiting", defaultValue = "7d", paramLabel = "DURATION", converter = DurationConverter.class, description = "from the first purchase until cover starts (default: ${DEFAULT-VALUE})") Long waiting,
            @Option(names = "--window", defaultValue = "14d", paramLabel = "DURATION", converter = DurationConverter.class, description = "claim window after an attestation (default: ${DEFAULT-VALUE})") Long window,
            @Option(names = "--min-severity", defaultValue = "3", paramLabel = "N", description = "least severity that opens a window (default: ${DEFAULT-VALUE})") int minSeverity,
            @Option(names = "--max-periods", defaultValue = "12", paramLabel = "N", description = "most periods bought at once (default: ${DEFAULT-VALUE})") int maxPeriods,
            @Option(names = "--asset", paramLabel = "ADDRESS", description = "the token (default: the deployment's MockUSD)") String asset,
            @Mixin SendOptions send) {
        String oracleAddress = send.account.addressOf(Session.of(spec), oracle, "--oracle");
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.PARAMETRIC_FACTORY);
            String tokenAddress = asset != null ? Address.parse(asset, "--asset").checksummed() : ScenarioTx.defaultAsset(chain);
            Erc20Token token = ScenarioTx.token(chain, tokenAddress);
            BigInteger price = token.parse(contribution);
            BigInteger preset = token.parse(payout);
            var terms = new ParametricPlanFactory.ParametricTerms(tokenAddress, oracleAddress, price, preset, BigInteger.valueOf(period),
                    BigInteger.valueOf(waiting), BigInteger.valueOf(window), BigInteger.valueOf(minSeverity), BigInteger.valueOf(maxPeriods));
            ParametricPlanFactory f = ParametricPlanFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas());
            SentTransaction sent = flow.send(factory, f.createPlan(terms).encodeFunctionCall(),
                    "create a parametric plan paying " + token.format(preset) + " per event, oracle " + oracleAddress);
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("ParametricPlanCreated")).findFirst().orElseThrow();
            return new PlanTx.Outcome("created parametric plan " + e.address("plan") + " (#" + e.number("id") + "): " + token.format(price)
                    + " per period, " + token.format(preset) + " per event; " + TxFlow.line(sent),
                    Json.object("plan", e.address("plan"), "id", e.number("id").longValue(), "oracle", oracleAddress,
                            "contribution", ScenarioTx.units(token, price), "payout", ScenarioTx.units(token, preset), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "cover", mixinStandardHelpOptions = true, description = "Buy periods of cover; the first purchase registers your region for good and starts the waiting period.",
            footer = {"", "Examples:", "  huzhu parametric cover 0x9A676e781A523b5d0C0e43731313A708CB607508 --region 4401 --periods 12 --account alice"})
    int cover(@Parameters(index = "0", paramLabel = "PLAN") String plan,
            @Option(names = "--region", required = true, paramLabel = "CODE", description = "the region code (1 to 2^32-1)") long region,
            @Option(names = "--periods", defaultValue = "1", paramLabel = "N", description = "periods to buy (default: ${DEFAULT-VALUE})") long periods,
            @Mixin SendOptions send) {
        checkRegion(region);
        return onPlan(plan, send, (p, token, chain, flow) -> {
            BigInteger amount = Calls.get(p.contribution()).multiply(BigInteger.valueOf(periods));
            String data = p.buyCover(BigInteger.valueOf(region), BigInteger.valueOf(periods)).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, p.getContractAddress(), amount, data);
            SentTransaction sent = flow.send(p.getContractAddress(), data, "buy " + periods + " period(s) of cover in region " + region + " for " + token.format(amount));
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("CoverBought")).findFirst().orElseThrow();
            return new PlanTx.Outcome("covered in region " + e.number("region") + " from " + Timestamps.format(e.number("coveredFrom").longValue()) + " to "
                    + Timestamps.format(e.number("coveredUntil").longValue()) + " for " + token.format(e.number("paid")) + "; " + TxFlow.line(sent),
                    Json.object("region", e.number("region").longValue(), "paid", ScenarioTx.units(token, e.number("paid")),
                            "coveredFrom", e.number("coveredFrom").longValue(), "coveredUntil", e.number("coveredUntil").longValue(),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = "Claim the preset payout for an attested event in your region (once; credited, then withdraw).",
            footer = {"", "Examples:", "  huzhu parametric claim 0x9A676e781A523b5d0C0e43731313A708CB607508 --event 7 --region 4401 --account alice"})
    int claim(@Parameters(index = "0", paramLabel = "PLAN") String plan,
            @Option(names = "--event", required = true, paramLabel = "ID") long event,
            @Option(names = "--region", required = true, paramLabel = "CODE") long region,
            @Mixin SendOptions send) {
        checkRegion(region);
        return onPlan(plan, send, (p, token, chain, flow) -> {
            SentTransaction sent = flow.send(p.getContractAddress(), p.claim(BigInteger.valueOf(event), BigInteger.valueOf(region)).encodeFunctionCall(),
                    "claim the payout of event " + event + " in region " + region);
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("ParametricClaimPaid")).findFirst().orElseThrow();
            return new PlanTx.Outcome("claimed " + token.format(e.number("amount")) + " (credited; `huzhu parametric withdraw` pays it); " + TxFlow.line(sent),
                    Json.object("event", event, "region", region, "amount", ScenarioTx.units(token, e.number("amount")), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw your claimed payouts.",
            footer = {"", "Examples:", "  huzhu parametric withdraw 0x9A676e781A523b5d0C0e43731313A708CB607508 --account alice"})
    int withdraw(@Parameters(index = "0", paramLabel = "PLAN") String plan, @Mixin SendOptions send) {
        return onPlan(plan, send, (p, token, chain, flow) -> {
            SentTransaction sent = flow.send(p.getContractAddress(), p.withdraw().encodeFunctionCall(), "withdraw payouts from " + p.getContractAddress());
            BigInteger amount = ScenarioTx.amountIn(chain, sent, "PayoutWithdrawn");
            return new PlanTx.Outcome("withdrew " + token.format(amount) + "; " + TxFlow.line(sent), Json.object("amount", ScenarioTx.units(token, amount), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "fund", mixinStandardHelpOptions = true, description = "Add to the plan's reserve (anyone).",
            footer = {"", "Examples:", "  huzhu parametric fund 0x9A676e781A523b5d0C0e43731313A708CB607508 1000 --account operator"})
    int fund(@Parameters(index = "0", paramLabel = "PLAN") String plan, @Parameters(index = "1", paramLabel = "AMOUNT") String amount, @Mixin SendOptions send) {
        return onPlan(plan, send, (p, token, chain, flow) -> {
            BigInteger units = token.parse(amount);
            String data = p.fund(units).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, p.getContractAddress(), units, data);
            SentTransaction sent = flow.send(p.getContractAddress(), data, "fund the reserve of " + p.getContractAddress() + " with " + token.format(units));
            return new PlanTx.Outcome("funded " + token.format(units) + "; the reserve holds " + token.format(Calls.get(p.reserve())) + "; " + TxFlow.line(sent),
                    Json.object("amount", ScenarioTx.units(token, units), "reserve", ScenarioTx.units(token, Calls.get(p.reserve())),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    private static void checkRegion(long region) {
        if (region < 1 || region > 0xFFFF_FFFFL) {
            throw new InvalidInputException("--region must be 1 to 4294967295 (got " + region + ")");
        }
    }

    /** A step on one parametric plan, with its token. */
    interface PlanStep {
        PlanTx.Outcome run(ParametricPlan plan, Erc20Token token, ChainContext chain, TxFlow flow);
    }

    private int onPlan(String plan, SendOptions send, PlanStep step) {
        String address = Address.parse(plan, "PLAN").checksummed();
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.PARAMETRIC_FACTORY);
            String creator = Calls.get(ParametricPlanFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas()).creatorOf(address));
            if (new BigInteger(creator.substring(2), 16).signum() == 0) {
                throw new NotFoundException(address + " is not a parametric plan of this deployment (factory " + factory + ")");
            }
            ParametricPlan p = ParametricPlan.load(address, chain.web3j(), chain.reader(flow.from()), chain.gas());
            Erc20Token token = ScenarioTx.token(chain, Calls.get(p.token()));
            Map<String, Object> head = Json.object("plan", address);
            PlanTx.Outcome o = step.run(p, token, chain, flow);
            head.putAll(o.json());
            return new PlanTx.Outcome(o.text(), head);
        });
    }
}
