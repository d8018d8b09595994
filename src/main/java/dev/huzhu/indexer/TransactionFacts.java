package dev.huzhu.indexer;

import java.util.HashSet;
import java.util.Set;

/**
 * What earlier events of the transaction being projected said about its members, for the events
 * whose meaning depends on their place in the transaction (events of one transaction are always
 * projected together and in order, also in a replay):
 * <ul>
 * <li>a PREPAID {@code ContributionCharged} after the member's {@code Deposited} in a {@code deposit}
 * (no {@code MemberJoined}) pays arrears late and earns no point; before it, or in a join, it is on time;
 * <li>a COST_SHARING {@code MemberLapsed} after the member's {@code Deposited}/{@code Withdrawn} comes from
 * re-filing their cover (the contract takes them out of activeMembers at once); any other comes from a
 * settlement (the next roll-over, {@code PeriodStarted}, counts them out).
 * </ul>
 */
final class TransactionFacts {
    private String tx;
    private final Set<String> joined = new HashSet<>();
    private final Set<String> balanceMoved = new HashSet<>();

    /** Starts a new transaction's facts when {@code e} belongs to another transaction than the last one. */
    void see(DecodedEvent e) {
        if (!e.txHash().equals(tx)) {
            tx = e.txHash();
            joined.clear();
            balanceMoved.clear();
        }
    }

    void joined(String plan, String member) {
        joined.add(plan + member);
    }

    void balanceMoved(String plan, String member) {
        balanceMoved.add(plan + member);
    }

    /** Whether a ContributionCharged of {@code member} now is on time (earns a point per period). */
    boolean chargedOnTime(String plan, String member) {
        return !balanceMoved.contains(plan + member) || joined.contains(plan + member);
    }

    /** Whether a MemberLapsed of {@code member} now follows a deposit or withdrawal that re-filed their cover. */
    boolean afterBalanceMove(String plan, String member) {
        return balanceMoved.contains(plan + member);
    }
}
