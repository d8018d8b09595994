package dev.huzhu.indexer;

import java.sql.SQLException;
import org.web3j.utils.Numeric;

/**
 * The zero-knowledge membership events (issue 12), scoped to the plan they name: a member's registered commitment
 * (public: who registered) and an anonymous rating (no address: the nullifier stands for the unnamed member).
 */
final class ZkProjections {
    private ZkProjections() {}

    static void commitmentRegistered(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.append("INSERT INTO member_commitments (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, member, commitment, leaf_index) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan, e.args().text("member"),
                Numeric.toHexStringWithPrefixZeroPadded(e.args().uint("commitment"), 64), e.args().longValue("leafIndex"));
    }

    static void anonymouslyRated(SqlWriter w, long chainId, DecodedEvent e, String plan) throws SQLException {
        w.append("INSERT INTO anonymous_ratings (chain_id, block_hash, tx_hash, log_index, block_number, block_time, plan, nullifier, score, review_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chainId, e.blockHash(), e.txHash(), e.logIndex(), e.blockNumber(), e.blockTime(), plan,
                Numeric.toHexStringWithPrefixZeroPadded(e.args().uint("nullifier"), 64), (int) e.args().longValue("stars"), e.args().text("reviewHash"));
    }
}
