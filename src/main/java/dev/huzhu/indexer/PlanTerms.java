package dev.huzhu.indexer;

import dev.huzhu.chain.ViewCall;
import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.TypeReference;

/**
 * The immutable terms of a plan that its projections need while its events are applied (also when a
 * plan is replayed after a reorg, when its {@code plans} row is being rebuilt): when it was created,
 * its period, its COST_SHARING share cap and its juror deposit. Read once per plan from {@code rules()}
 * and {@code planInfo()} and kept in memory: rules never change after creation.
 */
final class PlanTerms {
    /** A plan's terms. */
    record Terms(long createdAt, long period, BigInteger shareCap, BigInteger jurorDeposit) {
        /** The plan's period at {@code time} (the contract's _currentPeriod of an open plan). */
        long periodAt(long time) {
            return period <= 0 || time < createdAt ? 0 : (time - createdAt) / period;
        }
    }

    /** Where the projector gets a plan's terms; null when unknown (then what needs them is not projected). */
    interface Source {
        Terms of(String plan);
    }

    /** No terms at all (the benchmark's naive baseline indexes helper contracts that are not plans). */
    static final Source NONE = plan -> null;

    private PlanTerms() {}

    /** Terms read from the chain through {@code source}, once per plan. A node failure is an {@link RpcException} (retried). */
    static Source fromChain(ChainSource source) {
        Map<String, Terms> known = new ConcurrentHashMap<>();
        return plan -> {
            Terms t = known.get(plan);
            if (t != null) {
                return t;
            }
            ViewCall pool = new ViewCall(source.web3j(), plan);
            try {
                AidPool.Rules r = pool.one("rules", new TypeReference<AidPool.Rules>() {});
                long createdAt = pool.uint("planInfo").longValueExact(); // planInfo() = (createdAt, token): its first word
                t = new Terms(createdAt, r.period.longValueExact(), r.shareCapPerPeriod, r.jurorDeposit);
            } catch (java.io.IOException e) {
                throw new RpcException("reading the rules of plan " + plan + ": " + e.getMessage(), false, e);
            } catch (org.web3j.tx.exceptions.ContractCallException e) {
                return null; // not an AidPool (PlanRules says so in the log)
            } catch (Exception e) {
                throw new IndexerException("reading the rules of plan " + plan + " failed: " + e, e);
            }
            known.put(plan, t);
            return t;
        };
    }
}
