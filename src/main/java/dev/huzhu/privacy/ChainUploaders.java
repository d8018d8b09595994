package dev.huzhu.privacy;

import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The chain's answer to "may this account upload for this plan": the plan must be one of the followed
 * factories' plans (or a followed plan), and the account an active member or one of its assessors,
 * read from the plan's own views ({@code memberOf}, {@code rules().assessors}) at the latest block.
 */
public final class ChainUploaders implements UploaderCheck {
    private final Web3j web3j;
    private final List<String> factories;
    private final List<String> plans;

    private final java.util.function.Predicate<byte[]> announced;

    public ChainUploaders(Web3j web3j, List<String> factories, List<String> plans) {
        this(web3j, factories, plans, digest -> false);
    }

    /** {@code announced}: whether a digest is on chain as an anonymous review's hash (the zk package's AnnouncedReviews). */
    public ChainUploaders(Web3j web3j, List<String> factories, List<String> plans, java.util.function.Predicate<byte[]> announced) {
        this.announced = announced;
        this.web3j = web3j;
        this.factories = factories.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.plans = plans.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public boolean anchored(String plan, Cid cid) {
        if (announced.test(cid.digest())) {
            return true;
        }
        if (plan == null || !plan.matches("0x[0-9a-fA-F]{40}")) {
            return false;
        }
        ReadonlyTransactionManager ro = new ReadonlyTransactionManager(web3j, plan);
        try {
            boolean known = plans.contains(plan.toLowerCase(Locale.ROOT));
            for (String f : factories) {
                known = known || AidPoolFactory.load(f, web3j, ro, new DefaultGasProvider()).isPlan(plan).send();
            }
            return known && java.util.Arrays.equals(cid.digest(), AidPool.load(plan, web3j, ro, new DefaultGasProvider()).rules().send().rulesHash);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the chain about plan " + plan + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> refusal(String plan, String account) {
        String p = plan.toLowerCase(Locale.ROOT);
        ReadonlyTransactionManager ro = new ReadonlyTransactionManager(web3j, account);
        try {
            boolean known = plans.contains(p);
            for (String f : factories) {
                known = known || AidPoolFactory.load(f, web3j, ro, new DefaultGasProvider()).isPlan(plan).send();
            }
            if (!known) {
                return Optional.of("plan " + plan + " is not a plan of this server's factory");
            }
            AidPool pool = AidPool.load(plan, web3j, ro, new DefaultGasProvider());
            if (pool.memberOf(account).send().active) {
                return Optional.empty();
            }
            boolean assessor = pool.rules().send().assessors.stream().anyMatch(a -> a.equalsIgnoreCase(account));
            return assessor ? Optional.empty() : Optional.of(account + " is neither a member nor an assessor of plan " + plan);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the chain about plan " + plan + ": " + e.getMessage(), e);
        }
    }
}
