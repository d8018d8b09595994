package dev.huzhu.chain;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** The factory's registry of plans: list them, and resolve "3" / "#3" / an address to a plan. */
public final class PlanDirectory {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private static final int PAGE = 500;
    private final Web3j web3j;
    private final AidPoolFactory factory;

    public PlanDirectory(Web3j web3j, String factoryAddress) {
        this.web3j = web3j;
        this.factory = AidPoolFactory.load(factoryAddress, web3j, new ReadonlyTransactionManager(web3j, ZERO), new DefaultGasProvider());
    }

    public Web3j web3j() {
        return web3j;
    }

    public int count() {
        return Calls.get(factory.planCount()).intValueExact();
    }

    /** All plans in creation order (id = index), a page of {@value #PAGE} per call. */
    @SuppressWarnings("unchecked")
    public List<String> all() {
        List<String> plans = new ArrayList<>();
        while (true) {
            List<Object> page = Calls.get(factory.plans(BigInteger.valueOf(plans.size()), BigInteger.valueOf(PAGE)));
            page.forEach(a -> plans.add(Address.checksum(a.toString())));
            if (page.size() < PAGE) {
                return plans;
            }
        }
    }

    /**
     * Resolves a plan reference: its id ("3" or "#3", creation order from 0) or its address.
     *
     * @throws NotFoundException for an unknown id or an address that is not a plan of this factory
     * @throws IllegalArgumentException for something that is neither
     */
    public String resolve(String ref) {
        if (ref == null || ref.isBlank()) {
            throw new InvalidInputException("no plan given: use --plan ID|ADDRESS (`huzhu pool list` shows them)");
        }
        String r = ref.startsWith("#") ? ref.substring(1) : ref;
        if (r.matches("\\d{1,9}")) {
            int id = Integer.parseInt(r);
            int n = count();
            if (id >= n) {
                throw new NotFoundException("there is no plan #" + id + " (this deployment has " + n + " plan" + (n == 1 ? "" : "s") + ")");
            }
            return Address.checksum(Calls.get(factory.planAt(BigInteger.valueOf(id))));
        }
        if (r.startsWith("0x") || r.startsWith("0X")) {
            String address = Address.parse(r, "plan").checksummed();
            if (!Calls.get(factory.isPlan(address))) {
                throw new NotFoundException(address + " is not a plan of this deployment's factory");
            }
            return address;
        }
        throw new InvalidInputException("plan '" + ref + "' is neither a plan id nor an address");
    }

    /** The id of a plan address (its index), or -1. */
    public int idOf(String plan) {
        List<String> all = all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).equalsIgnoreCase(plan)) {
                return i;
            }
        }
        return -1;
    }

    /** A read-only wrapper of a plan, calling as {@code from} (zero address when null). */
    public AidPool plan(String address, String from) {
        return AidPool.load(address, web3j, new ReadonlyTransactionManager(web3j, from == null ? ZERO : from), new DefaultGasProvider());
    }
}
