package dev.huzhu.cli.pool;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.ProjectDir;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.UserError;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AnonymousReviews;
import dev.huzhu.contracts.MemberCommitments;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.zk.CommitmentTree;
import dev.huzhu.zk.MembershipSecret;
import dev.huzhu.zk.RatingProof;
import dev.huzhu.zk.ZkProver;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Locale;
import org.web3j.tuples.generated.Tuple2;
import org.web3j.utils.Numeric;

/**
 * {@code huzhu rate --anonymous}: proves with Groth16 that the member is one of the plan's registered members and
 * sends the rating from another account, so that neither the proof nor the sender names the member.
 */
final class AnonymousRating {
    private AnonymousRating() {}

    static PlanTx.Outcome rate(PlanTx planTx, PlanAction p, TxFlow flow, String member, int stars, byte[] reviewHash, PrintWriter err) {
        String memberAddress = planTx.addressOfAccount(member);
        if (memberAddress.equalsIgnoreCase(flow.from())) {
            throw new UserError(ExitCodes.USAGE, "an anonymous rating sent from " + member + "'s own address would name it: "
                    + "send it from another account with --account (one that pays the gas and is not linked to " + member + ")");
        }
        Deployment d = p.deployment();
        String registry = d.address(Deployment.MEMBER_COMMITMENTS);
        String reviews = d.address(Deployment.ANONYMOUS_REVIEWS);
        ZkProver prover = new ZkProver(ProjectDir.get());
        BigInteger secret = MembershipSecret.derive(planTx.unlockOther(member));
        BigInteger commitment = prover.commitment(secret);

        CommitmentTree tree = CommitmentTree.read(p.chain().web3j(), registry, p.plan(), d.firstBlock());
        MemberCommitments commitments = MemberCommitments.load(registry, p.chain().web3j(), p.chain().reader(flow.from()), p.chain().gas());
        Tuple2<BigInteger, BigInteger> onChain = call(() -> commitments.tree(p.plan()).send());
        if (!onChain.component1().equals(tree.root()) || onChain.component2().longValue() != tree.leaves().size()) {
            throw new dev.huzhu.chain.NetworkException("the node's CommitmentRegistered logs of plan " + p.plan() + " (" + tree.leaves().size()
                    + " leaves) do not add up to the contract's tree (" + onChain.component2() + " leaves): the logs are incomplete");
        }
        int index = tree.indexOf(commitment);
        if (index < 0) {
            throw new UserError(ExitCodes.NOT_FOUND, member + " has no commitment in plan " + p.plan() + "'s tree: run `huzhu member commit --plan "
                    + p.plan() + " --account " + member + "` first");
        }
        err.printf("  proving membership among %d registered members…%n", tree.leaves().size());
        err.flush();
        RatingProof proof = prover.proveRating(secret, tree, index, p.plan(), stars, reviewHash);
        err.printf("  proof ready in %.1f s%n", proof.millis() / 1000.0);
        AnonymousReviews contract = AnonymousReviews.load(reviews, p.chain().web3j(), p.chain().reader(flow.from()), p.chain().gas());
        SentTransaction sent = flow.send(reviews, PlanAction.data(contract.rate(p.plan(), BigInteger.valueOf(stars), reviewHash, proof.root(),
                proof.nullifier(), proof.proof())), "rate plan " + p.plan() + " " + stars + "★ anonymously");
        String nullifier = Numeric.toHexStringWithPrefixZeroPadded(proof.nullifier(), 64);
        return new PlanTx.Outcome(String.format(Locale.ROOT, "rated plan %s %d★ anonymously (one of %d registered members; nullifier %s; proof %.1f s); %s",
                p.plan(), stars, tree.leaves().size(), nullifier, proof.millis() / 1000.0, TxFlow.line(sent)),
                Json.object("anonymous", true, "stars", stars, "reviewHash", Numeric.toHexString(reviewHash), "nullifier", nullifier,
                        "anonymitySet", tree.leaves().size(), "provingMillis", proof.millis(), "tx", TxFlow.json(sent)));
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private static <T> T call(Read<T> r) {
        try {
            return r.get();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
