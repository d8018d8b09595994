package dev.huzhu.cli.pool;

import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.PlanFacts;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.output.Json;
import java.util.HashMap;
import java.util.Map;

/** Reads plans for list / show / compare, looking each token up once. */
final class PlanReads {
    final ChainContext chain;
    final Deployment deployment;
    final PlanDirectory directory;
    private final Map<String, Erc20Token> tokens = new HashMap<>();

    PlanReads(ChainContext chain) {
        this.chain = chain;
        this.deployment = chain.deployment();
        this.directory = new PlanDirectory(chain.web3j(), deployment.address(Deployment.FACTORY));
    }

    PlanFacts facts(int id, String address) {
        return PlanFacts.read(directory, id, address, a -> tokens.computeIfAbsent(a, x -> new Erc20Token(chain.web3j(), x)));
    }

    static String units(PlanFacts f, java.math.BigInteger v) {
        return f.token().known() ? TokenAmount.format(v, f.token().decimals()) : v.toString(); // base units when the token has no decimals()
    }

    /** The JSON object of one plan (docs/cli.md, "pool list"). */
    static Map<String, Object> json(PlanFacts f) {
        return Json.object("id", f.id(), "address", f.address(), "category", f.category().label(), "model", f.model().label(),
                "asset", f.rules().asset, "symbol", f.symbol(), "decimals", f.token().known() ? f.token().decimals() : null,
                "contribution", units(f, f.rules().contribution), "shareCapPerPeriod", units(f, f.rules().shareCapPerPeriod),
                "periodSeconds", f.rules().period.longValue(), "feeBps", f.feeBps().intValue(),
                "maxPayoutPerClaim", units(f, f.rules().maxPayoutPerClaim),
                "maxPayoutPerMemberPerYear", units(f, f.rules().maxPayoutPerMemberPerYear),
                "waitingPeriodSeconds", f.rules().waitingPeriod.longValue(), "members", f.activeMembers().longValue(),
                "reserve", units(f, f.reserve()), "claims", f.claimCount().longValue(), "paused", f.paused(),
                "rating", f.ratingCount().signum() == 0 ? null : f.ratingTimes100().doubleValue() / 100,
                "ratings", f.ratingCount().longValue());
    }
}
