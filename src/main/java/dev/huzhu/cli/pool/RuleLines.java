package dev.huzhu.cli.pool;

import dev.huzhu.chain.Durations;
import dev.huzhu.cli.output.Words;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.TokenInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * A plan's rules in words, one {label, text} row each: what `pool create` shows before asking to send
 * (they are fixed forever) and what `pool show` prints.
 */
final class RuleLines {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    /** The jury module's panel when the rules say 0 (Jury.DEFAULT_PANEL). */
    private static final int DEFAULT_PANEL = 5;

    private RuleLines() {}

    static List<String[]> of(AidPool.Rules r, Category category, ContributionModel model, TokenInfo token) {
        String period = Durations.format(r.period.longValue());
        List<String[]> rows = new ArrayList<>();
        rows.add(row("category", category.label() + ", " + model.label()
                + (model == ContributionModel.PREPAID ? " (contributions build a reserve that pays claims)" : " (each claim is shared among the members)")));
        rows.add(row("token", token.symbol() + " " + Address.checksum(r.asset)));
        if (model == ContributionModel.PREPAID) {
            rows.add(row("contribution", token.format(r.contribution) + " per " + period + " period, grace " + Durations.format(r.gracePeriod.longValue())));
        } else {
            rows.add(row("share cap", "at most " + token.format(r.shareCapPerPeriod) + " per member per " + period + " period"));
        }
        rows.add(row("service fee", fee(r.feeBps) + " to " + Address.checksum(r.feeReceiver)));
        rows.add(row("max payout", token.format(r.maxPayoutPerClaim) + " per claim, " + token.format(r.maxPayoutPerMemberPerYear) + " per member per year"));
        rows.add(row("waiting period", Durations.format(r.waitingPeriod.longValue()) + " from joining before a claim"));
        rows.add(row("filing window", "a loss must be claimed within " + Durations.format(r.filingWindow.longValue())));
        rows.add(row("windows", "assessment " + Durations.format(r.assessmentWindow.longValue()) + ", public notice " + Durations.format(r.noticeWindow.longValue())
                + ", jury " + Durations.format(r.juryWindow.longValue()) + " commit + " + Durations.format(r.juryWindow.longValue()) + " reveal"));
        rows.add(row("bonds", "claim " + token.format(r.claimBond) + ", challenge/appeal " + token.format(r.challengeBond)));
        int panel = r.panelSize.intValue() == 0 ? DEFAULT_PANEL : r.panelSize.intValue();
        rows.add(row("jury", Words.count(panel, "juror") + " per dispute, juror deposit " + token.format(r.jurorDeposit)));
        rows.add(row("assessors", r.quorum + " of " + r.assessors.size() + " must approve: "
                + String.join(", ", r.assessors.stream().map(Address::checksum).toList())));
        rows.add(row("guardian", r.guardian.equalsIgnoreCase(ZERO) ? "none (never pausable)" : Address.checksum(r.guardian) + " (may pause new joins and claims)"));
        rows.add(row("wind-down", r.minMembers.signum() == 0 ? "never closes for lack of members"
                : "anyone may close it after " + r.floorPeriods + " periods below " + Words.count(r.minMembers.longValue(), "member")));
        rows.add(row("rules hash", Numeric.toHexString(r.rulesHash)
                + (new BigInteger(1, r.rulesHash).signum() == 0 ? " (no rules file)" : "")));
        return rows;
    }

    /** 0 -> "none", 150 -> "1.5% (150 bps)". */
    static String fee(BigInteger bps) {
        if (bps.signum() == 0) {
            return "none (0 bps)";
        }
        return new java.math.BigDecimal(bps).movePointLeft(2).stripTrailingZeros().toPlainString() + "% (" + bps + " bps)";
    }

    private static String[] row(String label, String text) {
        return new String[] {label, text};
    }
}
