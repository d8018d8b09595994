package dev.huzhu.protocol;

import static dev.huzhu.protocol.ProtocolDeployment.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.RevertMessages;
import dev.huzhu.chain.TransactionSender;
import dev.huzhu.chain.TransactionSigner;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.protocol.ErrorDecoder;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.keeper.ClaimWindows;
import dev.huzhu.keeper.Keeper;
import dev.huzhu.keeper.KeeperTask;
import dev.huzhu.keeper.PassReport;
import dev.huzhu.keeper.RipeClaims;
import dev.huzhu.keeper.TaskSource;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;

/**
 * The keeper against a real node: of four claims, the three whose windows have ended are moved on
 * (approved → paid, rejected → denied, undecided → jury) and the one still in its window is left
 * alone; fed every claim regardless of its windows, it sends nothing, because eth_estimateGas
 * says each call would revert.
 */
@ExtendWith(HardhatNodeExtension.class)
class KeeperIT {
    static final int PAID = 5;
    static final int DENIED = 6;
    static final int DISPUTED = 4;
    static final int SUBMITTED = 1;

    @TempDir
    Path tmp;

    @Test
    void finalizesRipeClaimsSkipsUnripeOnesAndNeverSendsWhatWouldRevert(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> accounts = DevAccounts.first(12);
            ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            AidPool plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("100"), BigInteger.ZERO));
            String addr = plan.getContractAddress();
            List<Credentials> members = accounts.subList(4, 8);
            Credentials keeperKey = accounts.get(11);
            d.fund(addr, members, usd("1000"));
            for (Credentials m : members) {
                d.as(addr, m).join(usd("300"), ProtocolDeployment.NO_REFERRER).send();
            }
            d.advance(ProtocolDeployment.PERIOD + 1);
            BigInteger approved = submit(d, addr, members.get(0), "250");
            d.as(addr, d.assessors.get(0)).vote(approved, true).send();
            d.as(addr, d.assessors.get(1)).vote(approved, true).send();
            BigInteger rejected = submit(d, addr, members.get(1), "100");
            d.as(addr, d.assessors.get(0)).vote(rejected, false).send();
            d.as(addr, d.assessors.get(1)).vote(rejected, false).send();
            BigInteger undecided = submit(d, addr, members.get(2), "50");
            d.advance(ProtocolDeployment.WINDOW + 1); // notice and assessment windows (3 days each) have ended
            BigInteger fresh = submit(d, addr, members.get(3), "40"); // its assessment window has just opened
            BigInteger creditBefore = plan.memberOf(members.get(0).getAddress()).send().balance;

            Keeper keeper = keeper(chain, keeperKey, new RipeClaims(new PlanDirectory(chain.web3j(), d.factory.getContractAddress())));
            BigInteger nonceBefore = nonce(chain, keeperKey);
            PassReport first = keeper.runOnce();

            assertEquals(Map.of(approved, "finalize", rejected, "finalize", undecided, "escalate"), actions(first.sent()));
            assertEquals(List.of(), first.skipped());
            assertEquals(nonceBefore.add(BigInteger.valueOf(3)), nonce(chain, keeperKey), "three transactions, each mined and successful");
            assertEquals(PAID, status(plan, approved));
            assertEquals(DENIED, status(plan, rejected));
            assertEquals(DISPUTED, status(plan, undecided));
            assertEquals(SUBMITTED, status(plan, fresh), "still in its assessment window: left alone");
            // the payout reached the claimant (pull payment): 250 + the 10 bond back credited to the free balance, nothing owed
            assertEquals(creditBefore.add(usd("260")), plan.memberOf(members.get(0).getAddress()).send().balance);
            assertEquals(usd("250"), plan.claimPayment(approved).send().component1());
            assertEquals(BigInteger.ZERO, plan.claimPayment(approved).send().component2());
            assertTrue(ProtocolDeployment.solvent(plan));

            // a second pass finds nothing due: closed claims and open windows
            PassReport second = keeper.runOnce();
            assertEquals(List.of(), second.sent());
            assertEquals(List.of(), second.skipped());

            // fed every claim regardless of its windows and state, it sends nothing that would revert
            List<KeeperTask> everything = new ArrayList<>();
            for (BigInteger id : List.of(approved, rejected, undecided, fresh)) {
                everything.add(new KeeperTask(addr, 0, id, ClaimWindows.Action.FINALIZE, plan.finalize(id).encodeFunctionCall()));
            }
            Keeper blind = keeper(chain, keeperKey, now -> everything);
            BigInteger nonceBlind = nonce(chain, keeperKey);
            PassReport third = blind.runOnce();
            assertEquals(List.of(), third.sent());
            assertEquals(4, third.skipped().size());
            assertEquals(nonceBlind, nonce(chain, keeperKey), "nothing sent");
            assertTrue(third.skipped().get(0).reason().startsWith("claim #" + approved + " is paid"), third.skipped().get(0).reason());
            assertTrue(third.skipped().get(2).reason().startsWith("too early: this opens for claim #" + undecided), third.skipped().get(2).reason());
            assertEquals(DISPUTED, status(plan, undecided));
            assertEquals(SUBMITTED, status(plan, fresh));
        }
    }

    private static BigInteger submit(ProtocolDeployment d, String plan, Credentials who, String amount) throws Exception {
        return AidPool.getClaimSubmittedEvents(d.as(plan, who).submitClaim(usd(amount), ProtocolDeployment.hash("invoice " + amount), d.now()).send())
                .get(0).claimId;
    }

    private Keeper keeper(ChainConnection chain, Credentials key, TaskSource tasks) {
        ErrorDecoder errors = ErrorDecoder.packaged();
        RevertMessages words = new RevertMessages(6, "mUSD");
        TransactionSender sender = new TransactionSender(chain.web3j(), chain.chainId(), data -> errors.decode(data).map(words::describe), tmp);
        TransactionSigner signer = new TransactionSigner() {
            @Override
            public String address() {
                return key.getAddress();
            }

            @Override
            public String sign(RawTransaction tx, long chainId) {
                return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, key));
            }
        };
        return new Keeper(chain.web3j(), sender, signer, tasks);
    }

    private static Map<BigInteger, String> actions(List<PassReport.Sent> sent) {
        java.util.Map<BigInteger, String> m = new java.util.HashMap<>();
        sent.forEach(s -> m.put(s.task().claimId(), s.task().action().function()));
        return m;
    }

    private static int status(AidPool plan, BigInteger claimId) throws Exception {
        return plan.claimOf(claimId).send().status.intValue();
    }

    private static BigInteger nonce(ChainConnection chain, Credentials who) throws Exception {
        return chain.web3j().ethGetTransactionCount(who.getAddress(), DefaultBlockParameterName.LATEST).send().getTransactionCount();
    }
}
