package dev.huzhu.protocol;

import static dev.huzhu.protocol.ProtocolDeployment.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.RevertMessages;
import dev.huzhu.chain.TransactionSender;
import dev.huzhu.chain.TransactionSigner;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import dev.huzhu.keeper.ClaimWindows;
import dev.huzhu.keeper.Keeper;
import dev.huzhu.keeper.KeeperTask;
import dev.huzhu.keeper.PassReport;
import dev.huzhu.keeper.TaskSource;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The keeper's v3 jobs against a real node, each proven by the contracts' views after the pass:
 * prepareExits opens the exits of a plan its members voted to close (windDown().exitsOpen); payOwed
 * pays the owed queue's head once a contribution reaches the reserve (claimPayment, owedQueue); the
 * jury of an escalated claim is drawn in the next pass (juryOf().drawn); a cost-sharing cover book
 * six periods behind is advanced to the current period (sharing().lastPeriod == currentPeriod()).
 * Nothing is sent that eth_estimateGas refuses: prepareExits of an open plan is skipped.
 */
@ExtendWith(HardhatNodeExtension.class)
class KeeperJobsIT {
    @TempDir
    Path tmp;

    @Test
    void eachJobMovesTheChainAndOnlyWhatPassesTheEstimateIsSent(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> accounts = DevAccounts.first(19);
            ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            List<Credentials> members = accounts.subList(4, 12);
            Credentials keeperKey = accounts.get(18);

            AidPool shared = d.createPlan(d.rules(ProtocolDeployment.COST_SHARING, BigInteger.ZERO, usd("50")));
            String cs = lower(shared.getContractAddress());
            d.fund(cs, members.subList(0, 3), usd("1000"));
            for (Credentials m : members.subList(0, 3)) {
                d.as(cs, m).join(usd("200"), ProtocolDeployment.NO_REFERRER).send();
            }
            AidPool prepaid = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("20"), BigInteger.ZERO));
            String pp = lower(prepaid.getContractAddress());
            d.fund(pp, members, usd("1000"));
            for (Credentials m : members.subList(0, 4)) {
                d.as(pp, m).join(usd("500"), ProtocolDeployment.NO_REFERRER).send();
            }
            AidPool voted = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("20"), BigInteger.ZERO));
            String vp = lower(voted.getContractAddress());
            d.fund(vp, members.subList(4, 6), usd("1000"));
            for (Credentials m : members.subList(4, 6)) {
                d.as(vp, m).join(usd("100"), ProtocolDeployment.NO_REFERRER).send();
            }
            for (Credentials m : members.subList(4, 6)) {
                d.as(vp, m).voteToClose().send();
            }
            assertTrue(voted.windDown().send().component1(), "closed by its members' vote");
            assertFalse(voted.windDown().send().component4(), "exits not open yet");

            d.advance(ProtocolDeployment.PERIOD + 1);
            BigInteger big = claim(d, pp, members.get(0), "1000");
            d.as(pp, d.assessors.get(0)).vote(big, true).send();
            d.as(pp, d.assessors.get(1)).vote(big, true).send();
            BigInteger undecided = claim(d, pp, members.get(1), "100");
            d.advance(ProtocolDeployment.WINDOW + 1);

            Keeper keeper = keeper(chain, keeperKey, TaskSource.everything(new PlanDirectory(chain.web3j(), d.factory.getContractAddress())));

            // pass 1: the closed plan's exits, the approved claim finalized (the reserve pays part), the undecided one escalated
            PassReport first = keeper.runOnce();
            assertEquals(Set.of("prepareExits " + vp, "finalize " + pp + " #" + big, "escalate " + pp + " #" + undecided), sent(first), first.toString());
            assertTrue(voted.windDown().send().component4(), "prepareExits opened the exits (windDown().exitsOpen)");
            assertEquals(5, prepaid.claimOf(big).send().status.intValue(), "PAID");
            BigInteger owedBefore = prepaid.claimPayment(big).send().component2();
            assertTrue(owedBefore.signum() > 0, "the reserve could not pay 1,000: the rest is owed");
            assertEquals(4, prepaid.claimOf(undecided).send().status.intValue());
            assertFalse(prepaid.juryOf(undecided).send().component4(), "not drawn in the opening block");

            // pass 2: a new member's contribution reaches the reserve; the owed head is paid; the jury is drawn
            d.as(pp, members.get(6)).join(usd("500"), ProtocolDeployment.NO_REFERRER).send();
            BigInteger reserve = prepaid.reserve().send();
            assertTrue(reserve.signum() > 0);
            PassReport second = keeper.runOnce();
            assertEquals(Set.of("payOwed " + pp, "drawJury " + pp + " #" + undecided), sent(second), second.toString());
            assertEquals(owedBefore.subtract(reserve), prepaid.claimPayment(big).send().component2(),
                    "payOwed paid the whole reserve to the queue's head (claimPayment().owed)");
            assertEquals(owedBefore.subtract(reserve), prepaid.owedQueue().send().component3(), "owedQueue().totalOwed");
            assertEquals(BigInteger.ZERO, prepaid.reserve().send());
            assertTrue(prepaid.juryOf(undecided).send().component4(), "the keeper drew the jury (juryOf().drawn)");

            // a third pass with nothing new sends nothing: the queue's head cannot be paid from an empty reserve
            PassReport idle = keeper.runOnce();
            assertEquals(Set.of(), sent(idle), idle.toString());

            // pass 4: the cost-sharing book six periods behind is rolled to the current period
            d.advance(5 * ProtocolDeployment.PERIOD);
            assertTrue(shared.currentPeriod().send().subtract(shared.sharing().send().component3()).longValue() > 4, "more than 4 periods behind");
            PassReport fourth = keeper.runOnce();
            assertTrue(sent(fourth).contains("advance " + cs), fourth.toString());
            assertEquals(shared.currentPeriod().send(), shared.sharing().send().component3(), "advance rolled the book to the current period");

            // only what passes eth_estimateGas is sent: prepareExits of an open plan is skipped with the reason
            KeeperTask refused = new KeeperTask(pp, 1, null, ClaimWindows.Action.PREPARE_EXITS, prepaid.prepareExits(BigInteger.TEN, List.of()).encodeFunctionCall());
            PassReport blind = keeper(chain, keeperKey, now -> List.of(refused)).runOnce();
            assertEquals(List.of(), blind.sent());
            assertEquals(1, blind.skipped().size());
            assertFalse(prepaid.windDown().send().component1());
        }
    }

    private static String lower(String a) {
        return a.toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> sent(PassReport r) {
        return r.sent().stream().map(s -> s.task().action().function() + " " + s.task().plan().toLowerCase(java.util.Locale.ROOT)
                + (s.task().claimId() == null ? "" : " #" + s.task().claimId())).collect(Collectors.toSet());
    }

    private static BigInteger claim(ProtocolDeployment d, String plan, Credentials who, String amount) throws Exception {
        return AidPool.getClaimSubmittedEvents(d.as(plan, who).submitClaim(usd(amount), ProtocolDeployment.hash("invoice " + amount),
                d.now().subtract(BigInteger.ONE)).send()).get(0).claimId;
    }

    private Keeper keeper(ChainConnection chain, Credentials key, TaskSource tasks) {
        dev.huzhu.protocol.ErrorDecoder errors = dev.huzhu.protocol.ErrorDecoder.packaged();
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
}
