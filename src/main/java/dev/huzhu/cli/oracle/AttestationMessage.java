package dev.huzhu.cli.oracle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A parametric plan's EIP-712 attestation as the JSON typed-data message web3j's encoder signs:
 * domain ("Huzhu Parametric Plan", "1", chain id, the plan), type Attestation(eventId, region,
 * severity, eventTime, nonce, deadline), as ParametricPlan.ATTESTATION_TYPEHASH declares it.
 */
record AttestationMessage(long chainId, String plan, BigInteger eventId, long region, int severity, long eventTime, BigInteger nonce, long deadline) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String typedDataJson() {
        Map<String, Object> types = Map.of(
                "EIP712Domain", List.of(field("name", "string"), field("version", "string"), field("chainId", "uint256"), field("verifyingContract", "address")),
                "Attestation", List.of(field("eventId", "uint256"), field("region", "uint32"), field("severity", "uint16"), field("eventTime", "uint64"),
                        field("nonce", "uint256"), field("deadline", "uint64")));
        Map<String, Object> domain = Map.of("name", "Huzhu Parametric Plan", "version", "1", "chainId", chainId, "verifyingContract", plan);
        Map<String, Object> message = Map.of("eventId", eventId.toString(), "region", region, "severity", severity, "eventTime", eventTime,
                "nonce", nonce.toString(), "deadline", deadline);
        try {
            return JSON.writeValueAsString(Map.of("types", types, "primaryType", "Attestation", "domain", domain, "message", message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }
}
