package dev.huzhu.keeper;

import dev.huzhu.chain.CallBatch;
import dev.huzhu.chain.Calls;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.RegistryHolders;
import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.datatypes.Type;

/**
 * The keeper's plan-wide jobs, from each plan's views (one JSON-RPC batch per plan):
 * <ul>
 * <li><b>advance</b> the cover book of a COST_SHARING plan, {@value #ADVANCE_CHUNK} periods per call,
 * when it is more than {@value #MAX_ROLL_PER_PAYOUT} periods behind ({@code sharing().lastPeriod} vs
 * {@code currentPeriod()}): a payout rolls at most that many itself, so further behind an approved
 * claim would wait owed;
 * <li><b>payOwed</b> ({@value #PAY_CHUNK} claims per call) when the owed queue is not empty
 * ({@code owedQueue()}) and its head can be paid: the reserve holds something, or (COST_SHARING,
 * exits not open) members are covered, the book is within reach and the period's share room is left;
 * <li><b>prepareExits</b> ({@value #EXIT_CHUNK} steps per call) of a closed plan whose exits are not
 * open yet ({@code windDown()}).
 * </ul>
 * Each is still sent only when eth_estimateGas passes (a claim not final makes prepareExits revert:
 * skipped with the reason).
 */
public final class PlanJobs implements TaskSource {
    /** PoolStorage.MAX_ROLL_PER_PAYOUT: periods a payout rolls the cover book by itself. */
    static final long MAX_ROLL_PER_PAYOUT = 4;
    /** Periods per advance call: ~2,300 gas each, so about 1.2M gas. */
    static final long ADVANCE_CHUNK = 500;
    static final long PAY_CHUNK = 10;
    static final long EXIT_CHUNK = 200;
    private static final BigInteger COST_SHARING = BigInteger.ONE;

    private final PlanDirectory directory;
    private final Map<String, AidPool.Rules> rules = new HashMap<>();

    public PlanJobs(PlanDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<KeeperTask> tasks(long now) {
        List<KeeperTask> due = new ArrayList<>();
        List<String> plans = directory.all();
        for (int id = 0; id < plans.size(); id++) {
            due.addAll(jobsOf(plans.get(id), id));
        }
        return due;
    }

    /** A plan's state as the views hold it; what the keeper decides from. */
    record PlanState(boolean costSharing, long currentPeriod, long lastPeriod, BigInteger periodShared, BigInteger shareCap,
                     long activeMembers, BigInteger reserve, long owedHead, long owedTail, boolean closed, boolean exitsOpen) {
        long behind() {
            return Math.max(0, currentPeriod - lastPeriod);
        }

        boolean advanceDue() {
            return costSharing && !exitsOpen && behind() > MAX_ROLL_PER_PAYOUT;
        }

        boolean payOwedDue() {
            if (owedHead >= owedTail) {
                return false;
            }
            if (reserve.signum() > 0) {
                return true;
            }
            return costSharing && !exitsOpen && activeMembers > 0 && behind() <= MAX_ROLL_PER_PAYOUT
                    && (behind() > 0 || periodShared.compareTo(shareCap) < 0);
        }

        boolean prepareExitsDue() {
            return closed && !exitsOpen;
        }
    }

    private List<KeeperTask> jobsOf(String plan, int planId) {
        AidPool pool = directory.plan(plan, null);
        AidPool.Rules r = rules.computeIfAbsent(plan, p -> Calls.get(pool.rules()));
        CallBatch batch = new CallBatch(directory.web3j());
        batch.add(plan, pool.currentPeriod()).add(plan, pool.sharing()).add(plan, pool.activeMembers()).add(plan, pool.reserve())
                .add(plan, pool.owedQueue()).add(plan, pool.windDown());
        List<List<Type>> v = batch.send();
        PlanState s = new PlanState(COST_SHARING.equals(r.model), uint(v.get(0), 0).longValueExact(), uint(v.get(1), 2).longValueExact(),
                uint(v.get(1), 1), r.shareCapPerPeriod, uint(v.get(2), 0).longValueExact(), uint(v.get(3), 0),
                uint(v.get(4), 0).longValueExact(), uint(v.get(4), 1).longValueExact(), (Boolean) v.get(5).get(0).getValue(),
                (Boolean) v.get(5).get(3).getValue());
        List<KeeperTask> due = new ArrayList<>();
        if (s.advanceDue()) {
            due.add(new KeeperTask(plan, planId, null, ClaimWindows.Action.ADVANCE,
                    pool.advance(BigInteger.valueOf(Math.min(s.behind(), ADVANCE_CHUNK))).encodeFunctionCall()));
        }
        if (s.payOwedDue()) {
            due.add(new KeeperTask(plan, planId, null, ClaimWindows.Action.PAY_OWED, pool.payOwed(BigInteger.valueOf(PAY_CHUNK)).encodeFunctionCall()));
        }
        if (s.prepareExitsDue()) {
            due.add(new KeeperTask(plan, planId, null, ClaimWindows.Action.PREPARE_EXITS,
                    pool.prepareExits(BigInteger.valueOf(EXIT_CHUNK), RegistryHolders.forExits(directory.web3j(), pool, plan, (int) EXIT_CHUNK))
                            .encodeFunctionCall()));
        }
        return due;
    }

    private static BigInteger uint(List<Type> values, int i) {
        return (BigInteger) values.get(i).getValue();
    }
}
