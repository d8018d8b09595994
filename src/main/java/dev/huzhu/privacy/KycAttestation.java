package dev.huzhu.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.InvalidInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;

/**
 * An identity attestation (KYC): an attestor's EIP-712 signature over who the account {@code subject} is
 * (domain "Huzhu KYC", version 1, the chain id; type KycAttestation(subject, fullName, documentNumber,
 * country, issuedAt, salt)). It is never put on chain in the clear: the member adds the signed file to a
 * claim as encrypted evidence ({@code claim add-evidence}), so only the ciphertext's hash is public and
 * only granted readers see it. The random salt keeps the EIP-712 digest from being guessed from a name.
 */
public record KycAttestation(long chainId, String subject, String fullName, String documentNumber, String country, long issuedAt, String salt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String typedDataJson() {
        Map<String, Object> types = new LinkedHashMap<>();
        types.put("EIP712Domain", List.of(field("name", "string"), field("version", "string"), field("chainId", "uint256")));
        types.put("KycAttestation", List.of(field("subject", "address"), field("fullName", "string"), field("documentNumber", "string"),
                field("country", "string"), field("issuedAt", "uint64"), field("salt", "bytes32")));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("subject", subject);
        message.put("fullName", fullName);
        message.put("documentNumber", documentNumber);
        message.put("country", country);
        message.put("issuedAt", issuedAt);
        message.put("salt", salt);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("types", types);
        all.put("primaryType", "KycAttestation");
        all.put("domain", Map.of("name", "Huzhu KYC", "version", "1", "chainId", chainId));
        all.put("message", message);
        try {
            return JSON.writeValueAsString(all);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EIP-712 digest (what the attestor signs). */
    public byte[] digest() {
        try {
            return new StructuredDataEncoder(typedDataJson()).hashStructuredData();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signer of {@code signatureHex} (r ‖ s ‖ v) over this attestation, EIP-55. */
    public String signer(String signatureHex) {
        byte[] sig = HexFormat.of().parseHex(signatureHex.replaceFirst("^0x", ""));
        if (sig.length != 65) {
            throw new InvalidInputException("a KYC signature has 65 bytes, got " + sig.length);
        }
        byte v = sig[64] < 27 ? (byte) (sig[64] + 27) : sig[64];
        try {
            BigInteger pub = Sign.signedMessageHashToKey(digest(), new Sign.SignatureData(v, Arrays.copyOfRange(sig, 0, 32), Arrays.copyOfRange(sig, 32, 64)));
            return Address.checksum("0x" + Keys.getAddress(pub));
        } catch (java.security.SignatureException e) {
            throw new InvalidInputException("the KYC signature does not recover to an account: " + e.getMessage());
        }
    }

    /** The signed file: the typed data, the signature and the attestor. */
    public String signedJson(String signatureHex, String attestor) {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("typedData", JSON.readTree(typedDataJson()));
            out.put("signature", signatureHex);
            out.put("attestor", attestor);
            out.put("digest", "0x" + HexFormat.of().formatHex(digest()));
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a signed file; returns the attestation and its signature. */
    public static Signed read(byte[] file) {
        try {
            JsonNode n = JSON.readTree(file);
            JsonNode m = n.path("typedData").path("message");
            KycAttestation a = new KycAttestation(n.path("typedData").path("domain").path("chainId").asLong(), m.path("subject").asText(),
                    m.path("fullName").asText(), m.path("documentNumber").asText(), m.path("country").asText(), m.path("issuedAt").asLong(),
                    m.path("salt").asText());
            if (!n.path("signature").isTextual() || !Address.looksLike(a.subject())) {
                throw new InvalidInputException("not a signed KYC attestation (typedData + signature)");
            }
            return new Signed(a, n.path("signature").asText());
        } catch (IOException e) {
            throw new InvalidInputException("not a signed KYC attestation: " + e.getMessage());
        }
    }

    /** An attestation with its signature. */
    public record Signed(KycAttestation attestation, String signature) {
        public String attestor() {
            return attestation.signer(signature);
        }
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
