package dev.huzhu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.MatchingRound;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.ReliefCampaign;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.tx.ReadonlyTransactionManager;

/**
 * The relief and group demo stories against a real Hardhat node. Expected figures are worked here
 * (quadratic split with BigInteger.sqrt, the story's own amounts), then compared with the chain.
 */
@ExtendWith(HardhatNodeExtension.class)
class DemoStoriesIT {

    @Test
    void reliefAndGroupStoriesLeaveTheBooksTheStoriesTell(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            DemoScenario.Cast cast = DemoScenario.Cast.of(DevAccounts.first(10));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            StepLog log = new StepLog(out);
            MockUSD deployed = MockUSD.deploy(chain.web3j(), chain.transactionManager(cast.operator()), chain.gasProvider(),
                    cast.operator().getAddress()).send();
            String token = deployed.getContractAddress();
            ReliefDemo.Outcome relief = new ReliefDemo(chain, cast, log).run(token);
            GroupDemo.Outcome group = new GroupDemo(chain, cast, log).run(token);

            var ro = new ReadonlyTransactionManager(chain.web3j(), cast.passerBy().getAddress());
            MockUSD usd = MockUSD.load(token, chain.web3j(), ro, chain.gasProvider());

            // quadratic split, worked independently: s = Σ √(gift · 10^12) per campaign
            BigInteger scale = BigInteger.TEN.pow(12);
            BigInteger sFlood = ReliefDemo.FLOOD_GIFTS.stream().map(g -> g.multiply(scale).sqrt()).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger sSchool = ReliefDemo.SCHOOL_GIFT.multiply(scale).sqrt();
            BigInteger total = sFlood.pow(2).add(sSchool.pow(2));
            BigInteger floodMatch = ReliefDemo.POOL.multiply(sFlood.pow(2)).divide(total);
            BigInteger schoolMatch = ReliefDemo.POOL.multiply(sSchool.pow(2)).divide(total);
            assertEquals(floodMatch, relief.floodMatch());
            assertEquals(schoolMatch, relief.schoolMatch());
            assertTrue(floodMatch.add(schoolMatch).compareTo(ReliefDemo.POOL) <= 0, "never more than the pool");
            assertTrue(floodMatch.compareTo(schoolMatch) > 0, "four donors weigh more than one donor of about the same total");

            // the flood beneficiary pulled everything: the gifts (over the goal) and the match; it is also the
            // group's first co-owner, who paid 600 for its shares (minted for it) and sold one for 110
            BigInteger floodGifts = ReliefDemo.FLOOD_GIFTS.stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertEquals(floodGifts.add(floodMatch).add(GroupDemo.RESALE_PRICE), usd.balanceOf(cast.members().get(0).getAddress()).send());
            ReliefCampaign flood = ReliefCampaign.load(relief.flood(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(BigInteger.TWO, flood.status().send(), "COMPLETED");
            assertEquals(BigInteger.ZERO, usd.balanceOf(relief.flood()).send());
            // its four donors pulled their points: 300 + 300 + 200 + 250 whole mUSD = 1,050 points, in the flood's scope only
            var points = dev.huzhu.contracts.AidPoints.load(flood.points().send(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(BigInteger.valueOf(1_050), points.totalOf(relief.flood()).send());
            assertEquals(BigInteger.ZERO, points.totalOf(relief.school()).send(), "the cancelled campaign mints nothing");

            // the school campaign was cancelled: its donor got the gift back, the round its match
            ReliefCampaign school = ReliefCampaign.load(relief.school(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(BigInteger.valueOf(4), school.status().send(), "CANCELLED");
            assertEquals(ReliefDemo.SCHOOL_GIFT, usd.balanceOf(cast.operator().getAddress()).send());
            assertEquals(BigInteger.ZERO, usd.balanceOf(relief.school()).send());
            assertEquals(ReliefDemo.POOL.subtract(floodMatch), usd.balanceOf(relief.round()).send());
            MatchingRound round = MatchingRound.load(relief.round(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(floodMatch.add(schoolMatch), round.poolBooks().send().component2());

            // group: the seller got exactly the price; shares 6-1, 4, 2 and 1 sold; day 10 is the first owner's
            GroupPurchase purchase = GroupPurchase.load(group.purchase(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(GroupDemo.PRICE, usd.balanceOf(group.seller().getAddress()).send());
            assertEquals(BigInteger.valueOf(5), purchase.sharesOf(group.owners().get(0).getAddress()).send());
            assertEquals(BigInteger.valueOf(4), purchase.sharesOf(group.owners().get(1).getAddress()).send());
            assertEquals(BigInteger.valueOf(2), purchase.sharesOf(group.owners().get(2).getAddress()).send());
            assertEquals(BigInteger.ONE, purchase.sharesOf(group.buyer().getAddress()).send());
            assertEquals(group.owners().get(0).getAddress(), purchase.bookedBy(BigInteger.TEN).send().toLowerCase());
            assertEquals(BigInteger.ZERO, usd.balanceOf(group.purchase()).send());
            // the double booking is refused at the gas estimate (TransactionSender, as every command) and worded from its custom error SlotTaken
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("refused (slot taken (slot 10, by "
                    + org.web3j.crypto.Keys.toChecksumAddress(group.owners().get(0).getAddress()) + ")"), printed.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void unknownScenarioIsOneClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DemoStories.parse("pets"));
        assertEquals("--scenario must be medical, relief, education, group or all (got 'pets')", e.getMessage());
        assertEquals(new DemoStories(true, true, true, true), DemoStories.parse("ALL"));
        assertEquals(new DemoStories(false, false, false, true), DemoStories.parse("education"));
    }

    /**
     * The education story: 450 of tuition in 3 tranches is 150 a term (hand-worked; equal to the escrow's
     * trancheAmount); two terms reach the school, the third goes back to the reserve when the student stops.
     */
    @Test
    void educationStoryPaysTheSchoolTwoTermsAndReturnsTheThird(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            DemoScenario.Cast cast = DemoScenario.Cast.of(DevAccounts.first(10));
            StepLog log = new StepLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            String token = MockUSD.deploy(chain.web3j(), chain.transactionManager(cast.operator()), chain.gasProvider(),
                    cast.operator().getAddress()).send().getContractAddress();
            var school = DevAccounts.first(11).get(10);
            var ro = new ReadonlyTransactionManager(chain.web3j(), cast.passerBy().getAddress());
            BigInteger schoolBefore = MockUSD.load(token, chain.web3j(), ro, chain.gasProvider()).balanceOf(school.getAddress()).send();
            EducationDemo.Outcome o = new EducationDemo(chain, cast, log, school).run(token, null);
            BigInteger term = DemoScenario.usd("150");
            var escrow = dev.huzhu.contracts.TrancheEscrow.load(o.escrow(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(term, escrow.trancheAmount(EducationDemo.TUITION, BigInteger.valueOf(3), BigInteger.ZERO).send());
            assertEquals(term.multiply(BigInteger.TWO), o.released());
            assertEquals(term, o.returned());
            assertEquals(schoolBefore.add(term.multiply(BigInteger.TWO)),
                    MockUSD.load(token, chain.web3j(), ro, chain.gasProvider()).balanceOf(school.getAddress()).send());
            var pool = dev.huzhu.contracts.AidPool.load(o.plan(), chain.web3j(), ro, chain.gasProvider());
            assertEquals(BigInteger.ZERO, pool.withdrawable(o.escrow()).send(), "the escrow keeps nothing");
            var s = escrow.scheduleOf(o.plan(), o.claimId()).send();
            assertEquals(BigInteger.TWO, s.released);
            assertTrue(s.stopped);
            // the student's own plan balance never saw the tuition: 300 deposited, contributions charged, no payout
            assertTrue(pool.memberOf(o.student().getAddress()).send().balance.compareTo(EducationDemo.DEPOSIT) < 0);
        }
    }
}
