package dev.huzhu.cli.records;

import dev.huzhu.protocol.Address;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.protocol.DecodedError;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.EventLog;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.RevertMessages;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu records ADDRESS}: the full aid history of any address, from the chain itself (R5). */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = "Show the full aid history of any address — joins, deposits, contributions, claims, votes, jury votes, payouts, "
                + "ratings, points — read from the plans' events on chain (anyone can check anyone).",
        footer = {"", "Examples:", "  huzhu records 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
                "  huzhu records 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 --json --network sepolia"})
public final class RecordsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Mixin dev.huzhu.cli.options.KeystoreOptions keystore;

    @Parameters(index = "0", paramLabel = "ADDRESS|ACCOUNT", description = "the address (or keystore account name) whose records to show")
    String address;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        String who = keystore.addressOf(session, address, "address");
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            PlanDirectory directory = new PlanDirectory(chain.web3j(), d.address(Deployment.FACTORY));
            List<String> plans = directory.all();
            List<String> contracts = new ArrayList<>(plans);
            contracts.add(d.address(Deployment.FACTORY));
            List<ChainEvent> all = new EventLog(chain.web3j(), chain.events()).read(contracts, d.firstBlock());
            // the address's own events, plus everything that happened to its claims (votes, disputes, payouts)
            java.util.Set<String> ownClaims = new java.util.HashSet<>();
            all.stream().filter(e -> e.name().equals("ClaimSubmitted") && who.equalsIgnoreCase(e.address("claimant")))
                    .forEach(e -> ownClaims.add(e.contract() + "#" + e.number("claimId")));
            List<ChainEvent> mine = all.stream().filter(e -> e.involves(who)
                    || e.fields().containsKey("claimId") && ownClaims.contains(e.contract() + "#" + e.number("claimId"))).toList();
            Map<String, RevertMessages> wordsByPlan = new java.util.HashMap<>();
            Map<String, dev.huzhu.protocol.TokenInfo> tokenByPlan = new java.util.HashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            TextTable t = new TextTable("BLOCK>", "PLAN>", "EVENT", "DETAILS");
            for (ChainEvent e : mine) {
                String planAddress = e.name().equals("PlanCreated") ? e.address("plan") : e.contract();
                int planId = plans.indexOf(planAddress);
                RevertMessages words = wordsByPlan.computeIfAbsent(planAddress, a -> {
                    var token = new dev.huzhu.chain.Erc20Token(chain.web3j(), dev.huzhu.chain.Calls.get(directory.plan(a, null).rules()).asset);
                    tokenByPlan.put(a, token.info());
                    return new RevertMessages(token.info());
                });
                dev.huzhu.protocol.TokenInfo token = tokenByPlan.get(planAddress);
                Map<String, Object> fields = new LinkedHashMap<>();
                List<String> details = new ArrayList<>();
                e.fields().forEach((k, v) -> {
                    // amounts in token units, as every other --json prints them (base units only for a token without decimals())
                    fields.put(k, v instanceof byte[] b ? Numeric.toHexString(b) : v instanceof BigInteger n
                            ? (AMOUNTS.contains(k) && token != null && token.known() ? dev.huzhu.protocol.TokenAmount.format(n, token.decimals()) : n.toString()) : v);
                    if (!(v instanceof String s && s.equalsIgnoreCase(who))) {
                        boolean zeroAddress = v instanceof String a && a.equals("0x0000000000000000000000000000000000000000");
                        details.add(k + " " + (zeroAddress ? "none" : words.format(new DecodedError.Arg(k, type(v), internalType(e.name(), k), v))));
                    }
                });
                rows.add(Json.object("block", e.block(), "tx", e.txHash(), "plan", planAddress,
                        "planId", planId < 0 ? null : planId, "event", e.name(), "fields", fields));
                t.row(e.block(), planId < 0 ? "-" : "#" + planId, e.name(), String.join(", ", details));
            }
            // each own claim's payment as the plan holds it (claimOf: paid, owed), in the plan's own token
            List<Map<String, Object>> claims = new ArrayList<>();
            List<String> claimLines = new ArrayList<>();
            for (ChainEvent e : all) {
                if (!e.name().equals("ClaimSubmitted") || !who.equalsIgnoreCase(e.address("claimant"))) {
                    continue;
                }
                BigInteger id = e.number("claimId");
                var pool = directory.plan(e.contract(), null);
                var c = dev.huzhu.chain.Calls.get(pool.claimOf(id));
                var token = new dev.huzhu.chain.Erc20Token(chain.web3j(), dev.huzhu.chain.Calls.get(pool.rules()).asset);
                String status = dev.huzhu.protocol.SolidityEnum.of(dev.huzhu.protocol.ClaimStatus.class, c.status).label();
                int planId = plans.indexOf(e.contract());
                java.util.function.Function<BigInteger, String> units = a -> token.info().known()
                        ? dev.huzhu.protocol.TokenAmount.format(a, token.info().decimals()) : a.toString();
                Map<String, Object> claim = Json.object("plan", e.contract(), "planId", planId < 0 ? null : planId, "claimId", id.longValue(), "status", status,
                        "amount", units.apply(c.amount), "paid", units.apply(c.paid), "owed", units.apply(c.owed),
                        "symbol", token.info().symbol(), "decimals", token.info().known() ? token.info().decimals() : null);
                claims.add(claim);
                claimLines.add("  claim #" + id + " of plan #" + planId + ": " + token.format(c.amount) + " requested, " + status
                        + ("paid".equals(status) ? " — " + token.format(c.paid) + " paid, " + token.format(c.owed) + " owed" : ""));
                // EDUCATION: paid to the institution in tranches; the schedule as the escrow holds it
                if (dev.huzhu.chain.Calls.get(pool.rules()).category.intValue() == dev.huzhu.protocol.Category.EDUCATION.ordinal()) {
                    var schedule = dev.huzhu.cli.tranche.TrancheSchedule.read(chain, pool, e.contract(), id);
                    claim.put("schedule", schedule == null ? null : schedule.json(token));
                    if (schedule != null) {
                        schedule.lines(token).forEach(l -> claimLines.add("  " + l));
                    }
                }
            }
            if (json.json) {
                Json.print(out, Json.object("address", who, "chainId", chain.chainId(), "records", rows, "claims", claims));
            } else if (rows.isEmpty()) {
                out.println("no records of " + who + " on chain " + chain.chainId());
            } else {
                out.println("records of " + who + " on chain " + chain.chainId() + "");
                t.print(out);
                if (!claimLines.isEmpty()) {
                    out.println("claims (paid and owed as the plans hold them now):");
                    claimLines.forEach(out::println);
                }
            }
            return ExitCodes.OK;
        }
    }

    /** Event fields that are token amounts (docs/events.md). */
    private static final java.util.Set<String> AMOUNTS = java.util.Set.of("amount", "balance", "refunded", "fee", "bond", "fromReserve",
            "sharePerMember", "dust", "owed", "deposit", "reward", "pool", "reserveShare");

    private static String type(Object v) {
        if (v instanceof BigInteger) {
            return "uint256";
        }
        if (v instanceof String s && s.startsWith("0x") && s.length() == 42) {
            return "address";
        }
        if (v instanceof byte[]) {
            return "bytes32";
        }
        return v instanceof Boolean ? "bool" : "string";
    }

    private static String internalType(String event, String field) {
        return switch (field) {
            case "category" -> "enum Category";
            case "status" -> "enum ClaimStatus";
            case "model" -> "enum ContributionModel";
            case "kind" -> "enum DisputeKind";
            case "reason" -> "enum PointsReason";
            default -> "";
        };
    }
}
