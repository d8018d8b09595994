package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.TokenAmount;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.devnet.DevClock;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The demo: an operator deploys MockUSD and a medical plan; five members join and deposit; after
 * the waiting period one of them claims, the assessors approve, and a passer-by's {@code finalize}
 * pays the claimant from the shared reserve.
 */
public final class DemoScenario {
    public static final int DECIMALS = 6;
    public static final BigInteger CONTRIBUTION = usd("100");
    public static final BigInteger FIRST_DEPOSIT = usd("300");
    public static final BigInteger TOP_UP = usd("50");
    public static final BigInteger CLAIM = usd("250");
    public static final BigInteger MAX_PAYOUT = usd("1000");
    public static final long PERIOD = 30L * 24 * 3600;
    public static final long WAITING_PERIOD = 30L * 24 * 3600;
    public static final String EVIDENCE = "hospital invoice #2026-1126, appendectomy, 250.00 USD";

    /** Who plays which part: accounts[0] operator, 1-5 members, 6-8 assessors, 9 passer-by. */
    public record Cast(Credentials operator, List<Credentials> members, List<Credentials> assessors, Credentials passerBy) {
        public static Cast of(List<Credentials> accounts) {
            return new Cast(accounts.get(0), accounts.subList(1, 6), accounts.subList(6, 9), accounts.get(9));
        }

        public Credentials claimant() {
            return members.get(0);
        }
    }

    /** What the scenario leaves behind, for printing and for the tests. */
    public record Outcome(String tokenAddress, String poolAddress, BigInteger claimId, TransactionReceipt payout) {}

    private final ChainConnection chain;
    private final Cast cast;
    private final StepLog log;

    public DemoScenario(ChainConnection chain, Cast cast, PrintStream out) {
        this.chain = chain;
        this.cast = cast;
        this.log = new StepLog(out);
    }

    public StepLog log() {
        return log;
    }

    public Outcome run() throws Exception {
        MockUSD usd = MockUSD.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider(), cast.operator().getAddress()).send();
        log.tx("operator deployed MockUSD at " + org.web3j.crypto.Keys.toChecksumAddress(usd.getContractAddress()), usd.getTransactionReceipt().orElseThrow());

        List<String> assessors = cast.assessors().stream().map(Credentials::getAddress).toList();
        AidPool.Rules rules = new AidPool.Rules(CONTRIBUTION, BigInteger.valueOf(PERIOD), BigInteger.valueOf(WAITING_PERIOD),
                MAX_PAYOUT, BigInteger.TWO, assessors);
        AidPool pool = AidPool.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider(), usd.getContractAddress(), rules).send();
        log.tx("operator created medical plan at " + org.web3j.crypto.Keys.toChecksumAddress(pool.getContractAddress()) + " (2 of 3 assessors)",
                pool.getTransactionReceipt().orElseThrow());

        for (Credentials member : cast.members()) {
            log.tx("minted 1000 mUSD to member " + shortAddr(member), usd.mint(member.getAddress(), usd("1000")).send());
            MockUSD asMember = MockUSD.load(usd.getContractAddress(), chain.web3j(), tm(member), chain.gasProvider());
            log.tx("member " + shortAddr(member) + " approved the plan", asMember.approve(pool.getContractAddress(), usd("1000")).send());
            AidPool memberPool = load(pool, member);
            log.tx("member " + shortAddr(member) + " joined with " + fmt(FIRST_DEPOSIT) + " mUSD", memberPool.join(FIRST_DEPOSIT).send());
            log.tx("member " + shortAddr(member) + " deposited " + fmt(TOP_UP) + " mUSD", memberPool.deposit(TOP_UP).send());
        }

        new DevClock(chain.service()).advance(WAITING_PERIOD + 1);
        log.note("30 days passed: the waiting period (等待期) is over");

        Credentials claimant = cast.claimant();
        byte[] evidenceHash = Hash.sha3(EVIDENCE.getBytes(StandardCharsets.UTF_8));
        TransactionReceipt submitted = load(pool, claimant).submitClaim(CLAIM, evidenceHash).send();
        BigInteger claimId = AidPool.getClaimSubmittedEvents(submitted).get(0).claimId;
        log.tx("member " + shortAddr(claimant) + " submitted medical claim #" + claimId + " for " + fmt(CLAIM) + " mUSD", submitted);

        for (Credentials assessor : cast.assessors().subList(0, 2)) {
            log.tx("assessor " + shortAddr(assessor) + " approved claim #" + claimId, load(pool, assessor).vote(claimId, true).send());
        }

        TransactionReceipt payout = load(pool, cast.passerBy()).finalize(claimId).send();
        log.tx("passer-by finalized claim #" + claimId + ": paid " + fmt(CLAIM) + " mUSD to " + shortAddr(claimant), payout);
        return new Outcome(usd.getContractAddress(), pool.getContractAddress(), claimId, payout);
    }

    private AidPool load(AidPool pool, Credentials who) {
        return AidPool.load(pool.getContractAddress(), chain.web3j(), tm(who), chain.gasProvider());
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return chain.transactionManager(who);
    }

    static BigInteger usd(String human) {
        return TokenAmount.parse(human, DECIMALS);
    }

    static String fmt(BigInteger units) {
        return TokenAmount.format(units, DECIMALS);
    }

    static String shortAddr(Credentials c) {
        String a = org.web3j.crypto.Keys.toChecksumAddress(c.getAddress());
        return a.substring(0, 6) + "…" + a.substring(a.length() - 4);
    }
}
