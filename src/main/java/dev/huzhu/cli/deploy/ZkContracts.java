package dev.huzhu.cli.deploy;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.protocol.ContractArtifact;
import dev.huzhu.protocol.DeployedContract;
import dev.huzhu.protocol.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Address;

/**
 * The zero-knowledge membership contracts of a deployment (issue 12): the PoseidonT3 library (called, not linked),
 * MemberCommitments for the factory's plans, the Groth16 verifier exported from the committed proving key, and
 * AnonymousReviews. None has an owner.
 */
final class ZkContracts {
    private ZkContracts() {}

    static Map<String, DeployedContract> deploy(TxFlow flow, String factory) {
        Map<String, DeployedContract> out = new LinkedHashMap<>();
        DeployedContract poseidon = created(flow.send(null, ContractArtifact.load("PoseidonT3").creationData(List.of()),
                "deploy the Poseidon library", true));
        out.put(Deployment.POSEIDON, poseidon);
        DeployedContract commitments = created(flow.send(null, ContractArtifact.load("MemberCommitments")
                .creationData(List.of(new Address(factory), new Address(poseidon.address()))), "deploy MemberCommitments", true));
        out.put(Deployment.MEMBER_COMMITMENTS, commitments);
        DeployedContract verifier = created(flow.send(null, ContractArtifact.load("Groth16Verifier").creationData(List.of()),
                "deploy the Groth16 verifier", true));
        out.put(Deployment.GROTH16_VERIFIER, verifier);
        out.put(Deployment.ANONYMOUS_REVIEWS, created(flow.send(null, ContractArtifact.load("AnonymousReviews")
                .creationData(List.of(new Address(commitments.address()), new Address(verifier.address()))), "deploy AnonymousReviews", true)));
        return out;
    }

    private static DeployedContract created(SentTransaction s) {
        return new DeployedContract(dev.huzhu.protocol.Address.checksum(s.contractAddress()), s.hash(), s.blockNumber().longValueExact());
    }
}
