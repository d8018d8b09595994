package dev.huzhu.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.chain.DevAccounts;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.devnet.HardhatNode;
import dev.huzhu.devnet.HardhatNodeExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.tx.ReadonlyTransactionManager;

/** The demo scenario against a real Hardhat node, checked through the wrappers: balances, state, events. */
@ExtendWith(HardhatNodeExtension.class)
class DemoScenarioIT {

    @Test
    void claimIsApprovedAndPaidFromTheReserve(HardhatNode node, @org.junit.jupiter.api.io.TempDir java.nio.file.Path store) throws Exception {
        try (ChainConnection chain = ChainConnection.open(node.rpcUrl())) {
            DemoScenario.Cast cast = DemoScenario.Cast.of(DevAccounts.first(10));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoScenario.Outcome outcome = new DemoScenario(chain, cast, new PrintStream(printed, true, StandardCharsets.UTF_8), store).run();

            var ro = new ReadonlyTransactionManager(chain.web3j(), cast.passerBy().getAddress());
            MockUSD usd = MockUSD.load(outcome.tokenAddress(), chain.web3j(), ro, chain.gasProvider());
            AidPool pool = AidPool.load(outcome.poolAddress(), chain.web3j(), ro, chain.gasProvider());
            Credentials claimant = cast.claimant();

            // the payout's decoded event names the claim, the claimant and the amount
            List<AidPool.ClaimPaidEventResponse> paid = AidPool.getClaimPaidEvents(outcome.payout());
            assertEquals(1, paid.size());
            assertEquals(outcome.claimId(), paid.get(0).claimId);
            assertEquals(claimant.getAddress(), paid.get(0).claimant);
            assertEquals(DemoScenario.CLAIM, paid.get(0).amount);

            // the plan is a clone registered by the factory
            AidPoolFactory factory = AidPoolFactory.load(outcome.factoryAddress(), chain.web3j(), ro, chain.gasProvider());
            assertTrue(factory.isPlan(outcome.poolAddress()).send());
            assertEquals(List.of(outcome.poolAddress()), factory.plansByCategory(DemoScenario.MEDICAL, BigInteger.ZERO, BigInteger.TEN).send());
            assertEquals(DemoScenario.CONTRIBUTION, pool.rules().send().contribution);

            AidPool.Claim claim = pool.claimOf(outcome.claimId()).send();
            assertEquals(BigInteger.valueOf(5), claim.status, "claim state is PAID");
            assertEquals(2, claim.approvals.intValue());
            List<AidPool.ClaimSubmittedEventResponse> submitted = AidPool.getClaimSubmittedEvents(outcome.submitted());
            // the evidence hash is the sha2-256 of the one ciphertext in the store (docs/privacy.md), not a hash of the invoice
            List<java.nio.file.Path> stored;
            try (var files = java.nio.file.Files.list(store)) {
                stored = files.toList();
            }
            assertEquals(1, stored.size());
            byte[] ciphertext = java.nio.file.Files.readAllBytes(stored.get(0));
            assertEquals(new BigInteger(1, java.security.MessageDigest.getInstance("SHA-256").digest(ciphertext)),
                    new BigInteger(1, submitted.get(0).evidenceHash));
            assertTrue(!new String(ciphertext, StandardCharsets.ISO_8859_1).contains("appendectomy"));
            assertTrue(new String(printed.toByteArray(), StandardCharsets.UTF_8).contains("opened the evidence with its own key"));
            assertEquals(DemoScenario.CLAIM_BOND, submitted.get(0).bond);

            // wallets: 1000 minted, 350 paid in, the claimant got 250 back
            BigInteger minted = DemoScenario.usd("1000");
            BigInteger paidIn = DemoScenario.FIRST_DEPOSIT.add(DemoScenario.TOP_UP);
            assertEquals(minted.subtract(paidIn).add(DemoScenario.CLAIM), usd.balanceOf(claimant.getAddress()).send());
            for (Credentials other : cast.members().subList(1, 5)) {
                assertEquals(minted.subtract(paidIn), usd.balanceOf(other.getAddress()).send());
            }

            // reserve: 5 first contributions + the claimant's second period, less the 1% fee, less the payout
            BigInteger contributions = DemoScenario.CONTRIBUTION.multiply(BigInteger.valueOf(6));
            BigInteger fees = contributions.multiply(BigInteger.valueOf(DemoScenario.FEE_BPS)).divide(BigInteger.valueOf(10_000));
            assertEquals(contributions.subtract(fees).subtract(DemoScenario.CLAIM), pool.reserve().send());
            assertEquals(fees, pool.feesOwed().send());
            assertEquals(BigInteger.ZERO, pool.bondsHeld().send(), "the claim bond went back to the claimant");
            // solvency: token balance = free balances + reserve + fees owed + bonds held
            assertEquals(pool.reserve().send().add(pool.totalBalances().send()).add(pool.feesOwed().send()).add(pool.bondsHeld().send()),
                    usd.balanceOf(outcome.poolAddress()).send());
            assertEquals(5, pool.activeMembers().send().intValue());

            String log = printed.toString(StandardCharsets.UTF_8);
            assertTrue(log.contains("finalized claim #1"), log);
            assertFalse(log.isBlank());
        }
    }
}
