package dev.huzhu.protocol;

import dev.huzhu.chain.ChainConnection;
import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;

/**
 * A fresh deployment and a prepaid plan for the page's wallet test: 20 mUSD a period, 30-day waiting
 * period, 3-day windows, 2 of 3 assessors, a 10 mUSD claim bond; the member holds 1,000 mUSD and has
 * approved nothing (the page asks for every approval).
 */
public final class WalletPlan {
    public record Setup(String factory, String plan, String member, List<String> assessors) {}

    private WalletPlan() {}

    /** accounts[0] operator, [1..3] assessors, [4] the member. */
    public static Setup create(ChainConnection chain, List<Credentials> accounts) throws Exception {
        ProtocolDeployment d = new ProtocolDeployment(chain, accounts.get(0), accounts.subList(1, 4));
        String plan = d.createPlan(d.rules(ProtocolDeployment.PREPAID, ProtocolDeployment.usd("20"), BigInteger.ZERO)).getContractAddress();
        String member = accounts.get(4).getAddress();
        d.token.mint(member, ProtocolDeployment.usd("1000")).send();
        return new Setup(d.factory.getContractAddress(), plan, member, d.assessors.stream().map(Credentials::getAddress).toList());
    }
}
