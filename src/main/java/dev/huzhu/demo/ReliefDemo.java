package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.MatchingRound;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.contracts.ReliefCampaignFactory;
import dev.huzhu.devnet.DevClock;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The disaster-relief story (灾难救助): a sponsor opens a quadratic-matching round; two campaigns
 * join it (flood relief for one beneficiary, rebuilding a school); donors give; after the round
 * each campaign pulls its match; the flood campaign's verifiers approve its two milestones (2 of 3
 * on the same evidence hash) and the beneficiary pulls the money; the school campaign is cancelled
 * by its verifiers and every donor, and the round, pulls a refund.
 */
public final class ReliefDemo {
    public static final BigInteger GOAL = DemoScenario.usd("1000");
    public static final BigInteger FIRST_MILESTONE = DemoScenario.usd("400");
    public static final BigInteger POOL = DemoScenario.usd("500");
    /** The flood campaign's four donors give these; the school's single donor gives SCHOOL_GIFT. */
    public static final List<BigInteger> FLOOD_GIFTS = List.of(DemoScenario.usd("300"), DemoScenario.usd("300"),
            DemoScenario.usd("200"), DemoScenario.usd("250"));
    public static final BigInteger SCHOOL_GIFT = DemoScenario.usd("1000");
    public static final String EVIDENCE = "receipts: 120 tents delivered to Xinxiang, 2026-07-24";
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;

    /** What the story leaves behind, for the closing table and the tests. */
    public record Outcome(String token, String factory, String round, String flood, String school,
            BigInteger floodMatch, BigInteger schoolMatch) {}

    private final ChainConnection chain;
    private final DemoScenario.Cast cast;
    private final StepLog log;

    public ReliefDemo(ChainConnection chain, DemoScenario.Cast cast, StepLog log) {
        this.chain = chain;
        this.cast = cast;
        this.log = log;
    }

    /** Runs the story with `token` (a MockUSD the operator can mint). */
    public Outcome run(String token) throws Exception {
        Credentials operator = cast.operator();
        Credentials sponsor = cast.passerBy();
        Credentials beneficiary = cast.members().get(0);
        ReliefCampaign campaignImpl = ReliefCampaign.deploy(chain.web3j(), tm(operator), chain.gasProvider()).send();
        log.tx("operator deployed the ReliefCampaign implementation", campaignImpl.getTransactionReceipt().orElseThrow());
        MatchingRound roundImpl = MatchingRound.deploy(chain.web3j(), tm(operator), chain.gasProvider()).send();
        log.tx("operator deployed the MatchingRound implementation", roundImpl.getTransactionReceipt().orElseThrow());
        ReliefCampaignFactory factory = ReliefCampaignFactory.deploy(chain.web3j(), tm(operator), chain.gasProvider(),
                campaignImpl.getContractAddress(), roundImpl.getContractAddress()).send();
        log.tx("operator deployed ReliefCampaignFactory", factory.getTransactionReceipt().orElseThrow());

        long now = now();
        TransactionReceipt roundTx = as(factory, sponsor).createRound(token, BigInteger.valueOf(now + HOUR),
                BigInteger.valueOf(now + HOUR + 3 * DAY)).send();
        String round = ReliefCampaignFactory.getRoundCreatedEvents(roundTx).get(0).round;
        log.tx("sponsor " + DemoScenario.shortAddr(sponsor) + " opened a 3-day matching round (clone)", roundTx);
        MockUSD usd = MockUSD.load(token, chain.web3j(), tm(operator), chain.gasProvider());
        log.tx("minted " + DemoScenario.fmt(POOL) + " mUSD to the sponsor", usd.mint(sponsor.getAddress(), POOL).send());
        approve(token, sponsor, round, POOL);
        log.tx("sponsor funded the matching pool with " + DemoScenario.fmt(POOL) + " mUSD",
                MatchingRound.load(round, chain.web3j(), tm(sponsor), chain.gasProvider()).fund(POOL).send());

        String flood = create(factory, token, beneficiary.getAddress(), round, now + 7 * DAY, "Flood relief, Xinxiang: tents, then repairs");
        String school = create(factory, token, cast.members().get(1).getAddress(), round, now + 7 * DAY, "Rebuild the village school");
        MatchingRound asSponsor = MatchingRound.load(round, chain.web3j(), tm(sponsor), chain.gasProvider());
        log.tx("sponsor admitted the flood campaign to the round", asSponsor.admit(flood).send());
        log.tx("sponsor admitted the school campaign to the round", asSponsor.admit(school).send());

        new DevClock(chain.service()).advance(HOUR);
        log.note("1 hour passed: the round is open, donations now count for matching");
        List<Credentials> donors = List.of(cast.members().get(2), cast.members().get(3), cast.members().get(4), cast.assessors().get(0));
        for (int i = 0; i < donors.size(); i++) {
            donate(token, donors.get(i), flood, FLOOD_GIFTS.get(i), "flood");
        }
        donate(token, cast.operator(), school, SCHOOL_GIFT, "school");

        new DevClock(chain.service()).advance(3 * DAY);
        log.note("3 days passed: the round is over; each campaign pulls its quadratic match");
        TransactionReceipt m1 = asSponsor.payMatch(flood).send();
        BigInteger floodMatch = MatchingRound.getMatchPaidEvents(m1).get(0).amount;
        log.tx("flood campaign: 4 donors, matched " + DemoScenario.fmt(floodMatch) + " mUSD", m1);
        TransactionReceipt m2 = asSponsor.payMatch(school).send();
        BigInteger schoolMatch = MatchingRound.getMatchPaidEvents(m2).get(0).amount;
        log.tx("school campaign: 1 donor, matched " + DemoScenario.fmt(schoolMatch) + " mUSD", m2);

        byte[] evidence = Hash.sha3(EVIDENCE.getBytes(StandardCharsets.UTF_8));
        for (int milestone = 0; milestone < 2; milestone++) {
            for (Credentials v : cast.assessors().subList(1, 3)) {
                TransactionReceipt r = campaign(flood, v).approveMilestone(BigInteger.valueOf(milestone), evidence).send();
                List<ReliefCampaign.MilestoneReleasedEventResponse> released = ReliefCampaign.getMilestoneReleasedEvents(r);
                log.tx("verifier " + DemoScenario.shortAddr(v) + " approved milestone " + milestone
                        + (released.isEmpty() ? "" : ": " + DemoScenario.fmt(released.get(0).amount) + " mUSD credited"), r);
            }
            log.tx("beneficiary " + DemoScenario.shortAddr(beneficiary) + " withdrew its credit", campaign(flood, beneficiary).withdraw().send());
        }
        // the flood campaign is COMPLETED: each donor pulls its points once (one per whole mUSD given, in this campaign's scope)
        for (Credentials d : donors) {
            TransactionReceipt claimed = campaign(flood, d).claimPoints().send();
            log.tx("donor " + DemoScenario.shortAddr(d) + " claimed " + ReliefCampaign.getDonorPointsClaimedEvents(claimed).get(0).points
                    + " points (kept in the flood campaign's scope)", claimed);
        }

        for (Credentials v : cast.assessors().subList(1, 3)) {
            log.tx("verifier " + DemoScenario.shortAddr(v) + " voted to cancel the school campaign", campaign(school, v).voteCancel().send());
        }
        TransactionReceipt refund = campaign(school, cast.operator()).refund().send();
        log.tx("donor " + DemoScenario.shortAddr(cast.operator()) + " pulled its refund: "
                + DemoScenario.fmt(ReliefCampaign.getRefundedEvents(refund).get(0).amount) + " mUSD", refund);
        TransactionReceipt recovered = asSponsor.recoverMatch(school).send();
        log.tx("the round pulled back the school's match: " + DemoScenario.fmt(ReliefCampaign.getRefundedEvents(recovered).get(0).amount)
                + " mUSD (the sponsor reclaims it after the claim window)", recovered);
        return new Outcome(token, factory.getContractAddress(), round, flood, school, floodMatch, schoolMatch);
    }

    private String create(ReliefCampaignFactory factory, String token, String beneficiary, String round, long deadline, String description)
            throws Exception {
        List<String> verifiers = cast.assessors().stream().map(Credentials::getAddress).toList();
        List<ReliefCampaignFactory.Milestone> milestones = List.of(
                new ReliefCampaignFactory.Milestone(FIRST_MILESTONE, Hash.sha3((description + " #1").getBytes(StandardCharsets.UTF_8))),
                new ReliefCampaignFactory.Milestone(GOAL.subtract(FIRST_MILESTONE), Hash.sha3((description + " #2").getBytes(StandardCharsets.UTF_8))));
        TransactionReceipt r = factory.createCampaign(new ReliefCampaignFactory.CampaignParams(token, beneficiary, round, GOAL,
                BigInteger.valueOf(deadline), BigInteger.TWO, Hash.sha3(description.getBytes(StandardCharsets.UTF_8)), verifiers, milestones)).send();
        String campaign = ReliefCampaignFactory.getCampaignCreatedEvents(r).get(0).campaign;
        log.tx("campaign \"" + description + "\": goal " + DemoScenario.fmt(GOAL) + " mUSD, 2 of 3 verifiers", r);
        return campaign;
    }

    private void donate(String token, Credentials donor, String campaign, BigInteger amount, String name) throws Exception {
        MockUSD.load(token, chain.web3j(), tm(cast.operator()), chain.gasProvider()).mint(donor.getAddress(), amount).send();
        approve(token, donor, campaign, amount);
        log.tx("donor " + DemoScenario.shortAddr(donor) + " gave " + DemoScenario.fmt(amount) + " mUSD to the " + name + " campaign",
                campaign(campaign, donor).donate(amount).send());
    }

    private void approve(String token, Credentials who, String spender, BigInteger amount) throws Exception {
        MockUSD.load(token, chain.web3j(), tm(who), chain.gasProvider()).approve(spender, amount).send();
    }

    private ReliefCampaign campaign(String address, Credentials who) {
        return ReliefCampaign.load(address, chain.web3j(), tm(who), chain.gasProvider());
    }

    private ReliefCampaignFactory as(ReliefCampaignFactory f, Credentials who) {
        return ReliefCampaignFactory.load(f.getContractAddress(), chain.web3j(), tm(who), chain.gasProvider());
    }

    private long now() throws Exception {
        return chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return DemoScenario.sending(chain, who);
    }
}
