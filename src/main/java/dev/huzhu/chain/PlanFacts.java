package dev.huzhu.chain;

import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.TokenInfo;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.SolidityEnum;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.datatypes.Type;

/**
 * A plan's rules and current figures, read in one go (for show, list and compare), with its token
 * as the token says it is ({@link TokenInfo}: the address stands for a symbol the token does not
 * give, and amounts stay in base units when it does not give its decimals).
 */
public record PlanFacts(int id, String address, AidPool.Rules rules, Category category, ContributionModel model, TokenInfo token,
        BigInteger feeBps, boolean paused, BigInteger reserve, BigInteger totalBalances, BigInteger activeMembers,
        BigInteger claimCount, BigInteger ratingTimes100, BigInteger ratingCount, BigInteger createdAt) {

    public static PlanFacts read(PlanDirectory directory, int id, String address, Erc20Lookup tokens) {
        AidPool p = directory.plan(address, null);
        // one round trip for all the plan's views
        List<List<Type>> v = new CallBatch(directory.web3j()).add(address, p.rules()).add(address, p.averageRating())
                .add(address, p.planInfo()).add(address, p.feeBps()).add(address, p.paused()).add(address, p.reserve())
                .add(address, p.totalBalances()).add(address, p.activeMembers()).add(address, p.claimCount()).send();
        AidPool.Rules r = (AidPool.Rules) v.get(0).get(0);
        r.asset = Address.checksum(r.asset);
        r.feeReceiver = Address.checksum(r.feeReceiver);
        r.guardian = Address.checksum(r.guardian);
        Erc20Token token = tokens.token(r.asset);
        return new PlanFacts(id, address, r, SolidityEnum.of(Category.class, r.category), SolidityEnum.of(ContributionModel.class, r.model), token.info(),
                num(v.get(3)), (Boolean) v.get(4).get(0).getValue(), num(v.get(5)), num(v.get(6)), num(v.get(7)), num(v.get(8)),
                num(v.get(1)), (BigInteger) v.get(1).get(1).getValue(), num(v.get(2)));
    }

    private static BigInteger num(List<Type> values) {
        return (BigInteger) values.get(0).getValue();
    }

    /** "12.5 DAI", or "7 units of 0xAbC…" when the token does not give its decimals. */
    public String amount(BigInteger units) {
        return token.format(units);
    }

    /** The token's symbol (its address when it has none). */
    public String symbol() {
        return token.symbol();
    }

    /**
     * The token as listings show it: its symbol with the short address ("mUSD 0x5FbD…0aa3"), since anyone can
     * deploy a token called "mUSD": the address tells two plans' tokens apart, the symbol does not.
     */
    public String tokenText() {
        String a = token.address();
        String shortAddress = a.length() > 12 ? a.substring(0, 6) + "…" + a.substring(a.length() - 4) : a;
        return token.symbol().equalsIgnoreCase(a) ? shortAddress : token.symbol() + " " + shortAddress;
    }

    /** The contribution per period (PREPAID) or the share cap per period (COST_SHARING), in words. */
    public String contributionText() {
        return model == ContributionModel.PREPAID ? amount(rules.contribution) + " / " + Durations.format(rules.period.longValue())
                : "≤ " + amount(rules.shareCapPerPeriod) + " / " + Durations.format(rules.period.longValue());
    }

    public String ratingText() {
        return ratingCount.signum() == 0 ? "-" : String.format(Locale.ROOT, "%.1f★ (%d)", ratingTimes100.doubleValue() / 100, ratingCount);
    }

    /** Looks tokens up once per command. */
    public interface Erc20Lookup {
        Erc20Token token(String address);
    }
}
