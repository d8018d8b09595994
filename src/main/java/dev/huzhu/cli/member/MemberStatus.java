package dev.huzhu.cli.member;

import dev.huzhu.protocol.Address;
import dev.huzhu.chain.Calls;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.KeystoreOptions;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoints;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.huzhu.cli.options.WhoOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu member status [ADDRESS]}: memberships of an account (no password needed). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show an account's memberships: balance, cover, waiting period, open claim, points; and its wallet balances.",
        footer = {"", "Examples:", "  huzhu member status --account alice", "  huzhu member status 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --plan 0 --json"})
public final class MemberStatus implements Callable<Integer> {
    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;
    @Mixin WhoOptions whoOptions;

    @Option(names = {"-p", "--plan"}, paramLabel = "ID|ADDRESS", description = "only this plan (default: every plan the address joined)")
    String plan;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        String who = whoOptions.who(session);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            PlanDirectory directory = new PlanDirectory(chain.web3j(), d.address(Deployment.FACTORY));
            List<String> plans = plan == null ? directory.all() : List.of(directory.resolve(plan));
            long now = chain.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValue();
            Map<String, Erc20Token> tokens = new HashMap<>();
            AidPoints aidPoints = AidPoints.load(d.address(Deployment.POINTS), chain.web3j(), chain.reader(who), chain.gas());
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> exitLines = new ArrayList<>();
            // AVAILABLE is what withdraw/leave would pay now (the plan's withdrawable()); DUE is what the next action of the member
            // takes from the stored balance (COST_SHARING shares of claims paid since the last settlement, PREPAID contributions due)
            TextTable t = new TextTable("PLAN>", "STATUS", "AVAILABLE>", "DUE>", "COVERED UNTIL", "CLAIMS FROM", "OPEN CLAIM>", "POINTS>");
            for (String p : plans) {
                AidPool pool = directory.plan(p, null);
                AidPool.Member m = Calls.get(pool.memberOf(who));
                if (m.joinedAt.signum() == 0 && plan == null) {
                    continue;
                }
                AidPool.Rules r = Calls.get(pool.rules());
                Erc20Token token = tokens.computeIfAbsent(r.asset, a -> new Erc20Token(chain.web3j(), a));
                long eligibleAt = m.joinedAt.longValue() + r.waitingPeriod.longValue();
                CoverState cover = CoverState.of(m, r, now);
                String status = cover.status();
                BigInteger openClaim = Calls.get(pool.openClaimOf(who));
                int id = directory.idOf(p);
                BigInteger available = Calls.get(pool.withdrawable(who));
                BigInteger due = m.balance.subtract(available);
                t.row(id, status, token.format(available), due.signum() == 0 ? "-" : token.format(due),
                        cover.coveredUntil() == 0 ? "-" : UTC.format(Instant.ofEpochSecond(cover.coveredUntil())),
                        !m.active ? "-" : UTC.format(Instant.ofEpochSecond(eligibleAt)),
                        openClaim.signum() == 0 ? "-" : "#" + openClaim, m.points);
                if (cover.graceEnds() != 0) {
                    exitLines.add("plan #" + id + ": contributions are unpaid; deposit before " + UTC.format(Instant.ofEpochSecond(cover.graceEnds()))
                            + " to stay a member (a loss in the unpaid time is not covered)");
                }
                // a closed plan: what leaving pays now (the contract's withdrawable + an equal share of the exit pool)
                var wd = Calls.get(pool.windDown());
                Map<String, Object> exit = null;
                if (wd.component1()) {
                    BigInteger free = Calls.get(pool.withdrawable(who));
                    BigInteger share = m.active && wd.component4() && wd.component6().signum() > 0 ? wd.component5().divide(wd.component6()) : BigInteger.ZERO;
                    exit = Json.object("exitsOpen", wd.component4(), "balance", units(token, free), "reserveShare", units(token, share),
                            "amount", units(token, free.add(share)));
                    exitLines.add("plan #" + id + " is closed" + (wd.component4() ? ": leaving pays " + token.format(free.add(share)) + " (balance "
                            + token.format(free) + " + reserve share " + token.format(share) + ")" : "; exits not open yet (huzhu pool wind-down " + id + " --prepare)"));
                }
                rows.add(Json.object("plan", p, "id", id, "status", status, "active", m.active, "exit", exit,
                        "balance", units(token, m.balance), "withdrawable", units(token, available), "due", units(token, due),
                        "symbol", token.info().symbol(), "joinedAt", m.joinedAt.longValue(),
                        "eligibleAt", m.joinedAt.signum() == 0 ? null : eligibleAt, "paidThrough", m.paidThrough.longValue(),
                        "coveredUntil", cover.coveredUntil() == 0 ? null : cover.coveredUntil(), "graceEnds", cover.graceEnds() == 0 ? null : cover.graceEnds(),
                        "openClaim", openClaim.signum() == 0 ? null : openClaim.longValue(), "pendingPoints", m.points.longValue(),
                        "mintedPoints", Calls.get(aidPoints.pointsOf(p, who)).longValue(),
                        "referrer", Address.checksum(m.referrer), "rating", m.rating.intValue() == 0 ? null : m.rating.intValue()));
            }
            Map<String, Object> wallet = Json.object("eth", dev.huzhu.chain.GasPrice.eth(chain.web3j().ethGetBalance(who,
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST).send().getBalance()));
            d.contract(Deployment.MOCK_USD).ifPresent(c -> {
                Erc20Token usd = new Erc20Token(chain.web3j(), c.address());
                wallet.put(usd.symbol(), TokenAmount.format(usd.balanceOf(who), usd.decimals()));
            });
            if (json.json) {
                Json.print(out, Json.object("address", who, "wallet", wallet, "memberships", rows));
                return ExitCodes.OK;
            }
            out.println(who + ": " + String.join(", ", wallet.entrySet().stream().map(e -> e.getValue() + " " + (e.getKey().equals("eth") ? "ETH" : e.getKey())).toList()));
            if (rows.isEmpty()) {
                out.println("no memberships");
            } else {
                t.print(out);
                exitLines.forEach(out::println);
            }
            return ExitCodes.OK;
        } catch (java.io.IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }

    private static String units(Erc20Token token, BigInteger amount) {
        return token.info().known() ? TokenAmount.format(amount, token.info().decimals()) : amount.toString();
    }
}
