package dev.huzhu.indexer;

import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.EventArgs;
import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Fills a plan's rules (contribution, fee, caps, windows, assessors…) from {@code plan.rules()}:
 * PlanCreated carries only the headline fields, and the rules never change after creation.
 */
final class PlanRules {
    private final ChainSource source;

    PlanRules(ChainSource source) {
        this.source = source;
    }

    /** Reads and stores the rules of every plan that has none yet. Commits. */
    void fillMissing(SqlWriter w, long chainId) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (Object[] r : w.query("SELECT address FROM plans WHERE chain_id = ? AND rules_json IS NULL ORDER BY address", chainId)) {
            missing.add((String) r[0]);
        }
        w.connection().rollback();
        for (String plan : missing) {
            EventArgs rules = read(plan);
            store(w, chainId, plan, rules);
            w.connection().commit();
        }
    }

    private EventArgs read(String plan) {
        AidPool pool = AidPool.load(plan, source.web3j(), new ReadonlyTransactionManager(source.web3j(), plan), new DefaultGasProvider());
        Object rules;
        try {
            rules = pool.rules().send();
        } catch (java.io.IOException e) {
            throw new RpcException("reading the rules of plan " + plan + ": " + e.getMessage(), false, e);
        } catch (Exception e) {
            return new EventArgs(java.util.Map.of()); // not an AidPool (no rules()): remember that, do not ask again
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = (java.util.Map<String, Object>) EventArgs.normalize(rules);
        return new EventArgs(m);
    }

    private static void store(SqlWriter w, long chainId, String plan, EventArgs r) throws SQLException {
        if (r.values().isEmpty()) {
            w.update("UPDATE plans SET rules_json = '{}' WHERE chain_id = ? AND address = ?", chainId, plan);
            return;
        }
        List<?> assessors = r.list("assessors");
        w.update("UPDATE plans SET rules_json = ?, contribution = ?, period_seconds = ?, grace_seconds = ?, fee_bps = COALESCE(fee_bps, ?), "
                        + "max_payout = ?, max_payout_per_year = ?, share_cap = ?, waiting_seconds = ?, claim_bond = ?, challenge_bond = ?, "
                        + "quorum = ?, assessors = ?, asset = COALESCE(asset, ?), rules_hash = COALESCE(rules_hash, ?), "
                        + "category = COALESCE(category, ?), model = COALESCE(model, ?) WHERE chain_id = ? AND address = ?",
                r.toJson(), r.uint("contribution"), r.longValue("period"), r.longValue("gracePeriod"), (int) r.longValue("feeBps"),
                r.uint("maxPayoutPerClaim"), r.uint("maxPayoutPerMemberPerYear"), r.uint("shareCapPerPeriod"), r.longValue("waitingPeriod"),
                r.uint("claimBond"), r.uint("challengeBond"), (int) r.longValue("quorum"),
                EventArgs.json(assessors),
                r.text("asset"), r.text("rulesHash"), Projector.enumName(Category.class, uintOrNull(r, "category")),
                Projector.enumName(ContributionModel.class, uintOrNull(r, "model")), chainId, plan);
    }

    private static BigInteger uintOrNull(EventArgs r, String name) {
        return r.has(name) ? r.uint(name) : null;
    }
}
