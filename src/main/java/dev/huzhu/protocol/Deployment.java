package dev.huzhu.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The address book of one chain, {@code deployments/<chainId>.json}: which contracts the
 * platform runs there. Keys of {@code contracts}: {@code MockUSD} (local chains only),
 * {@code AidPoints}, {@code AidPoolImplementation}, {@code AidPoolFactory}, {@code EvidenceAccess}, the
 * scenario factories {@code ReliefCampaignFactory}, {@code GroupPurchaseFactory}, {@code ParametricPlanFactory}, and the
 * zero-knowledge membership contracts {@code PoseidonT3}, {@code MemberCommitments}, {@code Groth16Verifier}, {@code AnonymousReviews}.
 */
public record Deployment(long chainId, String network, String deployer, String deployedAt,
        Map<String, DeployedContract> contracts) {
    public static final String MOCK_USD = "MockUSD";
    public static final String POINTS = "AidPoints";
    /** The code of AidPool's rarely used functions (delegatecalled; EIP-170). */
    public static final String POOL_EXTENSION = "AidPoolExtension";
    public static final String POOL_IMPLEMENTATION = "AidPoolImplementation";
    public static final String FACTORY = "AidPoolFactory";
    /** Who may read which claim's encrypted evidence (contracts/privacy; docs/privacy.md). */
    public static final String EVIDENCE_ACCESS = "EvidenceAccess";
    /** The scenario factories (docs/scenarios.md). */
    public static final String RELIEF_FACTORY = "ReliefCampaignFactory";
    public static final String GROUP_FACTORY = "GroupPurchaseFactory";
    public static final String PARAMETRIC_FACTORY = "ParametricPlanFactory";
    /** Zero-knowledge membership (issue 12): the Poseidon library, the commitment trees, the verifier, anonymous ratings. */
    public static final String POSEIDON = "PoseidonT3";
    public static final String MEMBER_COMMITMENTS = "MemberCommitments";
    public static final String GROTH16_VERIFIER = "Groth16Verifier";
    public static final String ANONYMOUS_REVIEWS = "AnonymousReviews";

    public Deployment {
        contracts = new LinkedHashMap<>(contracts);
    }

    public Optional<DeployedContract> contract(String key) {
        return Optional.ofNullable(contracts.get(key));
    }

    /** The contract's address, or NotFoundException naming what to run. */
    public String address(String key) {
        return contract(key).map(DeployedContract::address).orElseThrow(() -> new NotFoundException(
                "the deployment of chain " + chainId + " has no " + key + "; run `huzhu deploy --force`"));
    }

    /** The first block of the deployment: where indexers start. */
    public long firstBlock() {
        return contracts.values().stream().mapToLong(DeployedContract::block).min().orElse(0);
    }
}
