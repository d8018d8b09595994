package dev.huzhu.protocol;

import static dev.huzhu.protocol.ProtocolDeployment.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** A full prepaid plan through the wrappers: join, lazy contributions, claim, notice, payout, leave. */
@ExtendWith(HardhatNodeExtension.class)
class PrepaidPathIT {

    @Test
    void contributionsFundTheReserveThatPaysAnApprovedClaim(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> accounts = DevAccounts.first(10);
            ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            AidPool plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("100"), BigInteger.ZERO));
            String addr = plan.getContractAddress();
            List<Credentials> members = accounts.subList(4, 8);
            d.fund(addr, members, usd("1000"));
            for (Credentials m : members) {
                d.as(addr, m).join(usd("300"), ProtocolDeployment.NO_REFERRER).send();
            }
            // first contributions: 4 x 100, 5% fee
            assertEquals(usd("380"), plan.reserve().send());
            assertEquals(usd("20"), plan.feesOwed().send());
            assertEquals(4, plan.activeMembers().send().intValue());

            d.advance(ProtocolDeployment.PERIOD + 1);
            Credentials claimant = members.get(0);
            BigInteger walletBefore = d.balanceOf(claimant.getAddress());
            TransactionReceipt submitted = d.as(addr, claimant).submitClaim(usd("250"), ProtocolDeployment.hash("invoice"), d.now()).send();
            BigInteger claimId = AidPool.getClaimSubmittedEvents(submitted).get(0).claimId;
            // the claimant's second contribution was charged lazily with the claim
            assertEquals(1, AidPool.getContributionChargedEvents(submitted).size());
            d.as(addr, d.assessors.get(0)).vote(claimId, true).send();
            TransactionReceipt approved = d.as(addr, d.assessors.get(1)).vote(claimId, true).send();
            assertEquals(1, AidPool.getClaimApprovedEvents(approved).size());

            d.advance(ProtocolDeployment.WINDOW);
            BigInteger reserveBefore = plan.reserve().send();
            TransactionReceipt payout = d.as(addr, members.get(3)).finalize(claimId).send();
            AidPool.ClaimPaidEventResponse paid = AidPool.getClaimPaidEvents(payout).get(0);
            assertEquals(usd("250"), paid.amount);
            assertEquals(claimant.getAddress(), paid.claimant);
            // pull payment: the payout and the bond are credited to the claimant's free balance, which they withdraw
            assertEquals(walletBefore.subtract(ProtocolDeployment.CLAIM_BOND), d.balanceOf(claimant.getAddress()));
            d.as(addr, claimant).withdraw(usd("250").add(ProtocolDeployment.CLAIM_BOND)).send();
            // wallet: -10 bond at submission, +250 payout +10 bond withdrawn
            assertEquals(walletBefore.add(usd("250")), d.balanceOf(claimant.getAddress()));
            assertEquals(reserveBefore.subtract(usd("250")), plan.reserve().send());
            assertEquals(BigInteger.valueOf(5), plan.claimOf(claimId).send().status, "PAID");
            assertEquals(BigInteger.ZERO, plan.openClaimOf(claimant.getAddress()).send());
            assertTrue(ProtocolDeployment.solvent(plan));

            // leaving settles what is due and refunds the rest
            Credentials leaver = members.get(1);
            BigInteger free = plan.withdrawable(leaver.getAddress()).send();
            BigInteger before = d.balanceOf(leaver.getAddress());
            TransactionReceipt left = d.as(addr, leaver).leave().send();
            assertEquals(free, AidPool.getMemberLeftEvents(left).get(0).refunded);
            assertEquals(before.add(free), d.balanceOf(leaver.getAddress()));
            assertFalse(plan.memberOf(leaver.getAddress()).send().active);
            assertTrue(ProtocolDeployment.solvent(plan));

            // fees: only the receiver withdraws them (pull)
            BigInteger fees = plan.feesOwed().send();
            BigInteger operatorBefore = d.balanceOf(d.operator.getAddress());
            d.as(addr, d.operator).withdrawFees().send();
            assertEquals(operatorBefore.add(fees), d.balanceOf(d.operator.getAddress()));
            assertTrue(ProtocolDeployment.solvent(plan));
        }
    }
}
