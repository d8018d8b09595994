package dev.huzhu.cli.pool;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.CloseReason;
import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.TokenAmount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A plan's wind-down as its views hold it (windDown, closeVotes, activeMembers, owedQueue, rules' floor), for people and scripts. */
record WindDownView(boolean closed, long closedAt, String closeReason, boolean exitsOpen, BigInteger exitPool, long exitShares,
                    long closeRound, long closeVotes, long activeMembers, long belowFloorSince, long minMembers, long floorPeriods,
                    long owedClaims, BigInteger owedTotal) {

    static WindDownView read(AidPool pool, AidPool.Rules rules) {
        var w = Calls.get(pool.windDown());
        var v = Calls.get(pool.closeVotes());
        var q = Calls.get(pool.owedQueue());
        return new WindDownView(w.component1(), w.component2().longValue(),
                w.component1() ? SolidityEnum.of(CloseReason.class, w.component3()).label() : null, w.component4(), w.component5(),
                w.component6().longValue(), v.component1().longValue(), v.component2().longValue(), Calls.get(pool.activeMembers()).longValue(),
                v.component3().longValue(), rules.minMembers.longValue(), rules.floorPeriods.longValue(),
                q.component2().subtract(q.component1()).longValue(), q.component3());
    }

    Map<String, Object> json(Erc20Token token) {
        return Json.object("closed", closed, "closedAt", closed ? closedAt : null, "closeReason", closeReason, "exitsOpen", exitsOpen,
                "exitPool", units(token, exitPool), "exitShares", exitShares, "closeRound", closeRound, "closeVotes", closeVotes,
                "activeMembers", activeMembers, "minMembers", minMembers, "floorPeriods", floorPeriods,
                "owedClaims", owedClaims, "owedTotal", units(token, owedTotal));
    }

    List<String> lines(Erc20Token token) {
        List<String> out = new ArrayList<>();
        out.add("  state        " + (closed ? "closed " + Timestamps.format(closedAt) + " (" + closeReason + ")" : "open"));
        if (!closed) {
            out.add("  close votes  " + (closeRound == 0 ? "none" : closeVotes + " in round " + closeRound) + " of " + activeMembers
                    + " covered members (closes when more than half vote within one period)");
            out.add("  floor        " + (minMembers == 0 ? "none" : minMembers + " covered members, closes after " + floorPeriods + " period(s) below"));
        } else if (exitsOpen) {
            out.add("  exits        open: " + token.format(exitPool) + " of the reserve left for " + exitShares
                    + " member(s) still to leave (each takes an equal share with their balance)");
        } else {
            out.add("  exits        not open yet: huzhu pool wind-down PLAN --prepare (anyone; every claim must be final)");
        }
        out.add("  owed         " + (owedClaims == 0 ? "nothing" : token.format(owedTotal) + " to " + owedClaims + " claim(s), paid first in first out"));
        return out;
    }

    static String units(Erc20Token token, BigInteger amount) {
        return token.info().known() ? TokenAmount.format(amount, token.info().decimals()) : amount.toString();
    }
}
