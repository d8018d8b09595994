package dev.huzhu.chain;

import dev.huzhu.contracts.AidPool;
import dev.huzhu.protocol.JuryShuffle;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Who holds each of a plan's registry positions. A position is given to an address at its first
 * join and kept for good, and the plan stores only member -> position (in the member's slot), so
 * the holders are read from the plan's {@code MemberJoined} logs: the order of each address's first
 * join. Whoever draws a jury or counts the exits of a closed plan names them; the plan checks each
 * against the member's own position, so a wrong list is refused, never believed.
 */
public final class RegistryHolders {
    private final List<String> holders;

    private RegistryHolders(List<String> holders) {
        this.holders = holders;
    }

    /** Reads the holders of {@code plan}'s positions from its MemberJoined logs (one eth_getLogs). */
    public static RegistryHolders read(Web3j web3j, String plan) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, plan);
        filter.addSingleTopic(EventEncoder.encode(AidPool.MEMBERJOINED_EVENT));
        EthLog logs = send(() -> web3j.ethGetLogs(filter).send(), "read the plan's MemberJoined logs");
        Set<String> first = new LinkedHashSet<>();
        for (EthLog.LogResult<?> result : logs.getLogs()) {
            Log log = (Log) result.get();
            first.add(AidPool.getMemberJoinedEventFromLog(log).member);
        }
        return new RegistryHolders(new ArrayList<>(first));
    }

    /** The holder of 1-based position {@code position}. */
    public String at(int position) {
        if (position < 1 || position > holders.size()) {
            throw new NetworkException("the plan's logs name " + holders.size() + " registry positions, not " + position
                    + " (is the node's log history complete?)");
        }
        return holders.get(position - 1);
    }

    /** How many positions the logs show. */
    public int size() {
        return holders.size();
    }

    /**
     * drawJury's second argument for {@code claimId}'s current round: the holder of each position
     * the draw may visit, in visit order (empty while the seed block is not mined).
     */
    public static List<String> forDraw(Web3j web3j, AidPool pool, String plan, BigInteger claimId) {
        return read(web3j, plan).forDraw(web3j, pool, claimId);
    }

    /** The same with these holders, read once for several draws of one plan. */
    public List<String> forDraw(Web3j web3j, AidPool pool, BigInteger claimId) {
        var jury = Calls.get(pool.juryOf(claimId)); // round, drawBlock, cutoff, drawn, jurors, for, against, population
        EthBlock.Block block = send(() -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(jury.component2()), false).send(),
                "read the jury's seed block").getBlock();
        if (block == null) {
            return List.of();
        }
        int size = JuryShuffle.panelSize(Calls.get(pool.rules()).panelSize.intValue());
        List<Integer> order = JuryShuffle.visitOrder(Numeric.hexStringToByteArray(block.getHash()), claimId,
                jury.component1().intValueExact(), jury.component8().intValueExact(), size);
        List<String> out = new ArrayList<>(order.size());
        order.forEach(p -> out.add(at(p + 1)));
        return out;
    }

    /** prepareExits' second argument for a call of {@code steps}: the holders of the next positions it counts (downwards). */
    public static List<String> forExits(Web3j web3j, AidPool pool, String plan, int steps) {
        long cursor = Calls.get(pool.windDown()).component7().longValueExact();
        RegistryHolders holders = read(web3j, plan);
        long from = cursor == 0 ? holders.size() : cursor; // 0 before the count starts: it starts at the top
        List<String> out = new ArrayList<>();
        for (long p = from; p > 0 && out.size() < steps; p--) {
            out.add(holders.at((int) p));
        }
        return out;
    }

    private interface Request<T> {
        T send() throws IOException;
    }

    private static <T extends org.web3j.protocol.core.Response<?>> T send(Request<T> request, String what) {
        try {
            T response = request.send();
            if (response.hasError()) {
                throw new NetworkException("could not " + what + ": " + response.getError().getMessage());
            }
            return response;
        } catch (IOException e) {
            throw new NetworkException("the node stopped answering while trying to " + what + ": " + e.getMessage(), e);
        }
    }
}
