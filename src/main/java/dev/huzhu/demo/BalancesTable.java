package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.MockUSD;
import java.io.PrintStream;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.tx.ReadonlyTransactionManager;

/** Prints the closing table: every member's wallet and plan balance, the plan's reserve, fees and bonds. */
public final class BalancesTable {
    private BalancesTable() {}

    public static void print(ChainConnection chain, DemoScenario.Cast cast, DemoScenario.Outcome outcome, PrintStream out)
            throws Exception {
        var ro = new ReadonlyTransactionManager(chain.web3j(), cast.operator().getAddress());
        MockUSD usd = MockUSD.load(outcome.tokenAddress(), chain.web3j(), ro, chain.gasProvider());
        AidPool pool = AidPool.load(outcome.poolAddress(), chain.web3j(), ro, chain.gasProvider());
        out.println();
        out.printf("%-44s %14s %14s  %s%n", "member", "wallet mUSD", "in plan mUSD", "status");
        for (Credentials m : cast.members()) {
            AidPool.Member acct = pool.memberOf(m.getAddress()).send();
            String status = acct.active ? "active" : "lapsed";
            if (m.equals(cast.claimant())) {
                status += ", claim #" + outcome.claimId() + " paid";
            }
            out.printf("%-44s %14s %14s  %s%n", Keys.toChecksumAddress(m.getAddress()), DemoScenario.fmt(usd.balanceOf(m.getAddress()).send()),
                    DemoScenario.fmt(acct.balance), status);
        }
        BigInteger reserve = pool.reserve().send();
        out.printf("%-44s %14s %14s%n", "plan reserve (互助金)", "", DemoScenario.fmt(reserve));
        out.printf("%-44s %14s %14s%n", "service fees owed to the operator", "", DemoScenario.fmt(pool.feesOwed().send()));
        out.printf("%-44s %14s %14s%n", "bonds held", "", DemoScenario.fmt(pool.bondsHeld().send()));
        out.printf("%-44s %14s%n", "plan token balance", DemoScenario.fmt(usd.balanceOf(outcome.poolAddress()).send()));
    }
}
