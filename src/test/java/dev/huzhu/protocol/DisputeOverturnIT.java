package dev.huzhu.protocol;

import dev.huzhu.chain.RegistryHolders;
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

/** A member challenges an approved claim; a commit-reveal jury of members overturns the approval. */
@ExtendWith(HardhatNodeExtension.class)
class DisputeOverturnIT {

    @Test
    void theJuryOverturnsAnApprovalAndTheChallengerWinsTheBonds(HardhatNode node) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            List<Credentials> accounts = DevAccounts.first(11);
            ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
            AidPool plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, usd("100"), BigInteger.ZERO));
            String addr = plan.getContractAddress();
            List<Credentials> members = accounts.subList(4, 11);
            d.fund(addr, members, usd("1000"));
            for (Credentials m : members) {
                d.as(addr, m).join(usd("500"), ProtocolDeployment.NO_REFERRER).send();
            }
            d.advance(ProtocolDeployment.PERIOD + 1);

            Credentials claimant = members.get(0);
            Credentials challenger = members.get(1);
            List<Credentials> jurors = members.subList(2, 7);
            BigInteger claimantBefore = d.balanceOf(claimant.getAddress());
            BigInteger claimId = AidPool.getClaimSubmittedEvents(
                    d.as(addr, claimant).submitClaim(usd("600"), ProtocolDeployment.hash("dubious invoice"), d.now()).send()).get(0).claimId;
            d.as(addr, d.assessors.get(0)).vote(claimId, true).send();
            d.as(addr, d.assessors.get(1)).vote(claimId, true).send();

            BigInteger challengerBefore = d.balanceOf(challenger.getAddress());
            TransactionReceipt challenged = d.as(addr, challenger).challenge(claimId).send();
            AidPool.ClaimDisputedEventResponse dispute = AidPool.getClaimDisputedEvents(challenged).get(0);
            assertEquals(BigInteger.TWO, dispute.kind, "CHALLENGED");
            assertEquals(challenger.getAddress(), dispute.by);
            assertEquals(BigInteger.valueOf(4), plan.claimOf(claimId).send().status, "DISPUTED");

            // anyone draws the panel from the opening block's hash: the five members old enough who are not parties
            d.as(addr, jurors.get(0)).drawJury(claimId, RegistryHolders.forDraw(chain.web3j(), plan, addr, claimId)).send();
            @SuppressWarnings("unchecked")
            List<String> panel = plan.juryOf(claimId).send().component5();
            assertEquals(jurors.stream().map(Credentials::getAddress).sorted().toList(), panel.stream().sorted().toList());

            // commit: 4 of 5 jurors reject, 1 approves; nobody can read the votes yet
            boolean[] votes = {false, false, true, false, false};
            for (int i = 0; i < jurors.size(); i++) {
                byte[] salt = ProtocolDeployment.hash("salt-" + i);
                byte[] commitment = plan.commitmentOf(claimId, jurors.get(i).getAddress(), votes[i], salt).send();
                d.as(addr, jurors.get(i)).commitVote(claimId, commitment).send();
            }
            d.advance(ProtocolDeployment.WINDOW);
            BigInteger pointsBefore = plan.memberOf(jurors.get(0).getAddress()).send().points;
            for (int i = 0; i < jurors.size(); i++) {
                d.as(addr, jurors.get(i)).revealVote(claimId, votes[i], ProtocolDeployment.hash("salt-" + i)).send();
            }
            d.advance(ProtocolDeployment.WINDOW);

            BigInteger reserveBefore = plan.reserve().send();
            BigInteger jurorBefore = plan.memberOf(jurors.get(0).getAddress()).send().balance;
            TransactionReceipt finalized = d.as(addr, jurors.get(0)).finalize(claimId).send();
            AidPool.DisputeResolvedEventResponse verdict = AidPool.getDisputeResolvedEvents(finalized).get(0);
            assertFalse(verdict.approved);
            assertEquals(BigInteger.ONE, verdict.votesFor);
            assertEquals(BigInteger.valueOf(4), verdict.votesAgainst);
            assertEquals(1, AidPool.getClaimDeniedEvents(finalized).size());
            assertTrue(AidPool.getClaimPaidEvents(finalized).isEmpty());
            assertEquals(BigInteger.valueOf(6), plan.claimOf(claimId).send().status, "DENIED");

            // bonds: the challenger gets its own back, credited to its free balance (pull); the claimant's bond
            // is shared by the four jurors of the majority (2.5 each), who collect it (pull); reserve untouched
            for (int i = 0; i < jurors.size(); i++) {
                if (!votes[i]) {
                    d.as(addr, jurors.get(i)).collectJuryReward(claimId).send();
                }
            }
            d.as(addr, challenger).withdraw(ProtocolDeployment.CHALLENGE_BOND).send();
            assertEquals(challengerBefore, d.balanceOf(challenger.getAddress()));
            assertEquals(jurorBefore.add(usd("2.5")), plan.memberOf(jurors.get(0).getAddress()).send().balance);
            assertEquals(claimantBefore.subtract(ProtocolDeployment.CLAIM_BOND), d.balanceOf(claimant.getAddress()));
            assertEquals(reserveBefore, plan.reserve().send());
            assertEquals(BigInteger.ZERO, plan.bondsHeld().send());
            // jurors earned points for revealing
            assertEquals(pointsBefore.add(BigInteger.valueOf(5)), plan.memberOf(jurors.get(0).getAddress()).send().points);
            assertTrue(ProtocolDeployment.solvent(plan));
        }
    }
}
