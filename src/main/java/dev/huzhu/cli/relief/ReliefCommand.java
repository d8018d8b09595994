package dev.huzhu.cli.relief;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.scenario.ScenarioTx;
import dev.huzhu.cli.scenario.DocumentHash;
import dev.huzhu.cli.scenario.ChainClock;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.contracts.ReliefCampaignFactory;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.InvalidInputException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu relief …}: disaster-relief campaigns (灾难救助) with milestone escrow; rounds under {@code relief round}. */
@Command(name = "relief", mixinStandardHelpOptions = true,
        description = "Disaster-relief campaigns: donations in escrow, milestones released to the beneficiary when M of N verifiers approve the same evidence, refunds when the goal is missed or the verifiers cancel (docs/scenarios.md).",
        subcommands = RoundCommand.class,
        footer = {"", "Examples:",
                "  huzhu relief create --goal 1000 --deadline 7d --verifier assessor1 --verifier assessor2 --milestone 400:tents --milestone 600:repairs --account bob",
                "  huzhu relief donate 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 100 --account alice",
                "  huzhu relief show 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"})
public final class ReliefCommand {
    @Spec CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a campaign (a clone): beneficiary, goal, deadline, verifiers with a quorum, milestones.",
            footer = {"", "Milestones are AMOUNT:TEXT (the text's keccak-256 goes on chain) and add up to the goal; none given: one milestone of the goal.",
                    "", "Examples:",
                    "  huzhu relief create --goal 1000 --deadline 7d --verifier assessor1 --verifier assessor2 --milestone 400:tents --milestone 600:repairs --account bob",
                    "  huzhu relief create --goal 500 --deadline 3d --verifier 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --round 0x… --account bob --yes --json"})
    int create(@Option(names = "--goal", required = true, paramLabel = "AMOUNT", description = "donations needed by the deadline") String goal,
            @Option(names = "--deadline", required = true, paramLabel = "DURATION", converter = DurationConverter.class, description = "fundraising ends this long from now (at most 366d)") Long deadline,
            @Option(names = "--verifier", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "approves milestones or cancels (repeat, 1 to 32)") List<String> verifiers,
            @Option(names = "--quorum", paramLabel = "N", description = "verifiers needed (default: a majority)") Integer quorum,
            @Option(names = "--milestone", paramLabel = "AMOUNT:TEXT", description = "a milestone, in order (repeat, up to 32)") List<String> milestones,
            @Option(names = "--beneficiary", paramLabel = "ADDRESS|ACCOUNT", description = "who the milestones are paid to (default: the account)") String beneficiary,
            @Option(names = "--round", paramLabel = "ADDRESS", description = "a matching round of the same token") String round,
            @Option(names = "--description", defaultValue = "", paramLabel = "TEXT", description = "what the campaign is for (its keccak-256 goes on chain)") String description,
            @Option(names = "--asset", paramLabel = "ADDRESS", description = "the token (default: the deployment's MockUSD)") String asset,
            @Mixin SendOptions send) {
        Session session = Session.of(spec);
        List<String> verifierAddresses = new ArrayList<>();
        for (String v : verifiers) {
            verifierAddresses.add(send.account.addressOf(session, v, "--verifier"));
        }
        String roundAddress = round == null ? "0x0000000000000000000000000000000000000000" : Address.parse(round, "--round").checksummed();
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.RELIEF_FACTORY);
            String tokenAddress = asset != null ? Address.parse(asset, "--asset").checksummed() : ScenarioTx.defaultAsset(chain);
            Erc20Token token = ScenarioTx.token(chain, tokenAddress);
            BigInteger goalUnits = token.parse(goal);
            List<ReliefCampaignFactory.Milestone> list = new ArrayList<>();
            for (String m : milestones == null ? List.of(goal + ":" + description) : milestones) {
                int colon = m.indexOf(':');
                if (colon <= 0) {
                    throw new InvalidInputException("--milestone must be AMOUNT:TEXT (got '" + m + "')");
                }
                list.add(new ReliefCampaignFactory.Milestone(token.parse(m.substring(0, colon)), hash(m.substring(colon + 1))));
            }
            String to = beneficiary == null ? flow.from() : send.account.addressOf(session, beneficiary, "--beneficiary");
            long ends = latest(chain) + deadline;
            int q = quorum != null ? quorum : verifierAddresses.size() / 2 + 1;
            var params = new ReliefCampaignFactory.CampaignParams(tokenAddress, to, roundAddress, goalUnits, BigInteger.valueOf(ends),
                    BigInteger.valueOf(q), hash(description), verifierAddresses, list);
            ReliefCampaignFactory f = ReliefCampaignFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas());
            SentTransaction sent = flow.send(factory, f.createCampaign(params).encodeFunctionCall(),
                    "create a relief campaign for " + token.format(goalUnits) + " paid to " + to + ", " + q + " of " + verifierAddresses.size() + " verifiers");
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("CampaignCreated")).findFirst().orElseThrow();
            String campaign = e.address("campaign");
            return new PlanTx.Outcome("created campaign " + campaign + " (#" + e.number("campaignId") + "): goal " + token.format(goalUnits)
                    + " by " + dev.huzhu.chain.Timestamps.format(ends) + ", " + list.size() + " milestone(s); " + TxFlow.line(sent),
                    Json.object("campaign", campaign, "id", e.number("campaignId").longValue(), "goal", ScenarioTx.units(token, goalUnits),
                            "deadline", ends, "beneficiary", to, "round", round == null ? null : roundAddress, "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "donate", mixinStandardHelpOptions = true, description = "Donate to a campaign (into escrow; approves the campaign for the token first when needed).",
            footer = {"", "Examples:", "  huzhu relief donate 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 100 --account alice",
                    "  huzhu relief donate 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 2.5 --account alice --yes --json"})
    int donate(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Parameters(index = "1", paramLabel = "AMOUNT") String amount,
            @Mixin SendOptions send) {
        return onCampaign(campaign, send, (c, token, chain, flow) -> {
            BigInteger units = token.parse(amount);
            String data = c.donate(units).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, c.getContractAddress(), units, data);
            SentTransaction sent = flow.send(c.getContractAddress(), data, "donate " + token.format(units) + " to campaign " + c.getContractAddress());
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("Donated")).findFirst().orElseThrow();
            return new PlanTx.Outcome("donated " + token.format(units) + "; the campaign has raised " + token.format(e.number("raised")) + "; " + TxFlow.line(sent),
                    Json.object("amount", ScenarioTx.units(token, units), "raised", ScenarioTx.units(token, e.number("raised")),
                            "donorTotal", ScenarioTx.units(token, e.number("donorTotal")), "approval", approval == null ? null : TxFlow.json(approval),
                            "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "As a verifier, approve the evidence of the next milestone; at the quorum (same evidence) it is credited to the beneficiary.",
            footer = {"", "Examples:", "  huzhu relief approve 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 0 --evidence receipts.pdf --account assessor1",
                    "  huzhu relief approve 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 1 --evidence photos.zip --account assessor2 --yes --json"})
    int approve(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Parameters(index = "1", paramLabel = "MILESTONE", description = "0 for the first") int index,
            @Option(names = "--evidence", required = true, paramLabel = "FILE", description = "the evidence (hashed locally)") Path evidence,
            @Mixin SendOptions send) {
        byte[] h = DocumentHash.file(evidence, "--evidence");
        return onCampaign(campaign, send, (c, token, chain, flow) -> {
            SentTransaction sent = flow.send(c.getContractAddress(), c.approveMilestone(BigInteger.valueOf(index), h).encodeFunctionCall(),
                    "approve milestone " + index + " of campaign " + c.getContractAddress());
            List<ChainEvent> events = chain.events(sent);
            ChainEvent released = events.stream().filter(x -> x.name().equals("MilestoneReleased")).findFirst().orElse(null);
            ChainEvent vote = events.stream().filter(x -> x.name().equals("MilestoneApproved")).findFirst().orElseThrow();
            return new PlanTx.Outcome(released == null ? "approved milestone " + index + " (" + vote.number("approvals") + " approval(s)); " + TxFlow.line(sent)
                    : "milestone " + index + " released: " + token.format(released.number("amount")) + " credited to the beneficiary; " + TxFlow.line(sent),
                    Json.object("milestone", index, "approvals", vote.number("approvals").longValue(), "released", released != null,
                            "amount", released == null ? null : ScenarioTx.units(token, released.number("amount")), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "As the beneficiary, withdraw the released milestones (pull payment).",
            footer = {"", "Examples:", "  huzhu relief withdraw 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account bob"})
    int withdraw(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        return paidOut(campaign, send, "withdraw", "BeneficiaryWithdrew", "withdrew");
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "As a verifier, vote to cancel the campaign; at the quorum every donor can refund what is left, pro rata.",
            footer = {"", "Examples:", "  huzhu relief cancel 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account assessor1"})
    int cancel(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        return onCampaign(campaign, send, (c, token, chain, flow) -> {
            SentTransaction sent = flow.send(c.getContractAddress(), c.voteCancel().encodeFunctionCall(), "vote to cancel campaign " + c.getContractAddress());
            List<ChainEvent> events = chain.events(sent);
            boolean cancelled = events.stream().anyMatch(x -> x.name().equals("CampaignCancelled"));
            ChainEvent vote = events.stream().filter(x -> x.name().equals("CancelVoted")).findFirst().orElseThrow();
            return new PlanTx.Outcome((cancelled ? "campaign cancelled: donors can refund" : "voted to cancel (" + vote.number("votes") + " vote(s))") + "; " + TxFlow.line(sent),
                    Json.object("votes", vote.number("votes").longValue(), "cancelled", cancelled, "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "refund", mixinStandardHelpOptions = true, description = "As a donor of a failed or cancelled campaign, pull your refund (your share of what is left).",
            footer = {"", "Examples:", "  huzhu relief refund 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account alice"})
    int refund(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        return paidOut(campaign, send, "refund", "Refunded", "refunded");
    }

    @Command(name = "points", mixinStandardHelpOptions = true, description = "As a donor of a completed campaign, claim your points once: one per whole token donated, kept in this campaign's scope (never added to other campaigns' or plans' points).",
            footer = {"", "Points are non-transferable AidPoints minted by the relief factory's own AidPoints; only its campaigns mint them.",
                    "", "Examples:", "  huzhu relief points 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account alice",
                    "  huzhu relief points 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --account alice --yes --json"})
    int points(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Mixin SendOptions send) {
        return onCampaign(campaign, send, (c, token, chain, flow) -> {
            SentTransaction sent = flow.send(c.getContractAddress(), c.claimPoints().encodeFunctionCall(), "claim donor points from campaign " + c.getContractAddress());
            ChainEvent claimed = chain.events(sent).stream().filter(x -> x.name().equals("DonorPointsClaimed")).findFirst().orElseThrow();
            BigInteger points = claimed.number("points");
            return new PlanTx.Outcome("claimed " + points + " point(s) in campaign " + c.getContractAddress() + "'s scope; " + TxFlow.line(sent),
                    Json.object("points", points.longValue(), "pointsContract", dev.huzhu.chain.Calls.get(c.points()), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a campaign: status, progress to the goal, milestones, books.",
            footer = {"", "Examples:", "  huzhu relief show 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707", "  huzhu relief show 0x5FC8d32690cc91D4c39d9d3abcBD16989F875707 --json"})
    int show(@Parameters(index = "0", paramLabel = "CAMPAIGN") String campaign, @Mixin dev.huzhu.cli.options.NetworkOptions network,
            @Mixin dev.huzhu.cli.options.JsonOption json) {
        return CampaignView.print(spec, network, json, Address.parse(campaign, "CAMPAIGN").checksummed());
    }

    private int paidOut(String campaign, SendOptions send, String verb, String event, String past) {
        return onCampaign(campaign, send, (c, token, chain, flow) -> {
            String data = verb.equals("withdraw") ? c.withdraw().encodeFunctionCall() : c.refund().encodeFunctionCall();
            SentTransaction sent = flow.send(c.getContractAddress(), data, verb + " from campaign " + c.getContractAddress());
            BigInteger amount = ScenarioTx.amountIn(chain, sent, event);
            return new PlanTx.Outcome(past + " " + token.format(amount) + "; " + TxFlow.line(sent),
                    Json.object("amount", ScenarioTx.units(token, amount), "tx", TxFlow.json(sent)));
        });
    }

    /** A step on one campaign, with its token. */
    interface CampaignStep {
        PlanTx.Outcome run(ReliefCampaign campaign, Erc20Token token, ChainContext chain, TxFlow flow);
    }

    private int onCampaign(String campaign, SendOptions send, CampaignStep step) {
        String address = Address.parse(campaign, "CAMPAIGN").checksummed();
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            ReliefCampaign c = CampaignView.load(chain, address, flow.from());
            Erc20Token token = ScenarioTx.token(chain, dev.huzhu.chain.Calls.get(c.terms()).component1());
            Map<String, Object> head = Json.object("campaign", address);
            PlanTx.Outcome o = step.run(c, token, chain, flow);
            head.putAll(o.json());
            return new PlanTx.Outcome(o.text(), head);
        });
    }

    private static long latest(ChainContext chain) {
        return ChainClock.now(chain);
    }

    private static byte[] hash(String text) {
        return DocumentHash.text(text);
    }
}
