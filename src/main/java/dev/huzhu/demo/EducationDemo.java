package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolExtension;
import dev.huzhu.contracts.AidPoolFactory;
import dev.huzhu.contracts.AidPoolHousekeeping;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.devnet.DevClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The education story (教育互助): an EDUCATION plan pays an approved tuition claim in three
 * tranches, one per 120-day term, to the school the student named — never to the student. Each
 * term two of three assessors approve the same proof of enrolment and the term's tranche is
 * credited to the school, which withdraws it; after two terms the student leaves the programme and
 * stops the schedule: the third tranche goes back to the plan's reserve.
 */
public final class EducationDemo {
    public static final BigInteger CONTRIBUTION = DemoScenario.usd("100");
    public static final BigInteger DEPOSIT = DemoScenario.usd("300");
    public static final BigInteger TUITION = DemoScenario.usd("450");
    public static final int TRANCHES = 3;
    public static final long TERM = 120L * 24 * 3600;
    public static final String EVIDENCE = "offer letter: Lanzhou Vocational College, nursing, 3 terms, 450.00 USD";
    public static final List<String> PROOFS = List.of("enrolment certificate, autumn term 2026", "enrolment certificate, spring term 2027");
    private static final String NO_REFERRER = "0x0000000000000000000000000000000000000000";

    /** What the story leaves behind: the plan, the escrow, the claim, who studied where, what moved. */
    public record Outcome(String plan, String escrow, BigInteger claimId, Credentials student, Credentials school,
            BigInteger released, BigInteger returned) {}

    private final ChainConnection chain;
    private final DemoScenario.Cast cast;
    private final StepLog log;
    private final Credentials school;

    /** {@code school} signs for the institution (it withdraws its tranches). */
    public EducationDemo(ChainConnection chain, DemoScenario.Cast cast, StepLog log, Credentials school) {
        this.chain = chain;
        this.cast = cast;
        this.log = log;
        this.school = school;
    }

    /** Runs the story with `token` (a MockUSD the operator mints) on `factory`, or on a factory deployed here when null. */
    public Outcome run(String token, String factory) throws Exception {
        Credentials operator = cast.operator();
        if (factory == null) {
            AidPoolExtension extension = AidPoolExtension.deploy(chain.web3j(), tm(operator), chain.gasProvider()).send();
            log.tx("operator deployed the AidPool extension (with its housekeeping and the tranche escrow)", extension.getTransactionReceipt().orElseThrow());
            AidPool implementation = AidPool.deploy(chain.web3j(), tm(operator), chain.gasProvider(), extension.getContractAddress()).send();
            log.tx("operator deployed the AidPool implementation", implementation.getTransactionReceipt().orElseThrow());
            AidPoolFactory f = AidPoolFactory.deploy(chain.web3j(), tm(operator), chain.gasProvider(), implementation.getContractAddress()).send();
            log.tx("operator deployed AidPoolFactory", f.getTransactionReceipt().orElseThrow());
            factory = f.getContractAddress();
        }
        TransactionReceipt created = AidPoolFactory.load(factory, chain.web3j(), tm(operator), chain.gasProvider()).createPlan(rules(token)).send();
        String plan = AidPoolFactory.getPlanCreatedEvents(created).get(0).plan;
        log.tx("operator created an EDUCATION plan (clone): 100 mUSD per 30 days, 2 of 3 assessors", created);
        String escrowAddress = AidPoolHousekeeping.load(plan, chain.web3j(), tm(operator), chain.gasProvider()).trancheEscrow().send();
        log.tx("operator fixed the plan's terms: claims paid in " + TRANCHES + " tranches, one per 120-day term",
                escrow(escrowAddress, operator).setTerms(plan, BigInteger.valueOf(TRANCHES), BigInteger.valueOf(TERM)).send());

        MockUSD usd = MockUSD.load(token, chain.web3j(), tm(operator), chain.gasProvider());
        for (Credentials m : cast.members()) {
            usd.mint(m.getAddress(), DEPOSIT).send();
            MockUSD.load(token, chain.web3j(), tm(m), chain.gasProvider()).approve(plan, DEPOSIT).send();
            log.tx("member " + DemoScenario.shortAddr(m) + " joined with " + DemoScenario.fmt(DEPOSIT) + " mUSD",
                    pool(plan, m).join(DEPOSIT, NO_REFERRER).send());
        }
        new DevClock(chain.service()).advance(30L * 24 * 3600 + 1);
        log.note("30 days passed: the waiting period is over");

        Credentials student = cast.members().get(1);
        BigInteger now = chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
        TransactionReceipt submitted = pool(plan, student).submitClaim(TUITION, sha3(EVIDENCE), now).send();
        BigInteger claimId = AidPool.getClaimSubmittedEvents(submitted).get(0).claimId;
        log.tx("student " + DemoScenario.shortAddr(student) + " claimed " + DemoScenario.fmt(TUITION) + " mUSD of tuition (claim #" + claimId + ")", submitted);
        log.tx("student named the school " + DemoScenario.shortAddr(school) + " as the payee, before the assessors vote",
                escrow(escrowAddress, student).nameInstitution(plan, claimId, school.getAddress()).send());
        for (Credentials a : cast.assessors().subList(0, 2)) {
            log.tx("assessor " + DemoScenario.shortAddr(a) + " approved claim #" + claimId, pool(plan, a).vote(claimId, true).send());
        }
        new DevClock(chain.service()).advance(DemoScenario.NOTICE_WINDOW);
        log.tx("passer-by finalized claim #" + claimId + ": " + DemoScenario.fmt(TUITION) + " mUSD credited to the tranche escrow, not the student",
                pool(plan, cast.passerBy()).finalize(claimId).send());

        BigInteger released = BigInteger.ZERO;
        for (int term = 0; term < PROOFS.size(); term++) {
            if (term > 0) {
                new DevClock(chain.service()).advance(TERM);
                log.note("120 days passed: term " + (term + 1) + " opens");
            }
            for (Credentials a : cast.assessors().subList(0, 2)) {
                TransactionReceipt r = escrow(escrowAddress, a).approveEnrolment(plan, claimId, sha3(PROOFS.get(term))).send();
                var tranche = TrancheEscrow.getTrancheReleasedEvents(r);
                if (!tranche.isEmpty()) {
                    released = released.add(tranche.get(0).amount);
                }
                log.tx("assessor " + DemoScenario.shortAddr(a) + " approved the proof of enrolment for term " + (term + 1)
                        + (tranche.isEmpty() ? "" : ": " + DemoScenario.fmt(tranche.get(0).amount) + " mUSD credited to the school"), r);
            }
            BigInteger tranche = pool(plan, school).withdrawable(school.getAddress()).send();
            log.tx("the school withdrew " + DemoScenario.fmt(tranche) + " mUSD (pull payment)", pool(plan, school).withdraw(tranche).send());
        }
        TransactionReceipt stopped = escrow(escrowAddress, student).stop(plan, claimId).send();
        BigInteger returned = TrancheEscrow.getUnreleasedReturnedEvents(stopped).get(0).amount;
        log.tx("the student left the programme and stopped the schedule: " + DemoScenario.fmt(returned) + " mUSD back to the reserve", stopped);
        return new Outcome(plan, escrowAddress, claimId, student, school, released, returned);
    }

    private AidPoolFactory.Rules rules(String token) {
        List<String> assessors = cast.assessors().stream().map(Credentials::getAddress).toList();
        return new AidPoolFactory.Rules(token, BigInteger.ONE /* EDUCATION */, DemoScenario.PREPAID, CONTRIBUTION,
                BigInteger.valueOf(DemoScenario.PERIOD), BigInteger.valueOf(DemoScenario.GRACE_PERIOD), BigInteger.valueOf(DemoScenario.FEE_BPS),
                cast.operator().getAddress(), DemoScenario.MAX_PAYOUT, DemoScenario.MAX_PAYOUT.multiply(BigInteger.TWO), BigInteger.ZERO,
                BigInteger.valueOf(DemoScenario.WAITING_PERIOD), BigInteger.valueOf(DemoScenario.ASSESSMENT_WINDOW),
                BigInteger.valueOf(DemoScenario.NOTICE_WINDOW), BigInteger.valueOf(DemoScenario.JURY_WINDOW), BigInteger.ZERO, BigInteger.ZERO,
                sha3("Huzhu demo education plan: 100 mUSD per 30 days; tuition paid to the school in 3 tranches"), cast.operator().getAddress(),
                BigInteger.TWO, BigInteger.valueOf(DemoScenario.FILING_WINDOW), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                assessors);
    }

    private static byte[] sha3(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    private AidPool pool(String plan, Credentials who) {
        return AidPool.load(plan, chain.web3j(), tm(who), chain.gasProvider());
    }

    private TrancheEscrow escrow(String address, Credentials who) {
        return TrancheEscrow.load(address, chain.web3j(), tm(who), chain.gasProvider());
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return DemoScenario.sending(chain, who);
    }
}
