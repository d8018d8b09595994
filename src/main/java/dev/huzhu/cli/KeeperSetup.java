package dev.huzhu.cli;

import dev.huzhu.chain.DevAccounts;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.RevertMessages;
import dev.huzhu.protocol.ErrorDecoder;
import dev.huzhu.protocol.TokenInfo;
import dev.huzhu.chain.TransactionSender;
import dev.huzhu.chain.TransactionSigner;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.keeper.Keeper;
import dev.huzhu.keeper.PassReport;
import dev.huzhu.wallet.KeystoreEntry;
import java.io.PrintWriter;
import java.util.Map;
import org.web3j.protocol.Web3j;

/** Builds the keeper for `huzhu keeper` and `huzhu serve --keeper`, and prints its passes. */
final class KeeperSetup {
    private static final java.util.Set<Long> LOCAL_CHAINS = java.util.Set.of(31337L, 1337L);

    private KeeperSetup() {}

    /** Unlocks the keeper account; Hardhat's public development keys sign on local chains only. */
    static TransactionSigner signer(Session session, AccountOptions account, long chainId) {
        KeystoreEntry entry = account.entry(session);
        if (!LOCAL_CHAINS.contains(chainId) && DevAccounts.first(DevAccounts.COUNT).stream()
                .anyMatch(c -> c.getAddress().equalsIgnoreCase(entry.address()))) {
            throw new UserError(ExitCodes.WALLET, "account " + entry.name() + " (" + entry.address() + ") is a Hardhat development key that everyone knows; "
                    + "it signs on local chains only, not on chain " + chainId);
        }
        return account.unlock(session, entry);
    }

    /** A keeper of every plan of {@code factory}. */
    static Keeper keeper(Session session, Web3j web3j, long chainId, String factory, TransactionSigner signer) {
        ErrorDecoder errors = ErrorDecoder.packaged();
        RevertMessages words = new RevertMessages(new TokenInfo("", "the plan's token", 0, false));
        TransactionSender sender = new TransactionSender(web3j, chainId, data -> errors.decode(data).map(words::describe),
                session.userDir().resolve("locks"));
        return new Keeper(web3j, sender, signer, dev.huzhu.keeper.TaskSource.everything(new PlanDirectory(web3j, factory)));
    }

    /** One line per call sent or skipped; nothing when the pass found nothing due. */
    static void print(PrintWriter out, PassReport r) {
        for (PassReport.Sent s : r.sent()) {
            out.printf("%s: tx %s (block %d, gas %,d)%n", s.task().description(), s.txHash(), s.block(), s.gasUsed());
        }
        for (PassReport.Skipped s : r.skipped()) {
            out.printf("skipped %s: %s%n", s.task().description(), s.reason());
        }
        out.flush();
    }

    /** The --json view of a pass (docs/cli.md, "keeper"). */
    static Map<String, Object> json(PassReport r, String keeper) {
        return dev.huzhu.cli.output.Json.object("keeper", keeper, "chainTime", r.chainTime(),
                "sent", r.sent().stream().map(s -> dev.huzhu.cli.output.Json.object("plan", s.task().plan(), "planId", s.task().planId(),
                        "claimId", s.task().claimId() == null ? null : s.task().claimId().longValue(), "action", s.task().action().function(), "tx", s.txHash(),
                        "block", s.block(), "gasUsed", s.gasUsed())).toList(),
                "skipped", r.skipped().stream().map(s -> dev.huzhu.cli.output.Json.object("plan", s.task().plan(), "planId", s.task().planId(),
                        "claimId", s.task().claimId() == null ? null : s.task().claimId().longValue(), "action", s.task().action().function(), "reason", s.reason())).toList());
    }
}
