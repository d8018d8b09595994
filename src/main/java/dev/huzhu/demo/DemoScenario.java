package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolExtension;
import dev.huzhu.contracts.AidPoolFactory;
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
 * The demo: an operator deploys MockUSD, the AidPool implementation and the factory, and creates a
 * prepaid medical plan through the factory (an EIP-1167 clone); five members join and deposit;
 * after the waiting period one of them claims (posting the claim bond), the assessors approve, the
 * public notice passes without a challenge, and a passer-by's {@code finalize} pays the claimant
 * from the shared reserve and returns the bond.
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
    public static final long GRACE_PERIOD = 7L * 24 * 3600;
    public static final long ASSESSMENT_WINDOW = 7L * 24 * 3600;
    public static final long NOTICE_WINDOW = 3L * 24 * 3600;
    public static final long JURY_WINDOW = 3L * 24 * 3600;
    public static final long FILING_WINDOW = 90L * 24 * 3600;
    /** Service fee: 1% of each contribution, to the operator. */
    public static final int FEE_BPS = 100;
    public static final BigInteger CLAIM_BOND = usd("10");
    public static final BigInteger CHALLENGE_BOND = usd("20");
    public static final String RULES_DOCUMENT = "Huzhu demo medical plan: 100 mUSD per 30 days, 30-day waiting period, claims up to 1000 mUSD";
    /** Category MEDICAL and model PREPAID, as the contracts number them. */
    public static final BigInteger MEDICAL = BigInteger.ZERO;
    public static final BigInteger PREPAID = BigInteger.ZERO;
    private static final String NO_REFERRER = "0x0000000000000000000000000000000000000000";
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
    public record Outcome(String tokenAddress, String factoryAddress, String poolAddress, BigInteger claimId,
            TransactionReceipt submitted, TransactionReceipt payout) {}

    private final ChainConnection chain;
    private final Cast cast;
    private final StepLog log;

    private final java.nio.file.Path storeDir;

    public DemoScenario(ChainConnection chain, Cast cast, PrintStream out) {
        this(chain, cast, out, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "huzhu-demo-store"));
    }

    /** {@code storeDir}: the document store that keeps the claim's encrypted evidence. */
    public DemoScenario(ChainConnection chain, Cast cast, PrintStream out, java.nio.file.Path storeDir) {
        this.chain = chain;
        this.cast = cast;
        this.log = new StepLog(out);
        this.storeDir = storeDir;
    }

    public StepLog log() {
        return log;
    }

    public Outcome run() throws Exception {
        MockUSD usd = MockUSD.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider(), cast.operator().getAddress()).send();
        log.tx("operator deployed MockUSD at " + org.web3j.crypto.Keys.toChecksumAddress(usd.getContractAddress()), usd.getTransactionReceipt().orElseThrow());

        AidPoolExtension extension = AidPoolExtension.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider()).send();
        AidPool implementation = AidPool.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider(), extension.getContractAddress()).send();
        log.tx("operator deployed the AidPool implementation", implementation.getTransactionReceipt().orElseThrow());
        AidPoolFactory factory = AidPoolFactory.deploy(chain.web3j(), tm(cast.operator()), chain.gasProvider(),
                implementation.getContractAddress()).send();
        log.tx("operator deployed AidPoolFactory (and AidPoints)", factory.getTransactionReceipt().orElseThrow());

        TransactionReceipt created = factory.createPlan(rules(usd.getContractAddress())).send();
        String planAddress = AidPoolFactory.getPlanCreatedEvents(created).get(0).plan;
        AidPool pool = AidPool.load(planAddress, chain.web3j(), tm(cast.operator()), chain.gasProvider());
        log.tx("operator created medical plan " + org.web3j.crypto.Keys.toChecksumAddress(planAddress) + " (clone, 2 of 3 assessors)", created);

        for (Credentials member : cast.members()) {
            log.tx("minted 1000 mUSD to member " + shortAddr(member), usd.mint(member.getAddress(), usd("1000")).send());
            MockUSD asMember = MockUSD.load(usd.getContractAddress(), chain.web3j(), tm(member), chain.gasProvider());
            log.tx("member " + shortAddr(member) + " approved the plan", asMember.approve(pool.getContractAddress(), usd("1000")).send());
            AidPool memberPool = load(pool, member);
            log.tx("member " + shortAddr(member) + " joined with " + fmt(FIRST_DEPOSIT) + " mUSD", memberPool.join(FIRST_DEPOSIT, NO_REFERRER).send());
            log.tx("member " + shortAddr(member) + " deposited " + fmt(TOP_UP) + " mUSD", memberPool.deposit(TOP_UP).send());
        }

        new DevClock(chain.service()).advance(WAITING_PERIOD + 1);
        log.note("30 days passed: the waiting period (等待期) is over");

        Credentials claimant = cast.claimant();
        EvidenceDemo evidence = new EvidenceDemo(chain, cast, log, storeDir);
        byte[] evidenceHash = evidence.seal(factory.getContractAddress(), EVIDENCE.getBytes(StandardCharsets.UTF_8));
        BigInteger incurredAt = chain.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
                .send().getBlock().getTimestamp();
        TransactionReceipt submitted = load(pool, claimant).submitClaim(CLAIM, evidenceHash, incurredAt).send();
        BigInteger claimId = AidPool.getClaimSubmittedEvents(submitted).get(0).claimId;
        log.tx("member " + shortAddr(claimant) + " submitted medical claim #" + claimId + " for " + fmt(CLAIM) + " mUSD", submitted);
        evidence.shareAndOpen(pool.getContractAddress(), claimId, EVIDENCE.getBytes(StandardCharsets.UTF_8));

        for (Credentials assessor : cast.assessors().subList(0, 2)) {
            log.tx("assessor " + shortAddr(assessor) + " approved claim #" + claimId, load(pool, assessor).vote(claimId, true).send());
        }

        new DevClock(chain.service()).advance(NOTICE_WINDOW);
        log.note("3 days passed: nobody challenged during the public notice (公示期)");

        TransactionReceipt payout = load(pool, cast.passerBy()).finalize(claimId).send();
        log.tx("passer-by finalized claim #" + claimId + ": credited " + fmt(CLAIM) + " mUSD (and the bond) to "
                + shortAddr(claimant) + "'s plan balance", payout);
        log.tx("member " + shortAddr(claimant) + " withdrew the payout and the bond (pull payment)",
                load(pool, claimant).withdraw(CLAIM.add(CLAIM_BOND)).send());
        return new Outcome(usd.getContractAddress(), factory.getContractAddress(), pool.getContractAddress(), claimId, submitted, payout);
    }

    /** The plan's rules: prepaid medical aid, 2 of 3 assessors; fixed once the plan exists. */
    private AidPoolFactory.Rules rules(String token) {
        List<String> assessors = cast.assessors().stream().map(Credentials::getAddress).toList();
        byte[] rulesHash = Hash.sha3(RULES_DOCUMENT.getBytes(StandardCharsets.UTF_8));
        return new AidPoolFactory.Rules(token, MEDICAL, PREPAID, CONTRIBUTION, BigInteger.valueOf(PERIOD),
                BigInteger.valueOf(GRACE_PERIOD), BigInteger.valueOf(FEE_BPS), cast.operator().getAddress(), MAX_PAYOUT,
                MAX_PAYOUT.multiply(BigInteger.TWO), BigInteger.ZERO, BigInteger.valueOf(WAITING_PERIOD),
                BigInteger.valueOf(ASSESSMENT_WINDOW), BigInteger.valueOf(NOTICE_WINDOW), BigInteger.valueOf(JURY_WINDOW),
                CLAIM_BOND, CHALLENGE_BOND, rulesHash, cast.operator().getAddress(), BigInteger.TWO, BigInteger.valueOf(FILING_WINDOW),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, assessors);
    }

    private AidPool load(AidPool pool, Credentials who) {
        return AidPool.load(pool.getContractAddress(), chain.web3j(), tm(who), chain.gasProvider());
    }

    /**
     * The demo's signer for a dev account: its wrappers send through the same TransactionSender as every command
     * (eth_estimateGas first, decoded reverts, the account's nonce lock), never with a fixed gas limit.
     */
    static org.web3j.tx.TransactionManager sending(ChainConnection chain, Credentials who) {
        return chain.sendingManager(dev.huzhu.chain.DevAccounts.signer(who),
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "huzhu-demo-locks"));
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return DemoScenario.sending(chain, who);
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
