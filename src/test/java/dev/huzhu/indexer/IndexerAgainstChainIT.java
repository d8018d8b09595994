package dev.huzhu.indexer;

import dev.huzhu.protocol.EventDecoder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.demo.DemoScenario;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;

/** After the demo scenario, the index holds exactly what the chain holds: counts and amounts per plan and member. */
@ExtendWith(HardhatNodeExtension.class)
class IndexerAgainstChainIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.huzhu.indexer.TestDatabases#kinds")
    void tablesMatchTheChainAfterTheDemo(String kind, HardhatNode node) throws Exception {
        DemoChain.Run demo = DemoChain.on(node);
        String plan = demo.outcome().poolAddress().toLowerCase(Locale.ROOT);
        String factory = demo.outcome().factoryAddress().toLowerCase(Locale.ROOT);
        IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
        IndexerSettings settings = IndexerSettings.of(List.of(factory), List.of(), 0, 0, Finality.LATEST);
        try (ChainSource source = new ChainSource(node.rpcUrl());
             ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            try (Indexer indexer = new Indexer(db, source, demo.chainId(), settings, EventDecoder.packaged(), null)) {
                indexer.run(true, () -> false);
            }
            long head = source.head(Finality.LATEST);
            int onChain = source.logs(0, head, List.of(factory)).size() + source.logs(0, head, List.of(plan)).size();
            assertEquals(onChain, TableDump.count(db, "SELECT COUNT(*) FROM events"), "every log of the factory and the plan, once");

            AidPool pool = AidPool.load(plan, chain.web3j(), new ReadonlyTransactionManager(chain.web3j(), factory), chain.gasProvider());
            assertEquals(pool.reserve().send(), amount(db, "SELECT reserve FROM plans WHERE address = ?", plan));
            assertEquals(pool.feesOwed().send(), amount(db, "SELECT fees FROM plans WHERE address = ?", plan));
            assertEquals(pool.activeMembers().send(), amount(db, "SELECT members_active FROM plans WHERE address = ?", plan));
            assertEquals(pool.claimCount().send(), amount(db, "SELECT claims_total FROM plans WHERE address = ?", plan));
            assertEquals("MEDICAL", text(db, "SELECT category FROM plans WHERE address = ?", plan));
            assertEquals(pool.rules().send().contribution, amount(db, "SELECT contribution FROM plans WHERE address = ?", plan));
            for (Credentials m : demo.cast().members()) {
                String a = m.getAddress().toLowerCase(Locale.ROOT);
                assertEquals(pool.memberOf(m.getAddress()).send().balance, amount(db,
                        "SELECT balance FROM members WHERE plan = ? AND member = ?", plan, a), "balance of " + a);
                assertEquals(DemoScenario.FIRST_DEPOSIT.add(DemoScenario.TOP_UP), amount(db,
                        "SELECT SUM(amount) FROM deposits WHERE plan = ? AND member = ? AND kind = 'deposit'", plan, a));
            }
            String claimant = demo.cast().claimant().getAddress().toLowerCase(Locale.ROOT);
            assertEquals("Paid", text(db, "SELECT status FROM claims WHERE plan = ? AND claim_id = 1", plan));
            assertEquals(DemoScenario.CLAIM, amount(db, "SELECT SUM(amount) FROM payouts WHERE plan = ? AND recipient = ?", plan, claimant));
            assertEquals(1, TableDump.count(db, "SELECT COUNT(*) FROM payouts"));
            assertEquals(BigInteger.valueOf(2), amount(db, "SELECT COUNT(*) FROM votes WHERE plan = ? AND role = 'assessor' AND approve = 1", plan));

            // a second run finds nothing new and changes nothing (exactly once)
            List<String> before = TableDump.of(db);
            try (Indexer again = new Indexer(db, source, demo.chainId(), settings, EventDecoder.packaged(), null)) {
                again.run(true, () -> false);
            }
            assertEquals(before, TableDump.of(db));
        }
    }

    private static BigInteger amount(IndexDatabase db, String sql, Object... params) throws Exception {
        String v = text(db, sql, params);
        return v == null ? null : new java.math.BigDecimal(v).toBigIntegerExact();
    }

    private static String text(IndexDatabase db, String sql, Object... params) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i].toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String v = rs.getString(1);
                c.rollback();
                return v;
            }
        }
    }
}
