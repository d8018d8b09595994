package dev.huzhu.cli.member;

import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.NotFoundException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huzhu member publish-key}: puts the account's public key on chain so claim evidence can be encrypted for it. */
@Command(name = "publish-key", mixinStandardHelpOptions = true,
        description = "Publish your account's secp256k1 public key on EvidenceAccess (the contract checks it is yours), so that claimants "
                + "can encrypt evidence for you: assessors, jurors and granted readers need one. Once per account and deployment.",
        footer = {"", "Examples:", "  huzhu member publish-key --plan 0 --account assessor1"})
public final class MemberPublishKey implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Override
    public Integer call() {
        return plan.run((p, flow) -> {
            Deployment d = p.deployment();
            String access = d.contract(Deployment.EVIDENCE_ACCESS).orElseThrow(() -> new NotFoundException("the deployment of chain "
                    + d.chainId() + " has no EvidenceAccess; run `huzhu deploy --force`")).address();
            var ledger = new dev.huzhu.privacy.EvidenceLedger(p.chain().web3j(), access, 0);
            byte[] key = flow.accountKey().publicKey();
            String hex = "0x" + HexFormat.of().formatHex(key);
            if (Arrays.equals(key, ledger.publicKey(flow.from()))) {
                return new PlanTx.Outcome("the public key of " + flow.from() + " is already published", Json.object("publicKey", hex, "tx", null));
            }
            SentTransaction sent = flow.send(access, PlanAction.data(ledger.contract().publishKey(key)), "publish the public key of " + flow.from());
            return new PlanTx.Outcome("published the public key of " + flow.from() + "; " + TxFlow.line(sent),
                    Json.object("publicKey", hex, "tx", TxFlow.json(sent)));
        });
    }
}
