package dev.huzhu.protocol;

import dev.huzhu.chain.RegistryHolders;
import static dev.huzhu.protocol.ProtocolDeployment.usd;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoints;
import dev.huzhu.contracts.AidPoolFactory;
import dev.huzhu.devnet.HardhatNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A protocol-v3 chain for the index, API and page tests, made once per test node through the
 * wrappers. Every figure the tests expect is read back from the contracts' views, never from here.
 * <ul>
 * <li><b>owed plan</b> (PREPAID, 20 mUSD a period, 5% fee, 7 members): claim #1 (1,000) is approved
 * while the reserve holds a few contributions: paid what it holds, the rest owed; claim #2 (200) is escalated, judged by a
 * drawn jury (5 seats, all reveal "approve") and finalized behind #1 in the owed queue (paid 0, owed
 * 200); then an eighth member's contribution arrives and {@code payOwed} pays it to #1 (FIFO); claim #3 is escalated
 * and nobody draws its jury in time: JuryFellBack (not drawn), denied.
 * <li><b>voted plan</b> (PREPAID): both members vote to close; exits are prepared; one member leaves
 * with their balance and half the reserve, the other has not left yet.
 * <li><b>empty plan</b>: its creator closes it before anyone joined.
 * </ul>
 */
public final class V3Story {
    public final ChainConnection chain;
    public final String factory;
    public final String owedPlan;
    public final String votedPlan;
    public final String emptyPlan;
    /** Claim #1: approved, partly paid, the rest owed. */
    public final BigInteger owedClaim;
    /** Claim #2: judged by a jury, queued behind #1. */
    public final BigInteger juryClaim;
    /** A COST_SHARING plan (share cap 50) and its claim of 500, paid pro rata within the cap, the rest owed. */
    public final String sharedPlan;
    public final BigInteger sharedClaim;
    /** Claim #3: escalated, its jury never drawn: denied by the fallback. */
    public final BigInteger fellBackClaim;
    public final String claimant;
    public final String juryClaimant;
    public final List<String> jurors;
    public final String leaver;
    public final String stayer;
    /** What the token contract moved to the leaver when they left the closed plan (balance + reserve share). */
    public final BigInteger leaverReceived;
    public final long chainId;

    private static V3Story story;

    /** The story on {@code node}, made on first use. */
    public static synchronized V3Story on(HardhatNode node) throws Exception {
        if (story == null) {
            story = new V3Story(ChainConnection.open(node.rpcUrl()), node.rpcUrl());
        }
        return story;
    }

    private V3Story(ChainConnection chain, String rpcUrl) throws Exception {
        this.chain = chain;
        this.chainId = chain.chainId();
        List<Credentials> accounts = DevAccounts.first(19);
        ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
        this.factory = d.factory.getContractAddress();
        List<Credentials> members = accounts.subList(4, 12);

        // ---------------------------------------------------------------- owed plan
        AidPool plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("20"), BigInteger.ZERO));
        owedPlan = plan.getContractAddress();
        d.fund(owedPlan, members, usd("1000"));
        for (Credentials m : members.subList(0, 7)) {
            d.as(owedPlan, m).join(usd("500"), ProtocolDeployment.NO_REFERRER).send();
        }
        d.advance(ProtocolDeployment.PERIOD + 1); // the waiting period (one period) is over
        Credentials first = members.get(0);
        claimant = first.getAddress();
        owedClaim = AidPool.getClaimSubmittedEvents(d.as(owedPlan, first).submitClaim(usd("1000"), ProtocolDeployment.hash("surgery"),
                d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
        d.as(owedPlan, d.assessors.get(0)).vote(owedClaim, true).send();
        d.as(owedPlan, d.assessors.get(1)).vote(owedClaim, true).send();
        Credentials second = members.get(1);
        juryClaimant = second.getAddress();
        juryClaim = AidPool.getClaimSubmittedEvents(d.as(owedPlan, second).submitClaim(usd("200"), ProtocolDeployment.hash("fracture"),
                d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
        d.advance(ProtocolDeployment.WINDOW + 1);
        d.as(owedPlan, first).finalize(owedClaim).send(); // 1,000 granted, the reserve pays what it holds
        d.as(owedPlan, first).escalate(juryClaim).send(); // nobody decided #2 in time: the jury
        d.as(owedPlan, first).drawJury(juryClaim, RegistryHolders.forDraw(chain.web3j(), plan, owedPlan, juryClaim)).send();
        @SuppressWarnings("unchecked")
        List<String> panel = plan.juryOf(juryClaim).send().component5();
        jurors = List.copyOf(panel);
        List<Credentials> seated = new ArrayList<>();
        for (String j : panel) {
            seated.add(members.stream().filter(m -> m.getAddress().equalsIgnoreCase(j)).findFirst().orElseThrow());
        }
        for (int i = 0; i < seated.size(); i++) {
            byte[] salt = ProtocolDeployment.hash("salt-" + i);
            d.as(owedPlan, seated.get(i)).commitVote(juryClaim, plan.commitmentOf(juryClaim, seated.get(i).getAddress(), true, salt).send()).send();
        }
        d.advance(ProtocolDeployment.WINDOW);
        for (int i = 0; i < seated.size(); i++) {
            d.as(owedPlan, seated.get(i)).revealVote(juryClaim, true, ProtocolDeployment.hash("salt-" + i)).send();
        }
        d.advance(ProtocolDeployment.WINDOW);
        d.as(owedPlan, first).finalize(juryClaim).send(); // approved by the jury, queued behind #1
        d.as(owedPlan, seated.get(0)).claimPoints().send(); // a juror mints this plan's points
        d.as(owedPlan, seated.get(0)).collectJuryReward(juryClaim).send(); // and collects (deposit 0 + no losing bond: 0)
        d.as(owedPlan, members.get(7)).join(usd("500"), ProtocolDeployment.NO_REFERRER).send(); // a contribution reaches the reserve
        d.as(owedPlan, members.get(7)).payOwed(BigInteger.TEN).send(); // FIFO: to #1 first

        // claim #3: escalated, but nobody draws its jury within 256 blocks: the assessors' decision (none: denied) stands
        Credentials third = members.get(2);
        fellBackClaim = AidPool.getClaimSubmittedEvents(d.as(owedPlan, third).submitClaim(usd("50"), ProtocolDeployment.hash("sprain"),
                d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
        d.advance(ProtocolDeployment.WINDOW + 1);
        d.as(owedPlan, third).escalate(fellBackClaim).send();
        dev.huzhu.indexer.DevRpc.mine(rpcUrl, 300); // blockhash forgot the seed block (evm_mine: hardhat_mine's reserved blocks do not chain their parent hashes)
        d.advance(2 * ProtocolDeployment.WINDOW + 1);
        d.as(owedPlan, third).finalize(fellBackClaim).send();

        // ---------------------------------------------------------------- cost-sharing plan: the share cap leaves the rest owed
        AidPool sharedPool = d.createPlan(d.rules(ProtocolDeployment.COST_SHARING, BigInteger.ZERO, usd("50")));
        sharedPlan = sharedPool.getContractAddress();
        List<Credentials> sharers = members.subList(4, 8);
        d.fund(sharedPlan, sharers, usd("1000"));
        for (Credentials m : sharers) {
            d.as(sharedPlan, m).join(usd("200"), ProtocolDeployment.NO_REFERRER).send();
        }
        d.advance(ProtocolDeployment.PERIOD + 1);
        sharedClaim = AidPool.getClaimSubmittedEvents(d.as(sharedPlan, sharers.get(0)).submitClaim(usd("500"), ProtocolDeployment.hash("flood"),
                d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
        d.as(sharedPlan, d.assessors.get(0)).vote(sharedClaim, true).send();
        d.as(sharedPlan, d.assessors.get(1)).vote(sharedClaim, true).send();
        d.advance(ProtocolDeployment.WINDOW + 1);
        d.as(sharedPlan, sharers.get(1)).finalize(sharedClaim).send(); // shares capped at 50 each: paid pro rata, the rest owed

        // ---------------------------------------------------------------- voted plan
        AidPool voted = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("50"), BigInteger.ZERO));
        votedPlan = voted.getContractAddress();
        List<Credentials> pair = List.of(members.get(2), members.get(3));
        d.fund(votedPlan, pair, usd("1000"));
        for (Credentials m : pair) {
            d.as(votedPlan, m).join(usd("300"), ProtocolDeployment.NO_REFERRER).send();
        }
        for (Credentials m : pair) {
            d.as(votedPlan, m).voteToClose().send();
        }
        d.as(votedPlan, pair.get(0)).prepareExits(BigInteger.valueOf(50), RegistryHolders.forExits(chain.web3j(), voted, votedPlan, 50)).send();
        BigInteger before = d.balanceOf(pair.get(0).getAddress());
        d.as(votedPlan, pair.get(0)).leave().send();
        leaverReceived = d.balanceOf(pair.get(0).getAddress()).subtract(before);
        leaver = pair.get(0).getAddress();
        stayer = pair.get(1).getAddress();

        // ---------------------------------------------------------------- empty plan, closed by its creator
        AidPool empty = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("10"), BigInteger.ZERO));
        emptyPlan = empty.getContractAddress();
        empty.closeByCreator().send();
    }

    /** A read-only view of a plan. */
    public AidPool plan(String address) {
        return AidPool.load(address, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), address), new DefaultGasProvider());
    }

    /** The AidPoints contract of the factory. */
    public AidPoints points() throws Exception {
        AidPoolFactory f = AidPoolFactory.load(factory, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), factory), new DefaultGasProvider());
        String at = f.points().send();
        return AidPoints.load(at, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), at), new DefaultGasProvider());
    }
}
