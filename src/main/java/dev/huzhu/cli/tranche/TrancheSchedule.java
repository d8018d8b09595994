package dev.huzhu.cli.tranche;

import dev.huzhu.chain.NetworkException;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.protocol.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An EDUCATION claim's schedule as the escrow holds it: the institution, each term's tranche
 * (amounts from the escrow's own trancheAmount view) and where each term stands.
 */
public record TrancheSchedule(String institution, int tranches, long termLength, long startedAt, int released, boolean stopped,
                              BigInteger total, BigInteger releasedAmount, BigInteger returnedAmount, List<Term> terms) {

    /** One term: its tranche and its state (released, open, waiting, stopped). */
    public record Term(int index, BigInteger amount, String state, long opensAt) {}

    /** Reads the schedule of claim {@code claimId}; null when no institution was named. */
    public static TrancheSchedule read(PlanAction p, BigInteger claimId) {
        PlanEscrow.of(p, p.plan()); // one line when the plan is not an EDUCATION plan
        return read(p.chain(), p.pool(p.plan()), p.plan(), claimId);
    }

    /** Reads the schedule of claim {@code claimId} of the EDUCATION plan {@code pool}; null when no institution was named. */
    public static TrancheSchedule read(dev.huzhu.cli.ChainContext chain, dev.huzhu.contracts.AidPool pool, String plan, BigInteger claimId) {
        TrancheEscrow escrow = PlanEscrow.at(chain, plan, plan);
        TrancheEscrow.Schedule s = PlanEscrow.schedule(escrow, claimId, plan);
        if (new BigInteger(s.institution.substring(2), 16).signum() == 0) {
            return null;
        }
        try {
            BigInteger total = s.total;
            if (total.signum() == 0) { // before the first release: what the plan granted, else what was asked
                var payment = pool.claimPayment(claimId).send();
                total = payment.component1().add(payment.component2());
                if (total.signum() == 0) {
                    total = pool.claimOf(claimId).send().amount;
                }
            }
            int n = s.tranches.intValue();
            int released = s.released.intValue();
            long started = s.startedAt.longValue();
            List<Term> terms = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                BigInteger amount = escrow.trancheAmount(total, BigInteger.valueOf(n), BigInteger.valueOf(k)).send();
                long opensAt = k == 0 || started == 0 ? 0 : escrow.termOpensAt(plan, claimId, BigInteger.valueOf(k)).send().longValue();
                String state = k < released ? "released" : s.stopped ? "stopped" : k == released ? "next" : "waiting";
                terms.add(new Term(k, amount, state, opensAt));
            }
            return new TrancheSchedule(Address.checksum(s.institution), n, s.termLength.longValue(), started, released, s.stopped,
                    total, s.releasedAmount, s.returnedAmount, terms);
        } catch (NetworkException e) {
            throw e;
        } catch (Exception e) {
            throw new NetworkException("cannot read the claim's schedule: " + e.getMessage(), e);
        }
    }

    /** Lines for people, indented under a claim. */
    public List<String> lines(PlanAction p) {
        return lines(p.token());
    }

    /** Lines for people, amounts in {@code token}'s units. */
    public List<String> lines(dev.huzhu.chain.Erc20Token token) {
        List<String> out = new ArrayList<>();
        out.add(String.format("  institution %s (paid in %d tranche%s%s)", institution, tranches, tranches == 1 ? "" : "s",
                termLength == 0 ? "" : ", one per " + termLength / 86_400 + "-day term"));
        out.add(String.format("  released    %s of %s in %d of %d terms%s", token.format(releasedAmount), token.format(total), released, tranches,
                stopped ? "; stopped, " + token.format(returnedAmount) + " back to the reserve" : ""));
        for (Term t : terms) {
            String when = t.opensAt == 0 ? "" : " (opens " + Timestamps.format(t.opensAt) + ")";
            out.add(String.format("  term %-2d     %s  %s%s", t.index + 1, token.format(t.amount), t.state, t.state.equals("released") ? "" : when));
        }
        return out;
    }

    /** The schedule for --json (amounts in token units). */
    public Map<String, Object> json(PlanAction p) {
        return json(p.token());
    }

    /** The schedule for --json, amounts in {@code token}'s units. */
    public Map<String, Object> json(dev.huzhu.chain.Erc20Token token) {
        return Json.object("institution", institution, "tranches", tranches, "termLength", termLength, "startedAt", startedAt,
                "released", released, "stopped", stopped, "total", units(token, total), "releasedAmount", units(token, releasedAmount),
                "returnedAmount", units(token, returnedAmount),
                "terms", terms.stream().map(t -> Json.object("term", t.index + 1, "amount", units(token, t.amount), "state", t.state,
                        "opensAt", t.opensAt)).toList());
    }

    private static String units(dev.huzhu.chain.Erc20Token token, BigInteger amount) {
        return token.format(amount).split(" ")[0];
    }
}
