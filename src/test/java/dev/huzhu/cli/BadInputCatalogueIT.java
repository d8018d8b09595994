package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Hash;

/**
 * Bad input, one case each: the exact one-line message on stderr, the exit code, no transaction sent
 * (every account's pending nonce unchanged) and no file changed (keystore, ~/.huzhu, deployments).
 */
@ExtendWith(HardhatNodeExtension.class)
class BadInputCatalogueIT {
    record Case(String name, int exit, String message, String stdin, UnaryOperator<CliRunner> env, String... args) {}

    static Case c(String name, int exit, String message, String... args) {
        return new Case(name, exit, message, "", r -> r, args);
    }

    static Case withEnv(String name, int exit, String message, UnaryOperator<CliRunner> env, String... args) {
        return new Case(name, exit, message, "", env, args);
    }

    @TempDir static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyBadInputIsOneLineAndChangesNothing(HardhatNode node) throws Exception {
        CliWorld w = new CliWorld(tmp, node);
        w.ok("deploy", "--account", "operator", "--yes");
        String plan = CliWorld.json(w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000",
                "--waiting", "30d", "--assessor", w.address("assessor1"), "--assessor", w.address("assessor2"), "--quorum", "1",
                "--account", "operator", "--yes", "--json")).get("plan").asText();
        for (String m : new String[] {"alice", "bob", "carol"}) {
            w.ok("faucet", "1000", "--account", m, "--yes");
        }
        w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "alice", "--yes");
        w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "bob", "--yes");
        w.advance(31L * 86_400);
        Path evidence = w.file("evidence.txt", "receipt");
        w.ok("claim", "submit", "--plan", "0", "--amount", "100", "--evidence", evidence.toString(), "--account", "bob", "--yes");
        // the clock moved: alice's waiting period is over; carol joins now and waits
        w.ok("member", "join", "--plan", "0", "--amount", "300", "--account", "carol", "--yes");
        Path wrongPw = w.file("wrong-pw.txt", "not the password\n");
        Path stale = Files.createDirectories(tmp.resolve("stale"));
        Files.writeString(stale.resolve("31337.json"), Files.readString(tmp.resolve("deployments/31337.json"))
                .replaceAll("0x[0-9a-fA-F]{40}", "0x00000000000000000000000000000000000000f1"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        String ks = tmp.resolve("home/keystore").toString();
        String alice = w.address("alice");
        String flipped = flipCase(alice);
        String notAPlan = w.address("passer");
        String ballot = tmp.resolve("home/jury/31337-" + plan.toLowerCase() + "-1-" + w.address("carol").toLowerCase() + ".json").toString();

        List<Case> cases = List.of(
            // usage: the command line itself
            c("unknown option", 2, "huzhu: Unknown option: '--frobnicate' (see `huzhu pool list --help`)", "pool", "list", "--frobnicate"),
            c("missing required option", 2, "huzhu: Missing required option: '--amount=AMOUNT' (see `huzhu member deposit --help`)",
                    "member", "deposit", "--plan", "0", "--account", "alice"),
            c("unknown command", 2, "huzhu: Unmatched argument at index 0: 'frobnicate' (see `huzhu --help`)", "frobnicate"),
            c("non-numeric amount", 2, "huzhu: amount 'ten' is not a decimal number", "member", "deposit", "--plan", "0", "--amount", "ten", "--account", "alice", "--yes"),
            c("negative amount", 2, "huzhu: amount '-5' is negative", "member", "deposit", "--plan", "0", "--amount=-5", "--account", "alice", "--yes"),
            c("too many decimals", 2, "huzhu: amount '1.0000001' has more than 6 decimals", "member", "deposit", "--plan", "0", "--amount", "1.0000001", "--account", "alice", "--yes"),
            c("malformed address", 2, "huzhu: --referrer '0x1234' is not an address (0x followed by 40 hex digits)",
                    "member", "join", "--plan", "0", "--amount", "300", "--referrer", "0x1234", "--account", "dave", "--yes"),
            c("bad checksum", 2, "huzhu: --referrer '" + flipped + "' has a bad EIP-55 checksum (a typo?)",
                    "member", "join", "--plan", "0", "--amount", "300", "--referrer", flipped, "--account", "dave", "--yes"),
            c("bad checksum in records", 2, "huzhu: address '" + flipped + "' has a bad EIP-55 checksum (a typo?)", "records", flipped),
            c("bad claim id", 2, "huzhu: claim id 'abc' is not a positive whole number", "claim", "show", "abc", "--plan", "0"),
            c("bad decision", 2, "huzhu: decision 'maybe' must be approve or reject", "claim", "vote", "1", "maybe", "--plan", "0", "--account", "assessor1", "--yes"),
            c("stars out of range", 2, "huzhu: stars '6' must be a whole number from 1 to 5", "rate", "6", "--plan", "0", "--account", "alice", "--yes"),
            c("missing evidence file", 2, "huzhu: evidence file " + tmp.resolve("nope.pdf") + " does not exist",
                    "claim", "submit", "--plan", "0", "--amount", "10", "--evidence", tmp.resolve("nope.pdf").toString(), "--account", "alice", "--yes"),
            c("unknown category", 2, "huzhu: --category 'pets' is not one of medical, education, disaster, shared-purchase, other",
                    "pool", "create", "--category", "pets", "--contribution", "1", "--max-payout", "10", "--assessor", alice, "--account", "operator", "--yes"),
            c("bad duration", 2, "huzhu: --waiting '3 weeks' is not a duration (like 30d, 12h, 90m, 45s or seconds)",
                    "pool", "create", "--category", "medical", "--contribution", "1", "--max-payout", "10", "--waiting", "3 weeks", "--assessor", alice, "--account", "operator", "--yes"),
            c("bad keeper interval (a converter, named by the usage handler)", 2,
                    "huzhu: --interval 'soon' is not a duration (like 30d, 12h, 90m, 45s or seconds)", "keeper", "--interval", "soon", "--once"),
            c("negative amount (a converter, before anything runs)", 2, "huzhu: amount '-5' is negative",
                    "member", "deposit", "--plan", "0", "--amount", "-5", "--account", "alice", "--yes"),
            c("negative confirmations", 2, "huzhu: --confirmations must be between 0 and 1000, not -1",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--confirmations", "-1", "--account", "alice", "--yes"),
            c("bad max fee", 2, "huzhu: --max-fee: fee 'cheap' is not a decimal number (gwei)",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--max-fee", "cheap", "--account", "alice", "--yes"),
            c("bad gas limit", 2, "huzhu: --gas-limit '12x' is not a positive whole number",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--gas-limit", "12x", "--account", "alice", "--yes"),
            c("bad account name", 2, "huzhu: account name '1st' is not valid: use 1-40 letters, digits, '.', '_' or '-', starting with a letter",
                    "wallet", "new", "1st"),
            c("private key not hex", 2, "huzhu: the private key must be 64 hex digits (optionally 0x-prefixed) on one line",
                    "wallet", "import", "eve", "--private-key-file", evidence.toString()),
            // network
            c("unknown network", 2, "huzhu: unknown network 'mainnet'; known: local, sepolia, holesky (add more in " + tmp.resolve("home/networks.json") + ")",
                    "pool", "list", "--network", "mainnet"),
            c("chain id mismatch", 3, "huzhu: the node at " + node.rpcUrl() + " serves chain id 31337, but network 'sepolia' is chain id 11155111; check --network and --rpc-url",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--network", "sepolia", "--account", "alice", "--yes"),
            c("node down", 3, "huzhu: no Ethereum node answers at http://127.0.0.1:9 (network 'local')",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--rpc-url", "http://127.0.0.1:9", "--account", "alice", "--yes"),
            c("malformed rpc url", 2, "huzhu: --rpc-url 'localhost:8545' is not an http(s):// or ws(s):// URL", "pool", "list", "--rpc-url", "localhost:8545"),
            // not found
            c("no deployment", 6, "huzhu: nothing is deployed on chain 31337 (no " + empty.resolve("31337.json") + "); run `huzhu deploy` first",
                    "pool", "list", "--deployments-dir", empty.toString()),
            c("stale deployment", 6, "huzhu: " + stale.resolve("31337.json") + " is stale: no contract at 0x00000000000000000000000000000000000000f1 (was the local node restarted?); run `huzhu deploy --force`",
                    "pool", "list", "--deployments-dir", stale.toString()),
            c("unknown plan id", 6, "huzhu: there is no plan #9 (this deployment has 1 plan)", "pool", "show", "9"),
            c("address that is not a plan", 6, "huzhu: " + notAPlan + " is not a plan of this deployment's factory", "member", "deposit", "--plan", notAPlan, "--amount", "1", "--account", "alice", "--yes"),
            c("unknown claim", 6, "huzhu: there is no claim #99 in plan " + plan, "claim", "show", "99", "--plan", "0"),
            c("reveal without a ballot", 6, "huzhu: no committed ballot of " + w.address("carol") + " for claim #1 (expected " + ballot + ")",
                    "claim", "jury", "reveal", "1", "--plan", "0", "--account", "carol", "--yes"),
            // wallet
            c("unknown account", 5, "huzhu: no account named 'zoe' in " + ks + " (`huzhu wallet list` shows them)",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--account", "zoe", "--yes"),
            c("missing keystore", 5, "huzhu: keystore directory " + tmp.resolve("nokeys") + " does not exist; create an account with `huzhu wallet new NAME`",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--account", "alice", "--keystore-dir", tmp.resolve("nokeys").toString(), "--yes"),
            c("wrong password", 5, "huzhu: wrong password for account 'alice'",
                    "member", "deposit", "--plan", "0", "--amount", "1", "--account", "alice", "--password-file", wrongPw.toString(), "--yes"),
            withEnv("no password anywhere", 5, "huzhu: no password: use --password-file FILE, set HUZHU_PASSWORD, or run in a terminal",
                    r -> r.env("HUZHU_PASSWORD", null), "member", "deposit", "--plan", "0", "--amount", "1", "--account", "alice", "--yes"),
            c("existing account name", 5, "huzhu: an account named 'alice' already exists (" + alice + ")", "wallet", "new", "alice"),
            // the contracts say no (caught by the estimate: nothing is sent)
            c("self-referral", 4, "huzhu: you cannot refer yourself",
                    "member", "join", "--plan", "0", "--amount", "300", "--referrer", w.address("operator"), "--account", "operator", "--yes"),
            c("already a member", 4, "huzhu: " + alice + " is already a member of this plan", "member", "join", "--plan", "0", "--amount", "300", "--account", "alice", "--yes"),
            c("insufficient token balance", 4, "huzhu: token balance too low: " + w.address("dave") + " has 0 mUSD, needs 300 mUSD; on the local node run `huzhu dev fund dave`",
                    "member", "join", "--plan", "0", "--amount", "300", "--account", "dave", "--yes"),
            c("withdraw more than the balance", 4, "huzhu: not enough free balance in the plan: requested 5000 mUSD, available 100 mUSD",
                    "member", "withdraw", "--plan", "0", "--amount", "5000", "--account", "alice", "--yes"),
            c("not a member", 4, "huzhu: " + w.address("passer") + " is not an active member of this plan", "member", "deposit", "--plan", "0", "--amount", "1", "--account", "passer", "--yes"),
            c("not an assessor", 4, "huzhu: " + alice + " is not an assessor of this plan", "claim", "vote", "1", "approve", "--plan", "0", "--account", "alice", "--yes"),
            c("vote on an unknown claim", 4, "huzhu: there is no claim #7 in this plan", "claim", "vote", "7", "approve", "--plan", "0", "--account", "assessor1", "--yes"),
            c("wrong claim state", 4, "huzhu: claim #1 is submitted; this action needs it approved", "claim", "challenge", "1", "--plan", "0", "--account", "alice", "--yes"),
            c("faucet above its limit", 4, "huzhu: the faucet gives at most 10000 mUSD per call (asked 20000 mUSD)", "faucet", "20000", "--account", "alice", "--yes"),
            c("fee above the cap", 4, "huzhu: a service fee of 5000 bps is above the cap of 1000 bps",
                    "pool", "create", "--category", "medical", "--contribution", "1", "--max-payout", "10", "--fee-bps", "5000", "--assessor", alice, "--account", "operator", "--yes"),
            // declined
            new Case("declined at the prompt", 7, "huzhu: cancelled; nothing was sent or changed", "no\n", r -> r,
                    "member", "deposit", "--plan", "0", "--amount", "1", "--account", "alice"),
            new Case("no answer at the prompt", 7, "huzhu: not confirmed (no answer on standard input); add --yes to skip the question", "", r -> r,
                    "member", "deposit", "--plan", "0", "--amount", "1", "--account", "alice"));

        // the voting-twice case needs one vote first
        w.ok("claim", "vote", "1", "reject", "--plan", "0", "--account", "assessor1", "--yes");
        List<Case> all = new ArrayList<>(cases);
        all.add(c("voting twice", 4, "huzhu: " + w.address("assessor1") + " already voted on claim #1", "claim", "vote", "1", "approve", "--plan", "0", "--account", "assessor1", "--yes"));
        String broke = CliWorld.json(w.ok("wallet", "new", "broke", "--json")).get("address").asText();
        all.add(c("no ETH for gas", 4, "regex:huzhu: not enough ETH for gas: broke \\(" + broke + "\\) has 0 ETH, this transaction may cost up to 0\\.\\d+ ETH; "
                + "on the local node run `huzhu dev fund broke`",
                "faucet", "10", "--account", "broke", "--yes"));
        all.add(c("waiting period", 4, "huzhu: cannot claim yet: waiting period ends " + waitingEnds(w, plan, "carol"),
                "claim", "submit", "--plan", "0", "--amount", "10", "--evidence", evidence.toString(), "--account", "carol", "--yes"));

        return all.stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            Map<String, BigInteger> nonces = nonces(w);
            Map<String, String> files = files(tmp);
            CliRunner runner = k.env().apply(w.cli.copy());
            CliRunner.Result r = runner.runWithInput(k.stdin(), k.args());
            if (k.message().startsWith("regex:")) { // only where the figures move with the base fee
                String line = lastLine(r.err());
                org.junit.jupiter.api.Assertions.assertTrue(line.matches(k.message().substring("regex:".length())), line);
            } else {
                assertEquals(k.message(), lastLine(r.err()), r::toString);
            }
            assertEquals(1, r.err().strip().lines().filter(l -> l.startsWith("huzhu:")).count(), "one error line: " + r.err());
            assertEquals(k.exit(), r.exit(), r::toString);
            assertEquals(nonces, nonces(w), "no transaction was sent");
            assertEquals(files, files(tmp), "no file changed");
        }));
    }

    static String lastLine(String err) {
        List<String> lines = err.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).replaceFirst("^.*\\[y/N\\] ", "");
    }

    static String flipCase(String address) {
        char[] c = address.toCharArray();
        for (int i = 2; i < c.length; i++) {
            if (Character.isLetter(c[i])) {
                c[i] = Character.isUpperCase(c[i]) ? Character.toLowerCase(c[i]) : Character.toUpperCase(c[i]);
                return new String(c);
            }
        }
        throw new IllegalStateException("no letter in " + address);
    }

    static String waitingEnds(CliWorld w, String plan, String who) {
        var status = CliWorld.json(w.ok("member", "status", "--plan", plan, "--account", who, "--json"));
        return dev.huzhu.chain.Timestamps.format(status.get("memberships").get(0).get("eligibleAt").asLong());
    }

    static Map<String, BigInteger> nonces(CliWorld w) throws IOException {
        Map<String, BigInteger> m = new TreeMap<>();
        for (Map.Entry<String, String> e : w.addresses.entrySet()) {
            m.put(e.getKey(), w.nonce(e.getValue()));
        }
        return m;
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(root.relativize(p).toString(), Hash.sha3String(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
        }
        return m;
    }
}
