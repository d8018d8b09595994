package dev.huzhu.cli.claim;

import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.DisputeKind;
import dev.huzhu.protocol.ClaimStatus;
import dev.huzhu.protocol.Address;
import dev.huzhu.chain.Calls;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.protocol.TokenAmount;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** A claim's state as people and scripts read it. */
final class ClaimView {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private ClaimView() {}

    static AidPool.Claim read(PlanAction p, BigInteger id) {
        AidPool.Claim c = Calls.get(p.pool(null).claimOf(id));
        if (c.status.signum() == 0) {
            throw new NotFoundException("there is no claim #" + id + " in plan " + p.plan());
        }
        return c;
    }

    static String status(AidPool.Claim c) {
        return SolidityEnum.of(ClaimStatus.class, c.status).label();
    }

    static String dispute(AidPool.Claim c) {
        return SolidityEnum.of(DisputeKind.class, c.dispute).label();
    }

    /** What the deadline means in this state, and when. */
    static String deadline(PlanAction p, AidPool.Claim c) {
        long d = c.deadline.longValue();
        return switch (status(c)) {
            case "submitted" -> "assessment ends " + dev.huzhu.chain.Timestamps.format(d);
            case "approved" -> "public notice ends " + dev.huzhu.chain.Timestamps.format(d) + " (then anyone can finalize: paid)";
            case "rejected" -> "appeal possible until " + dev.huzhu.chain.Timestamps.format(d) + " (then finalize: denied)";
            case "disputed" -> "jury commits until " + dev.huzhu.chain.Timestamps.format(d) + ", reveals until "
                    + dev.huzhu.chain.Timestamps.format(d + p.rules().juryWindow.longValue());
            default -> "closed";
        };
    }

    static Map<String, Object> json(PlanAction p, BigInteger id, AidPool.Claim c) {
        return Json.object("claimId", id.longValue(), "claimant", Address.checksum(c.claimant),
                "amount", p.token().info().known() ? TokenAmount.format(c.amount, p.token().info().decimals()) : c.amount.toString(), "status", status(c),
                "dispute", dispute(c), "approvals", c.approvals.intValue(), "rejections", c.rejections.intValue(),
                "juryFor", c.juryFor.intValue(), "juryAgainst", c.juryAgainst.intValue(), "submittedAt", c.submittedAt.longValue(),
                "deadline", c.deadline.longValue(), "challenger", c.challenger.equalsIgnoreCase(ZERO) ? null : Address.checksum(c.challenger),
                "paid", units(p, c.paid), "owed", units(p, c.owed));
    }

    /** An amount for --json: token units with the plan token's decimals, or base units when decimals() reverts. */
    static String units(PlanAction p, BigInteger amount) {
        return p.token().info().known() ? TokenAmount.format(amount, p.token().info().decimals()) : amount.toString();
    }

    /**
     * What a claim has been paid and still owes (claimOf: as claimPayment), in words; null before it is paid.
     * "266 mUSD paid, 734 mUSD owed (paid first in first out as money arrives)".
     */
    static String payment(PlanAction p, AidPool.Claim c) {
        if (!"paid".equals(status(c))) {
            return null;
        }
        return p.token().format(c.paid) + " paid" + (c.owed.signum() == 0 ? ", nothing owed"
                : ", " + p.token().format(c.owed) + " owed (paid first in first out as money arrives: payOwed, later finalizes)");
    }
}
