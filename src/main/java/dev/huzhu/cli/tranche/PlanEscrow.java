package dev.huzhu.cli.tranche;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.contracts.AidPoolHousekeeping;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.InvalidInputException;
import java.math.BigInteger;

/** The tranche escrow of an EDUCATION plan (AidPoolHousekeeping.trancheEscrow(), read through the plan). */
public final class PlanEscrow {
    private PlanEscrow() {}

    /** Whether the plan of {@code p} is an EDUCATION plan. */
    public static boolean education(PlanAction p) {
        return p.rules().category.intValue() == Category.EDUCATION.ordinal();
    }

    /** The escrow as seen by {@code from}; one clear line when the plan is not an EDUCATION plan. */
    public static TrancheEscrow of(PlanAction p, String from) {
        if (!education(p)) {
            throw new InvalidInputException("plan " + p.plan() + " is not an EDUCATION plan: it pays claims to the member, not in tranches");
        }
        return at(p.chain(), p.plan(), from);
    }

    /** The escrow behind {@code plan} (any plan of this deployment names the same one). */
    public static TrancheEscrow at(ChainContext chain, String plan, String from) {
        try {
            String address = AidPoolHousekeeping.load(plan, chain.web3j(), chain.reader(from), chain.gas()).trancheEscrow().send();
            return TrancheEscrow.load(address, chain.web3j(), chain.reader(from), chain.gas());
        } catch (Exception e) {
            throw new NetworkException("cannot read the plan's tranche escrow: " + e.getMessage(), e);
        }
    }

    /** A claim's schedule as the escrow stores it. */
    public static TrancheEscrow.Schedule schedule(TrancheEscrow escrow, BigInteger claimId, String plan) {
        try {
            return escrow.scheduleOf(plan, claimId).send();
        } catch (Exception e) {
            throw new NetworkException("cannot read the claim's schedule: " + e.getMessage(), e);
        }
    }
}
