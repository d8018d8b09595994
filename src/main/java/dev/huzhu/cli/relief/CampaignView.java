package dev.huzhu.cli.relief;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.scenario.ScenarioTx;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.protocol.CampaignStatus;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.protocol.SolidityEnum;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Model.CommandSpec;

/** A campaign as its views tell it: terms, status, books, milestones (every figure from the chain). */
final class CampaignView {
    private CampaignView() {}

    /** The campaign at {@code address}; one line when it is not a campaign of this deployment's factory. */
    static ReliefCampaign load(ChainContext chain, String address, String from) {
        String factory = ScenarioTx.factory(chain, Deployment.RELIEF_FACTORY);
        var f = dev.huzhu.contracts.ReliefCampaignFactory.load(factory, chain.web3j(), chain.reader(from), chain.gas());
        String creator = Calls.get(f.creatorOf(address));
        if (new BigInteger(creator.substring(2), 16).signum() == 0) {
            throw new NotFoundException(address + " is not a relief campaign of this deployment (factory " + factory + ")");
        }
        return ReliefCampaign.load(address, chain.web3j(), chain.reader(from), chain.gas());
    }

    static int print(CommandSpec spec, NetworkOptions network, JsonOption json, String address) {
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            ReliefCampaign c = load(chain, address, address);
            var t = Calls.get(c.terms());
            Erc20Token token = ScenarioTx.token(chain, t.component1());
            var b = Calls.get(c.books());
            CampaignStatus status = SolidityEnum.of(CampaignStatus.class, Calls.get(c.status()));
            int count = Calls.get(c.milestoneCount()).intValue();
            List<Map<String, Object>> milestones = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                var m = Calls.get(c.milestone(BigInteger.valueOf(i)));
                milestones.add(Json.object("index", i, "amount", ScenarioTx.units(token, m.component1()),
                        "descriptionHash", Numeric.toHexString(m.component2()), "released", i < b.component7().intValue()));
            }
            // donor points minted in this campaign's scope (claimed by donors once it completed)
            var points = dev.huzhu.contracts.AidPoints.load(Calls.get(c.points()), chain.web3j(), chain.reader(address), chain.gas());
            BigInteger pointsMinted = Calls.get(points.totalOf(address));
            BigInteger goal = t.component4();
            int percent = goal.signum() == 0 ? 0 : b.component1().multiply(BigInteger.valueOf(100)).divide(goal).min(BigInteger.valueOf(100)).intValue();
            if (json.json) {
                Json.print(out, Json.object("campaign", address, "status", status.label(), "token", t.component1(), "beneficiary", t.component2(),
                        "round", t.component3(), "goal", ScenarioTx.units(token, goal), "deadline", t.component5().longValue(),
                        "quorum", t.component7().intValue(), "verifiers", Calls.get(c.verifiers()),
                        "raised", ScenarioTx.units(token, b.component1()), "matched", ScenarioTx.units(token, b.component2()),
                        "released", ScenarioTx.units(token, b.component3()), "refunded", ScenarioTx.units(token, b.component4()),
                        "owedToBeneficiary", ScenarioTx.units(token, b.component5()), "donors", b.component8().longValue(),
                        "progressPercent", percent, "pointsMinted", pointsMinted.longValue(), "milestones", milestones));
                return ExitCodes.OK;
            }
            out.printf("campaign %s (%s)%n", address, status.label());
            out.printf("  beneficiary %s%n  goal        %s by %s (%d%% raised)%n", t.component2(), token.format(goal),
                    Timestamps.format(t.component5().longValue()), percent);
            out.printf("  raised      %s from %s donor(s); matched %s%n", token.format(b.component1()), b.component8(), token.format(b.component2()));
            out.printf("  released    %s (beneficiary may withdraw %s); refunded %s%n", token.format(b.component3()), token.format(b.component5()),
                    token.format(b.component4()));
            out.printf("  points      %s minted to donors in this campaign's scope (claimed once it completes)%n", pointsMinted);
            out.printf("  verifiers   %d of %s%n", t.component7().intValue(), String.join(", ", Calls.get(c.verifiers())));
            for (Map<String, Object> m : milestones) {
                out.printf("  milestone %s %s %s%n", m.get("index"), token.format(token.parse(m.get("amount").toString())),
                        Boolean.TRUE.equals(m.get("released")) ? "released" : "not yet released");
            }
            return ExitCodes.OK;
        }
    }
}
