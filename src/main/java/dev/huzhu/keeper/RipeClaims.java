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
 * Finds the claims of every plan of a factory whose windows have ended, from the plans' views
 * ({@code claimCount}, {@code claimOf}, {@code rules}), {@value #BATCH} views per JSON-RPC batch.
 * Remembers, per plan, the first claim that is not closed, so a long-lived keeper reads only the
 * open tail of each plan's claims.
 */
public final class RipeClaims implements TaskSource {
    static final int BATCH = 200;

    private final PlanDirectory directory;
    private final Map<String, Long> firstOpen = new HashMap<>();
    private final Map<String, Long> juryWindows = new HashMap<>();

    public RipeClaims(PlanDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<KeeperTask> tasks(long now) {
        List<KeeperTask> due = new ArrayList<>();
        List<String> plans = directory.all();
        for (int id = 0; id < plans.size(); id++) {
            due.addAll(ripeOf(plans.get(id), id, now));
        }
        return due;
    }

    private List<KeeperTask> ripeOf(String plan, int planId, long now) {
        AidPool pool = directory.plan(plan, null);
        long count = Calls.get(pool.claimCount()).longValueExact();
        long from = firstOpen.getOrDefault(plan, 1L);
        List<KeeperTask> due = new ArrayList<>();
        if (from > count) {
            return due;
        }
        long juryWindow = juryWindows.computeIfAbsent(plan, p -> Calls.get(pool.rules()).juryWindow.longValue());
        boolean allClosedSoFar = true;
        for (long start = from; start <= count; start += BATCH) {
            long end = Math.min(count, start + BATCH - 1);
            CallBatch batch = new CallBatch(directory.web3j());
            for (long id = start; id <= end; id++) {
                batch.add(plan, pool.claimOf(BigInteger.valueOf(id)));
            }
            List<List<Type>> claims = batch.send();
            due.addAll(drawsDue(pool, plan, planId, start, claims));
            for (int i = 0; i < claims.size(); i++) {
                AidPool.Claim c = (AidPool.Claim) claims.get(i).get(0);
                BigInteger claimId = BigInteger.valueOf(start + i);
                int status = c.status.intValue();
                if (allClosedSoFar && ClaimWindows.closed(status)) {
                    firstOpen.put(plan, start + i + 1);
                } else {
                    allClosedSoFar = false;
                }
                ClaimWindows.ripe(status, c.deadline.longValue(), juryWindow, now).ifPresent(action -> due.add(new KeeperTask(plan, planId,
                        claimId, action, call(pool, action, claimId))));
            }
        }
        return due;
    }

    /** Disputed claims (of one batch starting at claim {@code start}) whose jury is ready to be drawn (juryOf: not drawn, seed block passed). */
    private List<KeeperTask> drawsDue(AidPool pool, String plan, int planId, long start, List<List<Type>> claims) {
        List<BigInteger> disputed = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (((AidPool.Claim) claims.get(i).get(0)).status.intValue() == ClaimWindows.DISPUTED) {
                disputed.add(BigInteger.valueOf(start + i));
            }
        }
        List<KeeperTask> due = new ArrayList<>();
        if (disputed.isEmpty()) {
            return due;
        }
        long block = Calls.get(new org.web3j.protocol.core.RemoteCall<>(() -> directory.web3j().ethBlockNumber().send())).getBlockNumber().longValueExact();
        CallBatch juries = new CallBatch(directory.web3j());
        disputed.forEach(id -> juries.add(plan, pool.juryOf(id)));
        List<List<Type>> answers = juries.send();
        RegistryHolders holders = null; // the plan's join logs, read once for all its draws of this pass
        for (int i = 0; i < disputed.size(); i++) {
            List<Type> jury = answers.get(i); // round, drawBlock, cutoff, drawn, jurors, votesFor, votesAgainst, population
            long drawBlock = ((BigInteger) jury.get(1).getValue()).longValueExact();
            boolean drawn = (Boolean) jury.get(3).getValue();
            if (ClaimWindows.drawable(drawn, drawBlock, block)) {
                BigInteger id = disputed.get(i);
                if (holders == null) {
                    holders = RegistryHolders.read(directory.web3j(), plan);
                }
                List<String> atPositions = holders.forDraw(directory.web3j(), pool, id);
                due.add(new KeeperTask(plan, planId, id, ClaimWindows.Action.DRAW_JURY, pool.drawJury(id, atPositions).encodeFunctionCall()));
            }
        }
        return due;
    }

    private static String call(AidPool pool, ClaimWindows.Action action, BigInteger claimId) {
        return switch (action) {
            case ESCALATE -> pool.escalate(claimId).encodeFunctionCall();
            case FINALIZE -> pool.finalize(claimId).encodeFunctionCall();
            default -> throw new IllegalArgumentException(action + " is not a claim's call");
        };
    }
}
