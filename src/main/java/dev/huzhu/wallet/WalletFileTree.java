package dev.huzhu.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import org.web3j.crypto.WalletFile;

/**
 * A keystore file's parsed JSON as web3j's {@link WalletFile}, read field by field: listing accounts
 * checks every file's crypto section ({@link KdfLimits}) without Jackson's data binding, whose
 * introspection of {@code WalletFile}'s annotated subtypes was most of `wallet list`'s run (docs/cli.md,
 * start-up). Same fields and spellings as web3j's binding ({@code crypto} or geth's old {@code Crypto};
 * {@code kdfparams} by {@code kdf}: scrypt or pbkdf2).
 */
final class WalletFileTree {
    private WalletFileTree() {}

    /** The file, or an {@link IllegalArgumentException} naming the first malformed field. */
    static WalletFile of(JsonNode node) {
        JsonNode c = node.has("crypto") ? node.get("crypto") : node.get("Crypto");
        WalletFile file = new WalletFile();
        file.setVersion(number(node, "version"));
        file.setAddress(text(node, "address"));
        file.setId(text(node, "id"));
        if (c == null || c.isNull()) {
            return file;
        }
        if (!c.isObject()) {
            throw new IllegalArgumentException("crypto is not an object");
        }
        WalletFile.Crypto crypto = new WalletFile.Crypto();
        crypto.setCipher(text(c, "cipher"));
        crypto.setCiphertext(text(c, "ciphertext"));
        crypto.setMac(text(c, "mac"));
        crypto.setKdf(text(c, "kdf"));
        JsonNode cp = c.get("cipherparams");
        if (cp != null && !cp.isNull()) {
            WalletFile.CipherParams params = new WalletFile.CipherParams();
            params.setIv(text(cp, "iv"));
            crypto.setCipherparams(params);
        }
        JsonNode kp = c.get("kdfparams");
        if (kp != null && !kp.isNull()) {
            if ("scrypt".equals(crypto.getKdf())) {
                WalletFile.ScryptKdfParams s = new WalletFile.ScryptKdfParams();
                s.setDklen(number(kp, "dklen"));
                s.setN(number(kp, "n"));
                s.setR(number(kp, "r"));
                s.setP(number(kp, "p"));
                s.setSalt(text(kp, "salt"));
                crypto.setKdfparams(s);
            } else if ("pbkdf2".equals(crypto.getKdf())) {
                WalletFile.Aes128CtrKdfParams a = new WalletFile.Aes128CtrKdfParams();
                a.setDklen(number(kp, "dklen"));
                a.setC(number(kp, "c"));
                a.setPrf(text(kp, "prf"));
                a.setSalt(text(kp, "salt"));
                crypto.setKdfparams(a);
            }
        }
        file.setCrypto(crypto);
        return file;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(field + " is not a value");
        }
        return v.asText();
    }

    private static int number(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual() && v.asText().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(v.asText()); // Jackson's binding coerces numeric strings too
        }
        throw new IllegalArgumentException(field + " is not a 32-bit integer");
    }
}
