package dev.huzhu.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** An attestor's EIP-712 signature recovers to the attestor, survives the file round trip, and binds every field. */
class KycAttestationTest {
    // Hardhat dev account #3: 0x90F79bf6EB2c4f870365E785982E1f101E93b906
    static final ECKeyPair ATTESTOR = ECKeyPair.create(new BigInteger("7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6", 16));

    static String sign(KycAttestation a) throws Exception {
        Sign.SignatureData s = Sign.signTypedData(a.typedDataJson(), ATTESTOR);
        return Numeric.toHexString(s.getR()) + Numeric.toHexStringNoPrefix(s.getS()) + Numeric.toHexStringNoPrefix(s.getV());
    }

    @Test
    void signatureRecoversTheAttestorAndBindsTheFields() throws Exception {
        KycAttestation a = new KycAttestation(31337, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "Wang Xiaoming", "G12345678", "CN", 1_780_000_000L,
                "0x" + "ab".repeat(32));
        String sig = sign(a);
        assertEquals("0x90F79bf6EB2c4f870365E785982E1f101E93b906", a.signer(sig));
        KycAttestation.Signed back = KycAttestation.read(a.signedJson(sig, "0x90F79bf6EB2c4f870365E785982E1f101E93b906").getBytes(StandardCharsets.UTF_8));
        assertEquals(a, back.attestation());
        assertEquals("0x90F79bf6EB2c4f870365E785982E1f101E93b906", back.attestor());
        // another name under the same signature recovers to someone else: the attestor vouched for this record only
        KycAttestation forged = new KycAttestation(31337, a.subject(), "Li Lei", a.documentNumber(), a.country(), a.issuedAt(), a.salt());
        assertNotEquals("0x90F79bf6EB2c4f870365E785982E1f101E93b906", forged.signer(sig));
    }
}
