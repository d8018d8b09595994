package dev.huzhu.indexer;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.NetworkException;
import dev.huzhu.chain.ViewCall;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.EventArgs;
import dev.huzhu.protocol.TokenInfo;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;

/**
 * Fills a plan's rules (contribution, fee, caps, windows, assessors…) from {@code plan.rules()}
 * and its token's symbol() and decimals(): PlanCreated carries only the headline fields, and the
 * rules never change after creation. A token whose metadata views revert is stored with its
 * address as symbol and NULL decimals, so it never stops the indexer.
 */
final class PlanRules {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlanRules.class);
    private final ChainSource source;
    private final CampaignTerms campaigns;
    private final ScenarioTerms scenarios;

    PlanRules(ChainSource source) {
        this.source = source;
        this.campaigns = new CampaignTerms(source);
        this.scenarios = new ScenarioTerms(source);
    }

    /**
     * Reads and stores the rules of every plan that has none yet, and the milestone plan and token of
     * every relief campaign that has none yet ({@link CampaignTerms}: created contracts' fixed terms,
     * read once after their creation event). Commits.
     */
    void fillMissing(SqlWriter w, long chainId) throws SQLException {
        if (w.writing()) { // it ends the transaction it reads in: never one with ranges not committed yet
            throw new IllegalStateException("plan rules are filled in between transactions, not inside one that is still open");
        }
        List<String> missing = new ArrayList<>();
        List<String> tokenless = new ArrayList<>();
        for (Object[] r : w.query("SELECT address FROM plans WHERE chain_id = ? AND rules_json IS NULL ORDER BY address", chainId)) {
            missing.add((String) r[0]);
        }
        for (Object[] r : w.query("SELECT address, asset FROM plans WHERE chain_id = ? AND rules_json IS NOT NULL AND asset IS NOT NULL "
                + "AND token_symbol IS NULL ORDER BY address", chainId)) {
            tokenless.add((String) r[0]);
            tokenless.add((String) r[1]);
        }
        w.rollback();
        for (String plan : missing) {
            EventArgs rules = read(plan);
            store(w, chainId, plan, rules);
            if (rules.has("asset")) {
                storeToken(w, chainId, plan, rules.text("asset"));
            }
            w.commit();
        }
        for (int i = 0; i < tokenless.size(); i += 2) { // indexed before the token columns existed
            storeToken(w, chainId, tokenless.get(i), tokenless.get(i + 1));
            w.commit();
        }
        campaigns.fillMissing(w, chainId);
        scenarios.fillMissing(w, chainId); // purchases', parametric plans' and rounds' fixed terms (V17)
    }

    private void storeToken(SqlWriter w, long chainId, String plan, String asset) throws SQLException {
        TokenInfo token;
        try {
            token = new Erc20Token(source.web3j(), asset).info();
        } catch (NetworkException e) {
            throw new RpcException("reading the token of plan " + plan + ": " + e.getMessage(), false, e);
        }
        String symbol = token.symbol().length() > 64 ? token.symbol().substring(0, 64) : token.symbol();
        w.update("UPDATE plans SET token_symbol = ?, token_decimals = ? WHERE chain_id = ? AND address = ?",
                symbol, token.known() ? token.decimals() : null, chainId, plan);
    }

    private EventArgs read(String plan) {
        Object rules;
        try {
            rules = new ViewCall(source.web3j(), plan).one("rules", new TypeReference<AidPool.Rules>() {});
        } catch (java.io.IOException e) {
            throw new RpcException("reading the rules of plan " + plan + ": " + e.getMessage(), false, e);
        } catch (org.web3j.tx.exceptions.ContractCallException e) {
            // the node answered: rules() reverts or returns nothing, so this is not an AidPool; remember that, do not ask again
            LOG.warn("plan {} has no rules() ({}); stored without rules", plan, e.getMessage());
            return new EventArgs(java.util.Map.of());
        } catch (Exception e) {
            // anything else (a rules struct that does not decode, a bug) stops the indexer loudly instead of storing {} for good
            throw new IndexerException("reading the rules of plan " + plan + " failed: " + e, e);
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
        if (r.has("panelSize")) { // protocol v3: the jury's panel (0 in the rules = 5 seats) and the wind-down floor
            long panel = r.longValue("panelSize");
            w.update("UPDATE plans SET jury_panel = ?, min_members = ?, floor_periods = ? WHERE chain_id = ? AND address = ?",
                    (int) (panel == 0 ? 5 : panel), (int) r.longValue("minMembers"), (int) r.longValue("floorPeriods"), chainId, plan);
        }
    }

    private static BigInteger uintOrNull(EventArgs r, String name) {
        return r.has(name) ? r.uint(name) : null;
    }
}
