package dev.huzhu.chain;

import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.web3j.tuples.generated.Tuple2;

/** A plan's rules and current figures, read in one go (for show, list and compare). */
public record PlanFacts(int id, String address, AidPool.Rules rules, String category, String model, String symbol, int decimals,
        BigInteger feeBps, boolean paused, BigInteger reserve, BigInteger totalBalances, BigInteger activeMembers,
        BigInteger claimCount, BigInteger ratingTimes100, BigInteger ratingCount, BigInteger createdAt) {

    public static final List<String> CATEGORIES = List.of("medical", "education", "disaster", "shared-purchase", "other");
    public static final List<String> MODELS = List.of("prepaid", "cost-sharing");

    public static PlanFacts read(PlanDirectory directory, int id, String address, Erc20Lookup tokens) {
        AidPool p = directory.plan(address, null);
        AidPool.Rules r = Calls.get(p.rules());
        r.asset = Addresses.checksum(r.asset);
        r.feeReceiver = Addresses.checksum(r.feeReceiver);
        r.guardian = Addresses.checksum(r.guardian);
        Erc20Token token = tokens.token(r.asset);
        Tuple2<BigInteger, BigInteger> rating = Calls.get(p.averageRating());
        Tuple2<BigInteger, String> info = Calls.get(p.planInfo());
        return new PlanFacts(id, address, r, name(CATEGORIES, r.category), name(MODELS, r.model), token.symbol(), token.decimals(),
                Calls.get(p.feeBps()), Calls.get(p.paused()), Calls.get(p.reserve()), Calls.get(p.totalBalances()),
                Calls.get(p.activeMembers()), Calls.get(p.claimCount()), rating.component1(), rating.component2(), info.component1());
    }

    private static String name(List<String> names, BigInteger i) {
        return i.intValue() < names.size() ? names.get(i.intValue()) : i.toString();
    }

    public String amount(BigInteger units) {
        return TokenAmount.format(units, decimals) + " " + symbol;
    }

    /** The contribution per period (PREPAID) or the share cap per period (COST_SHARING), in words. */
    public String contributionText() {
        return model.equals("prepaid") ? amount(rules.contribution) + " / " + Durations.format(rules.period.longValue())
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
