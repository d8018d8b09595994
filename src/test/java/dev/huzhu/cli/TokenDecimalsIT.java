package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.protocol.Address;
import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import dev.huzhu.contracts.MockToken;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.ChainSource;
import dev.huzhu.indexer.Finality;
import dev.huzhu.indexer.IndexDatabase;
import dev.huzhu.indexer.Indexer;
import dev.huzhu.indexer.IndexerSettings;
import dev.huzhu.indexer.TestDatabases;
import dev.huzhu.web.WebServer;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Issue 9, "any decimals": three plans in a 6-decimal (mUSD), an 18-decimal (DAI-like) and a token
 * whose symbol() and decimals() start reverting after the plan was made. The CLI and the index show
 * every amount with its own plan's token, exactly as the contracts' views hold it (expected values
 * are the views formatted by the token's decimals, and hand-worked sums); the broken token shows
 * its address and base units instead of breaking any listing, and writes on it are refused in one line.
 */
@ExtendWith(HardhatNodeExtension.class)
class TokenDecimalsIT {
    static final String ALICE_DEPOSIT = "12.345678901234567891"; // 18 decimals, above 2^63 base units
    static final String DAI_CONTRIBUTION = "2.5";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** The three plans, their tokens, and who joined. */
    record Setup(CliWorld world, ChainConnection chain, String factory, List<String> plans, MockToken dai, MockToken mute) implements AutoCloseable {
        AidPool plan(int i) {
            return AidPool.load(plans.get(i), chain.web3j(), chain.transactionManager(DevAccounts.first(20).get(19)), new DefaultGasProvider());
        }

        @Override
        public void close() {
            world.close();
            chain.close();
        }
    }

    Setup setUp(HardhatNode node) throws Exception {
        CliWorld w = new CliWorld(tmp, node);
        ChainConnection chain = ChainConnection.open(node.rpcUrl());
        JsonNode deployed = w.okJson("deploy", "--account", "operator", "--yes");
        String factory = deployed.get("contracts").get("AidPoolFactory").get("address").asText();
        Credentials minter = DevAccounts.first(20).get(19);
        MockToken dai = MockToken.deploy(chain.web3j(), chain.transactionManager(minter), chain.gasProvider(), "Dai Stablecoin", "DAI", BigInteger.valueOf(18)).send();
        MockToken mute = MockToken.deploy(chain.web3j(), chain.transactionManager(minter), chain.gasProvider(), "Mute", "MUTE", BigInteger.valueOf(18)).send();
        String[] assessors = {"--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"), "--assessor", w.address("assessor3")};
        String p0 = w.okJson(concat(new String[] {"pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000"}, assessors,
                new String[] {"--account", "operator", "--yes"})).get("plan").asText();
        String p1 = w.okJson(concat(new String[] {"pool", "create", "--category", "medical", "--contribution", DAI_CONTRIBUTION, "--max-payout", "5",
                "--max-payout-year", "9", "--asset", dai.getContractAddress()}, assessors, new String[] {"--account", "operator", "--yes"})).get("plan").asText();
        String p2 = w.okJson(concat(new String[] {"pool", "create", "--category", "other", "--contribution", "0.000000000000000007", "--max-payout", "1",
                "--asset", mute.getContractAddress()}, assessors, new String[] {"--account", "operator", "--yes"})).get("plan").asText();
        dai.mint(w.address("alice"), TokenAmount.parse("20", 18)).send();
        mute.mint(w.address("bob"), BigInteger.valueOf(1000)).send();
        w.ok("member", "join", "--plan", "1", "--amount", ALICE_DEPOSIT, "--account", "alice", "--yes");
        w.ok("member", "join", "--plan", "2", "--amount", "0.000000000000001", "--account", "bob", "--yes"); // 1000 base units
        w.ok("faucet", "500", "--account", "carol", "--yes");
        w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "carol", "--yes");
        mute.setMetadataReverts(true).send(); // from now on MUTE answers neither symbol() nor decimals()
        return new Setup(w, chain, factory, List.of(p0, p1, p2), dai, mute);
    }

    @Test
    void theCliShowsEachPlanInItsOwnTokenAndSurvivesATokenWithoutMetadata(HardhatNode node) throws Exception {
        try (Setup s = setUp(node)) {
            CliWorld w = s.world();
            JsonNode list = w.okJson("pool", "list").get("plans");
            assertEquals(3, list.size());
            assertEquals("mUSD", list.get(0).get("symbol").asText());
            assertEquals(6, list.get(0).get("decimals").asInt());
            assertEquals("100", list.get(0).get("contribution").asText());
            assertEquals(TokenAmount.format(s.plan(0).reserve().send(), 6), list.get(0).get("reserve").asText());
            assertEquals("100", list.get(0).get("reserve").asText(), "one 100 mUSD contribution, no fee");

            assertEquals("DAI", list.get(1).get("symbol").asText());
            assertEquals(18, list.get(1).get("decimals").asInt());
            assertEquals(DAI_CONTRIBUTION, list.get(1).get("contribution").asText());
            assertEquals(TokenAmount.format(s.plan(1).reserve().send(), 18), list.get(1).get("reserve").asText());
            assertEquals(DAI_CONTRIBUTION, list.get(1).get("reserve").asText(), "alice's first contribution");

            String muteAddress = Address.checksum(s.mute().getContractAddress());
            assertEquals(muteAddress, list.get(2).get("symbol").asText(), "no symbol(): the address instead");
            assertTrue(list.get(2).get("decimals").isNull());
            assertEquals("7", list.get(2).get("contribution").asText(), "no decimals(): base units");
            assertEquals(s.plan(2).reserve().send().toString(), list.get(2).get("reserve").asText());

            String text = w.ok("pool", "list").out();
            assertTrue(text.contains("2.5 DAI"), text);
            assertTrue(text.contains("7 units of " + muteAddress), text);
            assertTrue(w.ok("pool", "show", "2").out().contains("units of " + muteAddress));
            assertTrue(w.ok("pool", "compare").out().contains("DAI"));

            JsonNode alice = w.okJson("member", "status", "--account", "alice").get("memberships").get(0);
            BigInteger aliceBalance = s.plan(1).memberOf(w.address("alice")).send().balance;
            assertEquals(TokenAmount.format(aliceBalance, 18), alice.get("balance").asText());
            assertEquals("9.845678901234567891", alice.get("balance").asText(), ALICE_DEPOSIT + " - " + DAI_CONTRIBUTION);
            assertEquals("DAI", alice.get("symbol").asText());
            JsonNode bob = w.okJson("member", "status", "--account", "bob").get("memberships").get(0);
            assertEquals("993", bob.get("balance").asText(), "1000 - 7 base units");
            assertEquals(0, w.cli.run("records", w.address("bob")).exit(), "records still list a plan whose token lost its metadata");

            // writes need the decimals: refused in one line, nothing sent
            BigInteger nonce = w.nonce(w.address("bob"));
            CliRunner.Result deposit = w.cli.run("member", "deposit", "--plan", "2", "--amount", "1", "--account", "bob", "--yes");
            assertEquals(ExitCodes.NOT_FOUND, deposit.exit(), deposit.toString());
            assertTrue(deposit.err().contains("does not answer decimals()"), deposit.err());
            assertEquals(nonce, w.nonce(w.address("bob")));
        }
    }

    @Test
    void theIndexHoldsEighteenDecimalAmountsExactlyOnPostgresql(HardhatNode node) throws Exception {
        indexAndCompare(node, "postgresql");
    }

    @Test
    void theIndexHoldsEighteenDecimalAmountsExactlyOnSqlite(HardhatNode node) throws Exception {
        indexAndCompare(node, "sqlite");
    }

    private void indexAndCompare(HardhatNode node, String kind) throws Exception {
        try (Setup s = setUp(node)) {
            IndexDatabase db = IndexDatabase.open(TestDatabases.fresh(kind, tmp));
            try (ChainSource source = new ChainSource(node.rpcUrl());
                 Indexer indexer = new Indexer(db, source, s.chain().chainId(),
                         IndexerSettings.of(List.of(s.factory()), List.of(), 0, 0, Finality.LATEST), dev.huzhu.protocol.EventDecoder.packaged(), null)) {
                indexer.run(true, () -> false);
            }
            try (WebServer server = WebServer.start(db, s.chain().chainId(), "127.0.0.1", 0)) {
                String[] symbols = {"mUSD", "DAI", Address.checksum(s.mute().getContractAddress())};
                Integer[] decimals = {6, 18, null};
                for (int i = 0; i < 3; i++) {
                    JsonNode p = get(server.url() + "api/plans/" + s.plans().get(i).toLowerCase(Locale.ROOT));
                    assertEquals(symbols[i], p.get("tokenSymbol").asText(), "plan " + i);
                    assertEquals(decimals[i] == null, p.get("tokenDecimals").isNull(), "plan " + i);
                    if (decimals[i] != null) {
                        assertEquals(decimals[i].intValue(), p.get("tokenDecimals").asInt());
                    }
                    assertEquals(s.plan(i).reserve().send().toString(), p.get("reserve").asText(), "reserve of plan " + i + " = the view");
                    JsonNode member = p.get("members").get(0);
                    assertEquals(s.plan(i).memberOf(member.get("member").asText()).send().balance.toString(), member.get("balance").asText(),
                            "member balance in plan " + i + " = the view");
                }
                JsonNode records = get(server.url() + "api/members/" + s.world().address("alice").toLowerCase(Locale.ROOT) + "/records");
                JsonNode deposit = records.get("deposits").get(0);
                assertEquals(TokenAmount.parse(ALICE_DEPOSIT, 18).toString(), deposit.get("amount").asText(), "exact 18-decimal deposit");
                assertEquals("DAI", deposit.get("tokenSymbol").asText());
                assertEquals(18, deposit.get("tokenDecimals").asInt());
                JsonNode stats = get(server.url() + "api/stats");
                assertEquals(3, stats.get("byToken").size(), "money is totalled per token, never across tokens");
                for (JsonNode t : stats.get("byToken")) {
                    if ("DAI".equals(t.get("tokenSymbol").asText())) {
                        assertEquals(s.plan(1).reserve().send().toString(), t.get("reserveTotal").asText(), "the DAI plan's reserve, exact past 2^63");
                    }
                }
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url + " -> " + r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
