package dev.huzhu.protocol;

import static dev.huzhu.protocol.ProtocolDeployment.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A post-paid cost-sharing plan through the wrappers: the payout is split over the covered members. */
@ExtendWith(HardhatNodeExtension.class)
class CostSharingPathIT {

    @Test
    void aPaidClaimIsSharedEquallyAndSettledLazily(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> accounts = DevAccounts.first(12);
            ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            AidPool plan = d.createPlan(d.rules(ProtocolDeployment.COST_SHARING, BigInteger.ZERO, usd("100")));
            String addr = plan.getContractAddress();
            List<Credentials> members = accounts.subList(4, 12);
            d.fund(addr, members, usd("1000"));
            for (Credentials m : members) {
                d.as(addr, m).join(usd("300"), ProtocolDeployment.NO_REFERRER).send();
            }
            assertEquals(8, plan.activeMembers().send().intValue());
            assertEquals(BigInteger.ZERO, plan.reserve().send(), "post-paid: nothing is charged up front");

            d.advance(ProtocolDeployment.PERIOD + 1);
            Credentials claimant = members.get(0);
            TransactionReceipt submitted = d.as(addr, claimant).submitClaim(usd("400"), ProtocolDeployment.hash("bill"), d.now()).send();
            BigInteger claimId = AidPool.getClaimSubmittedEvents(submitted).get(0).claimId;
            d.as(addr, d.assessors.get(0)).vote(claimId, true).send();
            d.as(addr, d.assessors.get(2)).vote(claimId, true).send();
            d.advance(ProtocolDeployment.WINDOW);

            BigInteger walletBefore = d.balanceOf(claimant.getAddress());
            TransactionReceipt payout = d.as(addr, members.get(5)).finalize(claimId).send();
            AidPool.ClaimPaidEventResponse paid = AidPool.getClaimPaidEvents(payout).get(0);
            // 400 + 5% fee = 420 over 8 covered members = 52.5 each
            assertEquals(usd("400"), paid.amount);
            assertEquals(usd("20"), paid.fee);
            assertEquals(usd("52.5"), paid.sharePerMember);
            assertEquals(walletBefore, d.balanceOf(claimant.getAddress()), "pull payment: credited, not sent");
            d.as(addr, claimant).withdraw(usd("400").add(ProtocolDeployment.CLAIM_BOND)).send();
            assertEquals(walletBefore.add(usd("400")).add(ProtocolDeployment.CLAIM_BOND), d.balanceOf(claimant.getAddress()));
            assertEquals(usd("52.5"), plan.sharing().send().component1());
            assertTrue(ProtocolDeployment.solvent(plan));

            // each member's share is taken lazily, when they next act (or anyone settles them)
            Credentials other = members.get(3);
            assertEquals(usd("300"), plan.memberOf(other.getAddress()).send().balance);
            assertEquals(usd("247.5"), plan.withdrawable(other.getAddress()).send());
            TransactionReceipt settled = d.as(addr, members.get(7)).settle(other.getAddress()).send();
            assertEquals(usd("52.5"), AidPool.getSharesSettledEvents(settled).get(0).amount);
            assertEquals(usd("247.5"), plan.memberOf(other.getAddress()).send().balance);
            assertTrue(ProtocolDeployment.solvent(plan));

            // a member can still take everything out; their cover ends with it
            BigInteger before = d.balanceOf(other.getAddress());
            d.as(addr, other).withdraw(usd("247.5")).send();
            assertEquals(before.add(usd("247.5")), d.balanceOf(other.getAddress()));
            assertEquals(7, plan.activeMembers().send().intValue());
            assertTrue(ProtocolDeployment.solvent(plan));
        }
    }
}
