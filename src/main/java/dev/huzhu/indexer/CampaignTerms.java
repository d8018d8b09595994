package dev.huzhu.indexer;

import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.NetworkException;
import dev.huzhu.chain.ViewCall;
import dev.huzhu.protocol.TokenInfo;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.utils.Numeric;

/**
 * Fills what CampaignCreated does not carry (migration V15): the campaign's milestone plan,
 * {@code milestone(i)} for i &lt; {@code milestoneCount()}, and its token's symbol() and decimals().
 * Both live in the clone's immutable arguments and the token, and never change, so they are read
 * once by eth_call instead of being emitted (creating a campaign costs no more gas). A token whose
 * metadata views revert is stored with its address as symbol and NULL decimals; an address that does
 * not answer milestoneCount() is stored with 0 milestones, so it never stops the indexer.
 */
final class CampaignTerms {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CampaignTerms.class);
    private final ChainSource source;

    CampaignTerms(ChainSource source) {
        this.source = source;
    }

    /** Reads and stores the terms of every campaign that has none yet. Commits after each campaign. */
    void fillMissing(SqlWriter w, long chainId) throws SQLException {
        List<String[]> missing = new ArrayList<>();
        for (Object[] r : w.query("SELECT address, token FROM campaigns WHERE chain_id = ? AND milestone_count IS NULL ORDER BY address", chainId)) {
            missing.add(new String[] {(String) r[0], (String) r[1]});
        }
        w.rollback();
        for (String[] c : missing) {
            List<Tuple2<BigInteger, byte[]>> milestones = milestones(c[0]);
            TokenInfo token = token(c[0], c[1]);
            w.update("DELETE FROM campaign_milestones WHERE chain_id = ? AND campaign = ?", chainId, c[0]);
            for (int i = 0; i < milestones.size(); i++) {
                w.update("INSERT INTO campaign_milestones (chain_id, campaign, milestone, amount, description_hash) VALUES (?, ?, ?, ?, ?)",
                        chainId, c[0], i, milestones.get(i).component1().toString(), Numeric.toHexString(milestones.get(i).component2()));
            }
            String symbol = token.symbol().length() > 64 ? token.symbol().substring(0, 64) : token.symbol();
            w.update("UPDATE campaigns SET milestone_count = ?, token_symbol = ?, token_decimals = ? WHERE chain_id = ? AND address = ?",
                    milestones.size(), symbol, token.known() ? token.decimals() : null, chainId, c[0]);
            w.commit();
        }
    }

    private List<Tuple2<BigInteger, byte[]>> milestones(String campaign) {
        ViewCall rc = new ViewCall(source.web3j(), campaign);
        List<Tuple2<BigInteger, byte[]>> out = new ArrayList<>();
        try {
            int n = rc.uint("milestoneCount").intValueExact();
            for (int i = 0; i < n; i++) {
                List<Type> m = rc.call("milestone", List.of(new Uint256(i)), List.of(new TypeReference<Uint256>() {}, new TypeReference<Bytes32>() {}));
                out.add(new Tuple2<>(((Uint256) m.get(0)).getValue(), ((Bytes32) m.get(1)).getValue()));
            }
        } catch (java.io.IOException e) {
            throw new RpcException("reading the milestones of campaign " + campaign + ": " + e.getMessage(), false, e);
        } catch (org.web3j.tx.exceptions.ContractCallException e) {
            // the node answered: not a ReliefCampaign; remember that (no milestones), do not ask again
            LOG.warn("campaign {} has no milestones ({}); stored without them", campaign, e.getMessage());
            return List.of();
        } catch (Exception e) {
            throw new IndexerException("reading the milestones of campaign " + campaign + " failed: " + e, e);
        }
        return out;
    }

    private TokenInfo token(String campaign, String token) {
        try {
            return new Erc20Token(source.web3j(), token).info();
        } catch (NetworkException e) {
            throw new RpcException("reading the token of campaign " + campaign + ": " + e.getMessage(), false, e);
        }
    }
}
