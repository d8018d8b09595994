package dev.huzhu.demo;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.chain.DevAccounts;
import java.io.PrintStream;
import java.util.Locale;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;

/** Which demo stories run ({@code huzhu demo --scenario medical|relief|education|group|all}) and the non-medical ones. */
public record DemoStories(boolean medical, boolean relief, boolean group, boolean education) {

    /** Parses the --scenario value; an unknown one is one clear error. */
    public static DemoStories parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "medical" -> new DemoStories(true, false, false, false);
            case "relief" -> new DemoStories(false, true, false, false);
            case "group" -> new DemoStories(false, false, true, false);
            case "education" -> new DemoStories(false, false, false, true);
            case "all" -> new DemoStories(true, true, true, true);
            default -> throw new InvalidInputException("--scenario must be medical, relief, education, group or all (got '" + name + "')");
        };
    }

    /**
     * Runs the relief and/or group stories with `token` (a MockUSD the cast's operator mints), or
     * with a MockUSD deployed here when `token` is null; prints each story's closing figures.
     */
    public void runOthers(ChainConnection chain, DemoScenario.Cast cast, PrintStream out, String token) throws Exception {
        runOthers(chain, cast, out, token, null);
    }

    /** As above; the education story creates its plan on `factory` (the medical story's), or deploys one when null. */
    public void runOthers(ChainConnection chain, DemoScenario.Cast cast, PrintStream out, String token, String factory) throws Exception {
        if (!relief && !group && !education) {
            return;
        }
        StepLog log = new StepLog(out);
        if (token == null) {
            MockUSD usd = MockUSD.deploy(chain.web3j(), DemoScenario.sending(chain, cast.operator()), chain.gasProvider(),
                    cast.operator().getAddress()).send();
            log.tx("operator deployed MockUSD", usd.getTransactionReceipt().orElseThrow());
            token = usd.getContractAddress();
        }
        var ro = new ReadonlyTransactionManager(chain.web3j(), cast.operator().getAddress());
        MockUSD usd = MockUSD.load(token, chain.web3j(), ro, chain.gasProvider());
        if (relief) {
            out.println();
            out.println("== disaster relief (灾难救助): campaigns, quadratic matching, milestones, refunds");
            ReliefDemo.Outcome o = new ReliefDemo(chain, cast, log).run(token);
            ReliefCampaign flood = ReliefCampaign.load(o.flood(), chain.web3j(), ro, chain.gasProvider());
            ReliefCampaign school = ReliefCampaign.load(o.school(), chain.web3j(), ro, chain.gasProvider());
            out.println();
            out.printf("%-34s %12s %12s %12s %12s%n", "campaign", "raised", "matched", "released", "refunded");
            for (var c : new Object[][] {{"flood relief (completed)", flood}, {"school (cancelled)", school}}) {
                var b = ((ReliefCampaign) c[1]).books().send();
                out.printf("%-34s %12s %12s %12s %12s%n", c[0], DemoScenario.fmt(b.component1()), DemoScenario.fmt(b.component2()),
                        DemoScenario.fmt(b.component3()), DemoScenario.fmt(b.component4()));
            }
            out.printf("%-34s %12s%n", "beneficiary wallet", DemoScenario.fmt(usd.balanceOf(cast.members().get(0).getAddress()).send()));
            out.printf("%-34s %12s%n", "matching round still holds", DemoScenario.fmt(usd.balanceOf(o.round()).send()));
        }
        if (education) {
            out.println();
            out.println("== education aid (教育互助): tuition paid to the school by term, the student stops");
            Credentials school = DevAccounts.first(11).get(10);
            EducationDemo.Outcome o = new EducationDemo(chain, cast, log, school).run(token, factory);
            var escrow = TrancheEscrow.load(o.escrow(), chain.web3j(), ro, chain.gasProvider());
            var s = escrow.scheduleOf(o.plan(), o.claimId()).send();
            out.println();
            out.printf("%-34s %12s%n", "claim #" + o.claimId() + " granted", DemoScenario.fmt(s.total));
            out.printf("%-34s %12s   (%s of %s terms)%n", "released to the school", DemoScenario.fmt(s.releasedAmount), s.released, s.tranches);
            out.printf("%-34s %12s%n", "returned to the reserve", DemoScenario.fmt(s.returnedAmount));
            out.printf("%-34s %12s%n", "school wallet", DemoScenario.fmt(usd.balanceOf(school.getAddress()).send()));
            out.printf("%-34s %12s%n", "plan reserve", DemoScenario.fmt(
                    dev.huzhu.contracts.AidPool.load(o.plan(), chain.web3j(), ro, chain.gasProvider()).reserve().send()));
        }
        if (group) {
            out.println();
            out.println("== group purchase (共享经济): pledges, the seller paid the price, usage days, a share sold");
            GroupDemo.Outcome o = new GroupDemo(chain, cast, log).run(token);
            GroupPurchase p = GroupPurchase.load(o.purchase(), chain.web3j(), ro, chain.gasProvider());
            out.println();
            out.printf("%-44s %7s %16s%n", "co-owner", "shares", "days per season");
            for (Credentials c : concat(o)) {
                out.printf("%-44s %7s %16s%n", org.web3j.crypto.Keys.toChecksumAddress(c.getAddress()), p.sharesOf(c.getAddress()).send(),
                        p.quotaOf(c.getAddress()).send());
            }
            out.printf("%-44s %s mUSD%n", "seller wallet", DemoScenario.fmt(usd.balanceOf(o.seller().getAddress()).send()));
        }
        out.printf("%ndone: %,d gas in these stories%n", log.totalGas());
    }

    private static java.util.List<Credentials> concat(GroupDemo.Outcome o) {
        java.util.List<Credentials> all = new java.util.ArrayList<>(o.owners());
        all.add(o.buyer());
        return all;
    }
}
