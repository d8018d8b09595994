package dev.huzhu.web;

import java.math.BigInteger;
import java.util.Map;

/**
 * What a member could withdraw at the indexed block, computed as the plan's {@code withdrawable(member)}
 * view does: a former member's whole balance; a COST_SHARING member's balance minus the shares due
 * since their last settlement; a PREPAID member's balance minus the contributions due at that time —
 * every period started since their paid-through date (up to the closing time of a closed plan), as
 * far as the balance goes.
 */
final class Withdrawable {
    private Withdrawable() {}

    /**
     * @param member a row with balance, status, sharesDue, paidThrough (camelCase, amounts as decimal strings)
     * @param plan   the plan's model, contribution, periodSeconds, closed, closedAt
     * @param now    the indexed block's time (null: unknown, then PREPAID dues are not computed)
     */
    static String of(Map<String, Object> member, Map<String, Object> plan, Long now) {
        BigInteger balance = amount(member.get("balance"));
        if (!"active".equals(member.get("status"))) {
            return balance.toString();
        }
        if ("COST_SHARING".equals(plan.get("model"))) {
            return balance.subtract(amount(member.get("sharesDue"))).toString();
        }
        BigInteger contribution = amount(plan.get("contribution"));
        Object period = plan.get("periodSeconds");
        Object paidThrough = member.get("paidThrough");
        if (now == null || contribution.signum() == 0 || !(period instanceof Number p) || p.longValue() <= 0 || !(paidThrough instanceof Number pt)) {
            return balance.toString();
        }
        long time = Boolean.TRUE.equals(plan.get("closed")) && plan.get("closedAt") instanceof Number c ? c.longValue() : now;
        if (pt.longValue() > time) {
            return balance.toString();
        }
        BigInteger due = BigInteger.valueOf((time - pt.longValue()) / p.longValue() + 1).min(balance.divide(contribution));
        return balance.subtract(due.multiply(contribution)).toString();
    }

    private static BigInteger amount(Object v) {
        return v == null ? BigInteger.ZERO : new java.math.BigDecimal(v.toString()).toBigInteger();
    }
}
