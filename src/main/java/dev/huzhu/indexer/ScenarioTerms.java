package dev.huzhu.indexer;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.NetworkException;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.ParametricPlan;
import dev.huzhu.protocol.TokenInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Fills what the created events of group purchases, parametric plans and matching rounds do not carry (migration
 * V17, {@code clone_terms}): their token's symbol() and decimals(), a purchase's slot length and slots per season, a
 * parametric plan's contribution, period, waiting period, claim window, least severity and most periods. They live in
 * the clone's immutable arguments and never change, so they are read once by eth_call after creation (like
 * CampaignTerms). A clone that does not answer (the node said no) is stored without them and never asked again.
 */
final class ScenarioTerms {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScenarioTerms.class);
    private static final String MISSING = " x WHERE x.chain_id = ? AND NOT EXISTS (SELECT 1 FROM clone_terms t WHERE t.chain_id = x.chain_id "
            + "AND t.address = x.address) ORDER BY x.address";
    private final ChainSource source;

    ScenarioTerms(ChainSource source) {
        this.source = source;
    }

    /** Reads and stores the terms of every purchase, parametric plan and round that has none yet. Commits after each. */
    void fillMissing(SqlWriter w, long chainId) throws SQLException {
        List<String[]> missing = new ArrayList<>();
        for (String[] kind : new String[][] {{"group", "group_purchases"}, {"parametric", "parametric_plans"}, {"round", "matching_rounds"}}) {
            for (Object[] r : w.query("SELECT x.address, x.token FROM " + kind[1] + MISSING, chainId)) {
                missing.add(new String[] {kind[0], (String) r[0], (String) r[1]});
            }
        }
        w.rollback();
        for (String[] c : missing) {
            TokenInfo token = token(c[1], c[2]);
            String symbol = token.symbol().length() > 64 ? token.symbol().substring(0, 64) : token.symbol();
            Object[] terms = terms(c[0], c[1]);
            w.update("INSERT INTO clone_terms (chain_id, address, kind, token_symbol, token_decimals, slot_length, slots_per_season, contribution, "
                            + "period_seconds, waiting_seconds, window_seconds, min_severity, max_periods) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    chainId, c[1], c[0], symbol, token.known() ? token.decimals() : null, terms[0], terms[1], terms[2], terms[3], terms[4], terms[5],
                    terms[6], terms[7]);
            w.commit();
        }
    }

    /** slot length, slots per season, contribution, period, waiting, window, min severity, max periods (nulls where not the clone's kind). */
    private Object[] terms(String kind, String address) {
        Object[] out = new Object[8];
        var ro = new ReadonlyTransactionManager(source.web3j(), address);
        try {
            if (kind.equals("group")) {
                var t = GroupPurchase.load(address, source.web3j(), ro, new DefaultGasProvider()).terms().send();
                out[0] = t.component6().longValue();
                out[1] = t.component7().intValue();
            } else if (kind.equals("parametric")) {
                ParametricPlan p = ParametricPlan.load(address, source.web3j(), ro, new DefaultGasProvider());
                out[2] = p.contribution().send().toString();
                out[3] = p.period().send().longValue();
                out[4] = p.waitingPeriod().send().longValue();
                out[5] = p.claimWindow().send().longValue();
                out[6] = p.minSeverity().send().intValue();
                out[7] = p.maxPeriods().send().intValue();
            }
        } catch (java.io.IOException e) {
            throw new RpcException("reading the terms of " + address + ": " + e.getMessage(), false, e);
        } catch (org.web3j.tx.exceptions.ContractCallException e) {
            LOG.warn("{} {} did not answer its terms ({}); stored without them", kind, address, e.getMessage());
            return new Object[8];
        } catch (Exception e) {
            throw new IndexerException("reading the terms of " + address + " failed: " + e, e);
        }
        return out;
    }

    private TokenInfo token(String clone, String token) {
        try {
            return new Erc20Token(source.web3j(), token).info();
        } catch (NetworkException e) {
            throw new RpcException("reading the token of " + clone + ": " + e.getMessage(), false, e);
        }
    }
}
