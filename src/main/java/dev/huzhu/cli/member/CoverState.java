package dev.huzhu.cli.member;

import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.SolidityEnum;

/**
 * A member's cover as the contract will see it at the next settlement, not as last stored: a stored
 * paid-through date in the past with a balance that pays the periods since is still covered (the
 * charge is only applied by the next action), so "lapsing" means what it says: unpaid, inside the grace.
 *
 * @param status not a member, not active (left or lapsed on chain), waiting, covered, lapsing (PREPAID:
 *     unpaid, inside the grace period), lapsed (unpaid past the grace, or a cost-sharing cover that ended)
 * @param coveredUntil when cover ends as things stand (0 when none)
 * @param graceEnds PREPAID lapsing: the last moment a deposit keeps the membership (0 otherwise)
 */
record CoverState(String status, long coveredUntil, long graceEnds) {
    static CoverState of(AidPool.Member m, AidPool.Rules r, long now) {
        if (m.joinedAt.signum() == 0) {
            return new CoverState("not a member", 0, 0);
        }
        if (!m.active) {
            return new CoverState("not active", 0, 0);
        }
        long eligibleAt = m.joinedAt.longValue() + r.waitingPeriod.longValue();
        long until = m.paidThrough.longValue();
        ContributionModel model = SolidityEnum.of(ContributionModel.class, r.model);
        if (model == ContributionModel.PREPAID && until <= now && r.contribution.signum() > 0) {
            // what the next settlement charges: every started period, as far as the balance goes (AidPool._duePeriods)
            long period = r.period.longValue();
            long due = (now - until) / period + 1;
            long payable = Math.min(due, m.balance.divide(r.contribution).longValue());
            until += payable * period;
        }
        if (until <= now) {
            long graceEnds = until + r.gracePeriod.longValue();
            boolean inGrace = model == ContributionModel.PREPAID && now < graceEnds;
            return new CoverState(inGrace ? "lapsing" : "lapsed", 0, inGrace ? graceEnds : 0);
        }
        if (model == ContributionModel.PREPAID && r.contribution.signum() > 0) {
            // paid ahead, and what the balance will pay when the next periods start
            until += m.balance.subtract(settledCharge(m, r, now)).divide(r.contribution).longValue() * r.period.longValue();
        }
        return new CoverState(now < eligibleAt ? "waiting" : "covered", until, 0);
    }

    /** PREPAID: what the next settlement takes from the balance for periods already started. */
    private static java.math.BigInteger settledCharge(AidPool.Member m, AidPool.Rules r, long now) {
        long stored = m.paidThrough.longValue();
        if (stored > now) {
            return java.math.BigInteger.ZERO;
        }
        long due = (now - stored) / r.period.longValue() + 1;
        long payable = Math.min(due, m.balance.divide(r.contribution).longValue());
        return r.contribution.multiply(java.math.BigInteger.valueOf(payable));
    }
}
