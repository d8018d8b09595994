package dev.huzhu.demo;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.GroupPurchaseFactory;
import dev.huzhu.contracts.MockUSD;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The group-purchase story (共享经济): three villagers buy a 1,200 mUSD tractor in 12 shares of 100
 * (6 + 4 + 2); the last pledge credits the seller exactly the price, which the seller pulls; the
 * co-owners book usage days in proportion to their shares (a second booking of a taken day is
 * refused); one co-owner sells a share to a neighbour, atomically.
 */
public final class GroupDemo {
    public static final BigInteger PRICE = DemoScenario.usd("1200");
    public static final BigInteger SHARE_PRICE = DemoScenario.usd("100");
    public static final List<Integer> PLEDGES = List.of(6, 4, 2);
    public static final BigInteger RESALE_PRICE = DemoScenario.usd("110");
    public static final String ITEM = "Tractor, 50 hp, with plough; kept at the Li family farm";
    public static final long DAY = 24L * 3600;
    public static final int SLOTS_PER_SEASON = 10;

    /** What the story leaves behind. */
    public record Outcome(String factory, String purchase, List<Credentials> owners, Credentials buyer, Credentials seller) {}

    private final ChainConnection chain;
    private final DemoScenario.Cast cast;
    private final StepLog log;

    public GroupDemo(ChainConnection chain, DemoScenario.Cast cast, StepLog log) {
        this.chain = chain;
        this.cast = cast;
        this.log = log;
    }

    /** Runs the story with `token` (a MockUSD the operator can mint). */
    public Outcome run(String token) throws Exception {
        Credentials operator = cast.operator();
        Credentials seller = cast.assessors().get(2);
        GroupPurchase impl = GroupPurchase.deploy(chain.web3j(), tm(operator), chain.gasProvider()).send();
        log.tx("operator deployed the GroupPurchase implementation", impl.getTransactionReceipt().orElseThrow());
        GroupPurchaseFactory factory = GroupPurchaseFactory.deploy(chain.web3j(), tm(operator), chain.gasProvider(),
                impl.getContractAddress()).send();
        log.tx("operator deployed GroupPurchaseFactory", factory.getTransactionReceipt().orElseThrow());

        long now = chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        Credentials organiser = cast.members().get(0);
        TransactionReceipt created = GroupPurchaseFactory.load(factory.getContractAddress(), chain.web3j(), tm(organiser), chain.gasProvider())
                .createPurchase(new GroupPurchaseFactory.PurchaseParams(token, seller.getAddress(), PRICE, SHARE_PRICE,
                        BigInteger.valueOf(now + 14 * DAY), BigInteger.valueOf(DAY), BigInteger.valueOf(SLOTS_PER_SEASON),
                        Hash.sha3(ITEM.getBytes(StandardCharsets.UTF_8)))).send();
        String purchase = GroupPurchaseFactory.getPurchaseCreatedEvents(created).get(0).purchase;
        log.tx("villager " + DemoScenario.shortAddr(organiser) + " opened a group purchase: tractor, 12 shares of 100 mUSD", created);

        List<Credentials> owners = cast.members().subList(0, 3);
        MockUSD usd = MockUSD.load(token, chain.web3j(), tm(operator), chain.gasProvider());
        for (int i = 0; i < owners.size(); i++) {
            Credentials who = owners.get(i);
            BigInteger amount = SHARE_PRICE.multiply(BigInteger.valueOf(PLEDGES.get(i)));
            usd.mint(who.getAddress(), amount).send();
            MockUSD.load(token, chain.web3j(), tm(who), chain.gasProvider()).approve(purchase, amount).send();
            TransactionReceipt r = at(purchase, who).pledge(BigInteger.valueOf(PLEDGES.get(i))).send();
            boolean funded = !GroupPurchase.getPurchaseFundedEvents(r).isEmpty();
            log.tx("villager " + DemoScenario.shortAddr(who) + " pledged " + PLEDGES.get(i) + " shares ("
                    + DemoScenario.fmt(amount) + " mUSD)" + (funded ? ": fully funded, seller credited" : ""), r);
        }
        log.tx("seller " + DemoScenario.shortAddr(seller) + " withdrew the price, " + DemoScenario.fmt(PRICE) + " mUSD",
                at(purchase, seller).withdraw().send());

        // usage days of the first full season (slots 10..19): 5 / 3 / 1 per season by shares
        int[][] bookings = {{10, 11, 12}, {13, 14}, {15}};
        for (int i = 0; i < owners.size(); i++) {
            for (int slot : bookings[i]) {
                log.tx("co-owner " + DemoScenario.shortAddr(owners.get(i)) + " booked day " + slot,
                        at(purchase, owners.get(i)).book(BigInteger.valueOf(slot)).send());
            }
        }
        String refused = refusal(() -> at(purchase, owners.get(2)).book(BigInteger.valueOf(10)).send());
        log.note("co-owner " + DemoScenario.shortAddr(owners.get(2)) + " tried to book day 10 too: refused (" + refused + ")");

        Credentials buyer = cast.members().get(3);
        usd.mint(buyer.getAddress(), RESALE_PRICE).send();
        MockUSD.load(token, chain.web3j(), tm(buyer), chain.gasProvider()).approve(purchase, RESALE_PRICE).send();
        log.tx("co-owner " + DemoScenario.shortAddr(owners.get(0)) + " offered 1 share to " + DemoScenario.shortAddr(buyer) + " for "
                + DemoScenario.fmt(RESALE_PRICE) + " mUSD", at(purchase, owners.get(0)).offerShares(buyer.getAddress(), BigInteger.ONE, RESALE_PRICE).send());
        log.tx("neighbour " + DemoScenario.shortAddr(buyer) + " bought it (shares and payment in one transaction)",
                at(purchase, buyer).buyShares(owners.get(0).getAddress(), BigInteger.ONE, RESALE_PRICE).send());
        log.tx("co-owner " + DemoScenario.shortAddr(owners.get(0)) + " withdrew the sale price", at(purchase, owners.get(0)).withdraw().send());
        return new Outcome(factory.getContractAddress(), purchase, owners, buyer, seller);
    }

    /** Runs a transaction expected to revert; returns the revert message (the node names the custom error). */
    private static String refusal(Attempt attempt) {
        try {
            attempt.run();
        } catch (Exception e) {
            String m = String.valueOf(e.getMessage());
            int i = m.indexOf("custom error");
            return i >= 0 ? m.substring(i).split("\n")[0] : m.split("\n")[0];
        }
        throw new IllegalStateException("a double booking was accepted");
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private GroupPurchase at(String address, Credentials who) {
        return GroupPurchase.load(address, chain.web3j(), tm(who), chain.gasProvider());
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return DemoScenario.sending(chain, who);
    }
}
