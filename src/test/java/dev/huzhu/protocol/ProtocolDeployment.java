package dev.huzhu.protocol;

import dev.huzhu.chain.ChainConnection;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import dev.huzhu.contracts.MockUSD;
import dev.huzhu.devnet.DevClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A fresh protocol deployment on the shared test node, driven through the generated wrappers:
 * MockUSD, the AidPool implementation and the factory, and plans created through the factory.
 */
final class ProtocolDeployment {
    static final long DAY = 24 * 3600;
    static final long PERIOD = 30 * DAY;
    static final long WINDOW = 3 * DAY;
    static final BigInteger PREPAID = BigInteger.ZERO;
    static final BigInteger COST_SHARING = BigInteger.ONE;
    static final BigInteger MEDICAL = BigInteger.ZERO;
    static final BigInteger CLAIM_BOND = usd("10");
    static final BigInteger CHALLENGE_BOND = usd("20");
    static final String NO_REFERRER = "0x0000000000000000000000000000000000000000";

    final ChainConnection chain;
    final Credentials operator;
    final List<Credentials> assessors;
    final MockUSD token;
    final AidPoolFactory factory;

    ProtocolDeployment(ChainConnection chain, Credentials operator, List<Credentials> assessors) throws Exception {
        this.chain = chain;
        this.operator = operator;
        this.assessors = assessors;
        this.token = MockUSD.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider(), operator.getAddress()).send();
        // the extension's constructor deploys AidPoolHousekeeping and the TrancheEscrow: more than the connection's fixed 6M gas
        var extensionGas = new org.web3j.tx.gas.StaticEIP1559GasProvider(chain.chainId(), BigInteger.valueOf(100_000_000_000L),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(15_000_000));
        String extension = dev.huzhu.contracts.AidPoolExtension.deploy(chain.web3j(), chain.transactionManager(operator), extensionGas)
                .send().getContractAddress();
        AidPool implementation = AidPool.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider(), extension).send();
        this.factory = AidPoolFactory.deploy(chain.web3j(), chain.transactionManager(operator), chain.gasProvider(),
                implementation.getContractAddress()).send();
    }

    static BigInteger usd(String human) {
        return TokenAmount.parse(human, 6);
    }

    static byte[] hash(String text) {
        return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Rules with 3-day windows, 2 of 3 assessors, a 5% fee to the operator. */
    AidPoolFactory.Rules rules(BigInteger model, BigInteger contribution, BigInteger shareCap) {
        return new AidPoolFactory.Rules(token.getContractAddress(), MEDICAL, model, contribution, BigInteger.valueOf(PERIOD),
                BigInteger.valueOf(7 * DAY), BigInteger.valueOf(500), operator.getAddress(), usd("1000"), usd("1500"), shareCap,
                BigInteger.valueOf(PERIOD), BigInteger.valueOf(WINDOW), BigInteger.valueOf(WINDOW), BigInteger.valueOf(WINDOW),
                CLAIM_BOND, CHALLENGE_BOND, hash("rules"), operator.getAddress(), BigInteger.TWO, BigInteger.valueOf(90 * DAY),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, assessors.stream().map(Credentials::getAddress).toList());
    }

    /** Creates a plan through the factory and returns it, loaded for the operator. */
    AidPool createPlan(AidPoolFactory.Rules rules) throws Exception {
        TransactionReceipt created = factory.createPlan(rules).send();
        String plan = AidPoolFactory.getPlanCreatedEvents(created).get(0).plan;
        return as(plan, operator);
    }

    AidPool as(String plan, Credentials who) {
        return AidPool.load(plan, chain.web3j(), chain.transactionManager(who), chain.gasProvider());
    }

    MockUSD tokenAs(Credentials who) {
        return MockUSD.load(token.getContractAddress(), chain.web3j(), chain.transactionManager(who), chain.gasProvider());
    }

    /** Mints `amount` to each member and approves the plan for it. */
    void fund(String plan, List<Credentials> members, BigInteger amount) throws Exception {
        for (Credentials m : members) {
            token.mint(m.getAddress(), amount).send();
            tokenAs(m).approve(plan, amount).send();
        }
    }

    BigInteger balanceOf(String who) throws Exception {
        return token.balanceOf(who).send();
    }

    void advance(long seconds) throws Exception {
        new DevClock(chain.service()).advance(seconds);
    }

    BigInteger now() throws Exception {
        return chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp();
    }

    /** Token balance of the plan == free balances + reserve + fees owed + bonds held. */
    static boolean solvent(AidPool plan) throws Exception {
        var books = plan.accounting().send();
        return books.component1().equals(books.component2().add(books.component3()).add(books.component4()).add(books.component5())
                .add(books.component6()));
    }
}
