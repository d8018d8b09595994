package dev.huzhu.cli.member;

import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.ProjectDir;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.MemberCommitments;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.zk.MembershipSecret;
import dev.huzhu.zk.ZkProver;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huzhu member commit}: joins the plan's anonymity set for zero-knowledge ratings (issue 12). */
@Command(name = "commit", mixinStandardHelpOptions = true,
        description = {"Register your anonymous-membership commitment in the plan's tree, once, after one full period of membership.",
                "Afterwards `huzhu rate --anonymous` rates the plan without saying which member you are. The secret behind the "
                        + "commitment is derived from your key (a signature that never leaves this machine): nothing new to back up.",
                "The registration itself is public: everyone sees that this address registered."},
        footer = {"", "Examples:", "  huzhu member commit --plan 0 --account alice", "  huzhu member commit --plan 0 --account alice --yes --json"})
public final class MemberCommit implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            String registry = p.deployment().address(Deployment.MEMBER_COMMITMENTS);
            BigInteger secret = MembershipSecret.derive(flow.typedDataSigner());
            BigInteger commitment = new ZkProver(ProjectDir.get()).commitment(secret);
            MemberCommitments contract = MemberCommitments.load(registry, p.chain().web3j(), p.chain().reader(flow.from()), p.chain().gas());
            SentTransaction sent = flow.send(registry, PlanAction.data(contract.register(p.plan(), commitment)),
                    "register an anonymous-membership commitment in plan " + p.plan());
            ChainEvent e = p.chain().events(sent).stream().filter(x -> x.name().equals("CommitmentRegistered")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("register mined without a CommitmentRegistered event"));
            BigInteger leaf = e.number("leafIndex");
            return new PlanTx.Outcome("registered your commitment in plan " + p.plan() + " as leaf " + leaf + "; " + TxFlow.line(sent),
                    Json.object("commitment", commitment.toString(), "leafIndex", leaf.longValueExact(), "root", e.number("root").toString(),
                            "tx", TxFlow.json(sent)));
        });
    }
}
