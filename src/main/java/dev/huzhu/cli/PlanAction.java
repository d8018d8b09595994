package dev.huzhu.cli;

import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.PlanDirectory;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.contracts.AidPool;
import java.math.BigInteger;
import org.web3j.protocol.core.RemoteFunctionCall;

/** One command's plan: the chain, the deployment, the resolved plan, its rules and its token. */
public final class PlanAction implements AutoCloseable {
    private final ChainContext chain;
    private final Deployment deployment;
    private final PlanDirectory directory;
    private final String plan;
    private final AidPool.Rules rules;
    private final Erc20Token token;

    private PlanAction(ChainContext chain, Deployment deployment, PlanDirectory directory, String plan, AidPool.Rules rules, Erc20Token token) {
        this.chain = chain;
        this.deployment = deployment;
        this.directory = directory;
        this.plan = plan;
        this.rules = rules;
        this.token = token;
    }

    /** Connects, loads the deployment and resolves {@code planRef} (an id or an address). */
    public static PlanAction open(Session session, NetworkOptions network, String planRef) {
        ChainContext chain = ChainContext.open(session, network);
        try {
            Deployment d = chain.deployment();
            PlanDirectory directory = new PlanDirectory(chain.web3j(), d.address(Deployment.FACTORY));
            String plan = directory.resolve(planRef);
            AidPool.Rules rules = dev.huzhu.chain.Calls.get(directory.plan(plan, null).rules());
            Erc20Token token = new Erc20Token(chain.web3j(), rules.asset);
            chain.token(token.info());
            return new PlanAction(chain, d, directory, plan, rules, token);
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    public ChainContext chain() {
        return chain;
    }

    public Deployment deployment() {
        return deployment;
    }

    public PlanDirectory directory() {
        return directory;
    }

    public String plan() {
        return plan;
    }

    public AidPool.Rules rules() {
        return rules;
    }

    public Erc20Token token() {
        return token;
    }

    /** The plan as seen by {@code from} (for views and for encoding calls). */
    public AidPool pool(String from) {
        return directory.plan(plan, from);
    }

    /** Calldata of a wrapper call. */
    public static String data(RemoteFunctionCall<?> call) {
        return call.encodeFunctionCall();
    }

    /**
     * Makes sure the plan may take {@code amount} of the token for the call {@code mainData}: checks the
     * wallet balance, and when the allowance is short first simulates the call — any revert other than the
     * missing allowance is reported before anything is sent — then sends the approval.
     *
     * @return the approval transaction, or null when none was needed
     */
    public SentTransaction ensureAllowance(TxFlow flow, BigInteger amount, String mainData) {
        if (amount.signum() == 0) {
            return null;
        }
        if (token.allowance(flow.from(), plan).compareTo(amount) >= 0) {
            return null; // the call's own estimate reports a short balance
        }
        chain.sender().simulate(flow.from(), plan, mainData).ifPresent(data -> {
            var error = chain.decodeRevert(data);
            if (!dev.huzhu.chain.AllowanceShortfall.matches(data, error)) {
                throw new dev.huzhu.chain.RevertedException(chain.describeRevert(data).orElse("the contract reverted with unknown error " + data),
                        error.orElse(null), null);
            }
        });
        BigInteger balance = token.balanceOf(flow.from());
        if (balance.compareTo(amount) < 0) {
            throw new dev.huzhu.chain.RevertedException("token balance too low: " + flow.from() + " has " + token.format(balance)
                    + ", needs " + token.format(amount) + (deployment.contract(Deployment.MOCK_USD).isPresent() && chain.profile().local()
                            ? "; on the local node run `huzhu dev fund " + flow.entry().name() + "`" : ""),
                    null, null);
        }
        return flow.sendPrerequisite(token.address(), Erc20Token.approveData(plan, amount),
                "approve plan " + plan + " to take " + token.format(amount) + " from " + flow.from(), plan, mainData);
    }

    @Override
    public void close() {
        chain.close();
    }
}
