package dev.huzhu.indexer;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.NetworkException;
import dev.huzhu.chain.ViewCall;
import dev.huzhu.protocol.TokenInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;

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
        ViewCall c = new ViewCall(source.web3j(), address);
        try {
            if (kind.equals("group")) {
                // terms() = (token, seller, price, sharePrice, deadline, slotLength, slotsPerSeason, itemHash)
                List<Type> t = c.call("terms", List.of(), List.of(new TypeReference<Address>() {}, new TypeReference<Address>() {},
                        new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint64>() {},
                        new TypeReference<Uint32>() {}, new TypeReference<Uint16>() {}, new TypeReference<Bytes32>() {}));
                out[0] = ((Uint32) t.get(5)).getValue().longValue();
                out[1] = ((Uint16) t.get(6)).getValue().intValue();
            } else if (kind.equals("parametric")) {
                out[2] = c.uint("contribution").toString();
                out[3] = c.uint("period").longValue();
                out[4] = c.uint("waitingPeriod").longValue();
                out[5] = c.uint("claimWindow").longValue();
                out[6] = c.uint("minSeverity").intValue();
                out[7] = c.uint("maxPeriods").intValue();
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
