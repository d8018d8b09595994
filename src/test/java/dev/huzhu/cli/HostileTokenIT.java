package dev.huzhu.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.indexer.DevRpc;
import dev.huzhu.protocol.Address;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * Plans in hostile tokens, put on the real node with hardhat_setCode (hand-assembled: symbol() and name()
 * answer a fixed string, decimals() 6, anything else reverts): a symbol with terminal escapes and a
 * right-to-left override, a fake "mUSD", and a token whose symbol() reverts. `pool list` and `pool compare`
 * still work for everyone, print no escape, and tell the tokens apart by address.
 */
@ExtendWith(HardhatNodeExtension.class)
class HostileTokenIT {
    @TempDir Path tmp;

    /** Runtime code: symbol()/name() return {@code symbol} (or revert when null), decimals() returns 6, anything else reverts. */
    static String tokenCode(String symbol) {
        byte[] s = symbol == null ? new byte[0] : symbol.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes(word(32));
        blob.writeBytes(word(s.length));
        blob.writeBytes(s);
        blob.writeBytes(new byte[(32 - s.length % 32) % 32]);
        int len = blob.size();
        int off = 0x47;
        String symSel = symbol == null ? "ffffffff" : "95d89b41";
        String nameSel = symbol == null ? "fffffffe" : "06fdde03";
        String code = "600035" + "60e01c"
                + "80" + "63" + symSel + "14" + "61002c" + "57"
                + "80" + "63" + nameSel + "14" + "61002c" + "57"
                + "80" + "63313ce567" + "14" + "61003c" + "57"
                + "60006000fd"
                + "5b" + "61" + hex2(len) + "61" + hex2(off) + "600039" + "61" + hex2(len) + "6000f3"
                + "5b" + "6006600052" + "60206000f3";
        if (code.length() / 2 != off) {
            throw new IllegalStateException("data offset is " + code.length() / 2);
        }
        return "0x" + code + Numeric.toHexStringNoPrefix(blob.toByteArray());
    }

    private static byte[] word(long v) {
        return Numeric.toBytesPadded(BigInteger.valueOf(v), 32);
    }

    private static String hex2(int v) {
        return String.format("%04x", v);
    }

    private static String shortForm(String checksummed) {
        return checksummed.substring(0, 6) + "…" + checksummed.substring(checksummed.length() - 4);
    }

    private static String deployToken(HardhatNode node, String address, String symbol) throws Exception {
        DevRpc.call(node.rpcUrl(), "hardhat_setCode", address, tokenCode(symbol));
        return Address.checksum(address);
    }

    @Test
    void hostileSymbolsAreCleanedAndTokensToldApart(HardhatNode node) throws Exception {
        try (CliWorld w = new CliWorld(tmp, node)) {
            w.ok("deploy", "--account", "operator", "--yes");
            String escapes = deployToken(node, "0x00000000000000000000000000000000000e5c01", "\u001b]0;pwned\u0007\u001b[2JmUSD\u202Eevil");
            String fake = deployToken(node, "0x00000000000000000000000000000000000fa4e1", "mUSD");
            String silent = deployToken(node, "0x000000000000000000000000000000000005113e", null);
            w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000", "--assessor", "assessor1",
                    "--account", "operator", "--yes");
            for (String asset : new String[] {escapes, fake, silent}) {
                w.ok("pool", "create", "--category", "medical", "--contribution", "100", "--max-payout", "1000", "--asset", asset, "--assessor", "assessor1",
                        "--account", "operator", "--yes");
            }
            String realUsd = Address.checksum(w.okJson("pool", "show", "0").get("asset").asText());

            for (String command : new String[] {"list", "compare"}) {
                CliRunner.Result r = w.ok("pool", command);
                String out = r.out();
                assertFalse(out.contains("\u001b") || out.contains("\u0007") || out.contains("\u202E"), command + ": " + out);
                assertTrue(out.contains("?mUSD?evil " + shortForm(escapes)), command + ": " + out);
                assertTrue(out.contains("mUSD " + shortForm(fake)), command + ": " + out);
                assertTrue(out.contains("mUSD " + shortForm(realUsd)), command + ": " + out);
                assertTrue(out.contains(" " + shortForm(silent) + " "), "the silent token is shown by its address: " + out);
                assertEquals(5, out.strip().lines().count(), out);
            }
            JsonNode plans = w.okJson("pool", "list").get("plans");
            assertEquals("?mUSD?evil", plans.get(1).get("symbol").asText());
            assertEquals(silent, plans.get(3).get("symbol").asText());
        }
    }
}
