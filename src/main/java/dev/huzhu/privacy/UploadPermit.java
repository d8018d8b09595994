package dev.huzhu.privacy;

import dev.huzhu.protocol.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The signature that lets an upload into the store: EIP-191 personal_sign over
 * {@code "huzhu document store: put <cid> for plan <plan> at <unix seconds>"}. The server recovers the
 * signer, requires the time within {@link #MAX_SKEW_S} of its clock, and asks the chain whether the
 * signer is a member or an assessor of that plan ({@link UploaderCheck}).
 */
public record UploadPermit(Cid cid, String plan, long at, byte[] signature) {
    public static final long MAX_SKEW_S = 300;
    public static final String PLAN_HEADER = "X-Huzhu-Plan";
    public static final String TIME_HEADER = "X-Huzhu-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Huzhu-Signature";

    public static String message(Cid cid, String plan, long at) {
        return "huzhu document store: put " + cid + " for plan " + plan.toLowerCase(Locale.ROOT) + " at " + at;
    }

    /** Signs an upload of {@code content} for {@code plan} now. */
    public static UploadPermit sign(AccountKey key, byte[] content, String plan, long at) {
        Cid cid = Cid.of(content);
        return new UploadPermit(cid, plan, at, key.signPersonal(message(cid, plan, at).getBytes(StandardCharsets.UTF_8)));
    }

    public String signatureHex() {
        return "0x" + HexFormat.of().formatHex(signature);
    }

    /** The signing account (EIP-55), recovered from the signature; an unreadable signature is refused. */
    public String signer() {
        if (signature.length != 65) {
            throw new InvalidPermit("the upload signature must be 65 bytes (r ‖ s ‖ v), got " + signature.length);
        }
        byte v = signature[64];
        if (v < 27) {
            v += 27;
        }
        Sign.SignatureData sig = new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64));
        try {
            BigInteger pub = Sign.signedPrefixedMessageToKey(message(cid, plan, at).getBytes(StandardCharsets.UTF_8), sig);
            return Address.checksum("0x" + Keys.getAddress(pub));
        } catch (SignatureException | RuntimeException e) {
            throw new InvalidPermit("the upload signature does not recover to an account: " + e.getMessage());
        }
    }

    /** A permit the server refuses (403 with the message). */
    public static final class InvalidPermit extends RuntimeException {
        public InvalidPermit(String message) {
            super(message);
        }
    }
}
