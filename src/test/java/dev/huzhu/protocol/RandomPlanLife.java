package dev.huzhu.protocol;

import static dev.huzhu.protocol.ProtocolDeployment.usd;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoints;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * A seeded random life of one plan, driven through the generated wrappers: joins, deposits,
 * withdrawals, leaves, settlements, claims (approved or rejected by the assessors), finalizes,
 * payOwed, advance, points minted, fees withdrawn, and time passing by days or periods. An action the
 * contract refuses (a revert) is skipped: the life is whatever the chain accepted. The only ledger
 * kept here is what each member sent and received through the token (for the shares a member paid,
 * which no view holds); every other expected figure is read from the contract's views by the tests.
 */
public final class RandomPlanLife {
    /** Tokens a member moved into and out of one plan through its own calls, over the plan's life. */
    public static final class Ledger {
        public BigInteger in = BigInteger.ZERO;
        public BigInteger out = BigInteger.ZERO;
        /** Whether the member ever claimed in this plan (their balance then holds credits too). */
        public boolean claimed;
    }

    public final String plan;
    public final boolean costSharing;
    public final List<String> members;
    /** Per member (lower-case address): tokens in (join, deposit) and out (withdraw, leave) over the plan's life. */
    public final Map<String, Ledger> ledgers = new HashMap<>();
    public final int actionsTried;
    public int actionsDone;

    private final ProtocolDeployment d;
    private final List<Credentials> people;
    private final Random random;
    private final Set<BigInteger> openClaims = new LinkedHashSet<>();
    private final Set<BigInteger> claims = new LinkedHashSet<>();

    private RandomPlanLife(ProtocolDeployment d, boolean costSharing, List<Credentials> people, long seed, int actions) throws Exception {
        this.d = d;
        this.costSharing = costSharing;
        this.people = people;
        this.random = new Random(seed);
        AidPool pool = costSharing ? d.createPlan(d.rules(ProtocolDeployment.COST_SHARING, BigInteger.ZERO, usd("50")))
                : d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("20"), BigInteger.ZERO));
        this.plan = pool.getContractAddress();
        this.members = people.stream().map(Credentials::getAddress).toList();
        d.fund(plan, people, usd("1000000"));
        for (Credentials c : people.subList(0, people.size() - 1)) { // most join at once (the last one may join later), then wait
            BigInteger amount = unit().multiply(BigInteger.valueOf(2 + random.nextInt(5)));
            d.as(plan, c).join(amount, ProtocolDeployment.NO_REFERRER).send();
            ledger(c.getAddress()).in = ledger(c.getAddress()).in.add(amount);
        }
        d.advance(ProtocolDeployment.PERIOD + 1);
        this.actionsTried = actions;
        for (int i = 0; i < actions; i++) {
            if (step()) {
                actionsDone++;
            }
        }
    }

    /** A deployment (token, factory) shared by the lives of one test node. */
    public static final class World {
        final ProtocolDeployment d;
        public final String factory;
        public final long chainId;
        public final ChainConnection chain;
        private int next;

        public World(ChainConnection chain) throws Exception {
            List<Credentials> accounts = DevAccounts.first(4);
            this.chain = chain;
            this.d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            this.factory = d.factory.getContractAddress();
            this.chainId = chain.chainId();
        }

        /** A new plan of the model with {@code people} fresh members and {@code actions} random actions. */
        public RandomPlanLife life(boolean costSharing, long seed, int people, int actions) throws Exception {
            // the 16 dev accounts after the operator and the assessors, in overlapping windows: people are members of several plans
            List<Credentials> all = DevAccounts.first(20);
            List<Credentials> mine = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                mine.add(all.get(4 + (next + i) % 16));
            }
            next += 3;
            return new RandomPlanLife(d, costSharing, mine, seed, actions);
        }

        /** A claim approved and past its notice in a PREPAID plan of its own: {@code finalize} pays it from the reserve. */
        public record RipeClaim(String plan, BigInteger claimId, java.util.concurrent.Callable<Object> pay) {}

        public RipeClaim ripeClaim() throws Exception {
            Credentials m = DevAccounts.first(20).get(19);
            String plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("20"), BigInteger.ZERO)).getContractAddress();
            d.fund(plan, List.of(m), usd("10000"));
            d.as(plan, m).join(usd("500"), ProtocolDeployment.NO_REFERRER).send();
            d.advance(ProtocolDeployment.PERIOD + 1);
            d.as(plan, m).settle(m.getAddress()).send(); // the second period's contribution reaches the reserve
            BigInteger id = AidPool.getClaimSubmittedEvents(d.as(plan, m).submitClaim(usd("30"), ProtocolDeployment.hash("ripe"),
                    d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
            d.as(plan, d.assessors.get(0)).vote(id, true).send();
            d.as(plan, d.assessors.get(1)).vote(id, true).send();
            d.advance(ProtocolDeployment.WINDOW + 1);
            return new RipeClaim(plan, id, () -> d.as(plan, m).finalize(id).send());
        }

        public String token() {
            return d.token.getContractAddress();
        }

        public AidPoints points() throws Exception {
            String at = d.factory.points().send();
            return AidPoints.load(at, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), at), new DefaultGasProvider());
        }
    }

    /** A read-only view of the plan. */
    public AidPool view() {
        return AidPool.load(plan, d.chain.web3j(), new ReadonlyTransactionManager(d.chain.web3j(), plan), new DefaultGasProvider());
    }

    public Ledger ledger(String member) {
        return ledgers.computeIfAbsent(member.toLowerCase(java.util.Locale.ROOT), k -> new Ledger());
    }

    private Credentials anyone() {
        return people.get(random.nextInt(people.size()));
    }

    private BigInteger unit() {
        return costSharing ? usd("50") : usd("20");
    }

    /** One random action; false if the contract refused it. */
    private boolean step() throws Exception {
        Credentials who = anyone();
        AidPool as = d.as(plan, who);
        AidPool.Member m = view().memberOf(who.getAddress()).send();
        int kind = random.nextInt(100);
        try {
            if (kind < 16) { // join (or deposit if already a member)
                BigInteger amount = unit().multiply(BigInteger.valueOf(1 + random.nextInt(6)));
                if (m.active) {
                    before(who);
                    as.deposit(amount).send();
                } else {
                    as.join(amount, ProtocolDeployment.NO_REFERRER).send();
                }
                ledger(who.getAddress()).in = ledger(who.getAddress()).in.add(amount);
            } else if (kind < 26) { // withdraw part of what is withdrawable
                BigInteger free = view().withdrawable(who.getAddress()).send();
                if (free.signum() == 0) {
                    return false;
                }
                BigInteger amount = free.multiply(BigInteger.valueOf(1 + random.nextInt(100))).divide(BigInteger.valueOf(100)).max(BigInteger.ONE);
                as.withdraw(amount).send();
                ledger(who.getAddress()).out = ledger(who.getAddress()).out.add(amount);
            } else if (kind < 30) { // leave
                BigInteger before = d.balanceOf(who.getAddress());
                as.leave().send();
                ledger(who.getAddress()).out = ledger(who.getAddress()).out.add(d.balanceOf(who.getAddress()).subtract(before));
            } else if (kind < 36) { // settle someone
                d.as(plan, anyone()).settle(who.getAddress()).send();
            } else if (kind < 46) { // claim
                BigInteger amount = usd(String.valueOf(10 + random.nextInt(400)));
                var receipt = as.submitClaim(amount, ProtocolDeployment.hash("loss-" + random.nextLong()), d.now().subtract(BigInteger.ONE)).send();
                BigInteger id = AidPool.getClaimSubmittedEvents(receipt).get(0).claimId;
                openClaims.add(id);
                claims.add(id);
                ledger(who.getAddress()).claimed = true;
                if (random.nextInt(4) != 0) { // mostly decided within the assessment window
                    boolean approve = random.nextInt(5) != 0;
                    d.as(plan, d.assessors.get(0)).vote(id, approve).send();
                    d.as(plan, d.assessors.get(1)).vote(id, approve).send();
                }
            } else if (kind < 58) { // assessors decide an open claim
                if (openClaims.isEmpty()) {
                    return false;
                }
                BigInteger id = List.copyOf(openClaims).get(random.nextInt(openClaims.size()));
                boolean approve = random.nextInt(4) != 0;
                d.as(plan, d.assessors.get(0)).vote(id, approve).send();
                d.as(plan, d.assessors.get(1)).vote(id, approve).send();
            } else if (kind < 68) { // finalize every claim that can be
                boolean any = false;
                for (BigInteger id : List.copyOf(openClaims)) {
                    try {
                        d.as(plan, anyone()).finalize(id).send();
                        openClaims.remove(id);
                        any = true;
                    } catch (Exception refused) {
                        // not ripe
                    }
                }
                return any;
            } else if (kind < 74) { // time passes: days
                d.advance(ProtocolDeployment.DAY * (1 + random.nextInt(12)));
            } else if (kind < 79) { // time passes: a period or two
                d.advance(ProtocolDeployment.PERIOD * (1 + random.nextInt(2)) + random.nextInt(3600));
            } else if (kind < 84) {
                as.payOwed(BigInteger.TEN).send();
            } else if (kind < 88) {
                as.advance(BigInteger.valueOf(1 + random.nextInt(4))).send();
            } else if (kind < 93) {
                as.claimPoints().send();
            } else if (kind < 96) {
                d.as(plan, d.operator).withdrawFees().send();
            } else { // deposit
                before(who);
                BigInteger amount = unit().multiply(BigInteger.valueOf(1 + random.nextInt(3)));
                as.deposit(amount).send();
                ledger(who.getAddress()).in = ledger(who.getAddress()).in.add(amount);
            }
            return true;
        } catch (org.web3j.protocol.exceptions.TransactionException | org.web3j.tx.exceptions.ContractCallException refused) {
            return false;
        } catch (RuntimeException refused) {
            if (refused.getCause() instanceof org.web3j.protocol.exceptions.TransactionException) {
                return false;
            }
            if (String.valueOf(refused.getMessage()).contains("revert")) {
                return false;
            }
            throw refused;
        }
    }

    private void before(Credentials who) {
        ledgers.computeIfAbsent(key(who), k -> new Ledger());
    }

    private static String key(Credentials c) {
        return c.getAddress().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every claim id submitted in the plan. */
    public List<BigInteger> claims() {
        return new ArrayList<>(claims);
    }

    /** What the life did, for the test's report: claims per status (the contract's view), actions done. */
    public String summary() throws Exception {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        for (BigInteger id : claims) {
            byStatus.merge(SolidityEnum.of(ClaimStatus.class, view().claimOf(id).send().status).name(), 1, Integer::sum);
        }
        return (costSharing ? "COST_SHARING" : "PREPAID") + " " + plan + ": " + actionsDone + " of " + actionsTried + " actions done, claims " + byStatus;
    }

    public BigInteger claimBond() {
        return ProtocolDeployment.CLAIM_BOND;
    }
}
