package dev.huzhu.cli.deploy;

import dev.huzhu.protocol.ContractArtifact;
import dev.huzhu.protocol.DeployedContract;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.Confirmation;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.output.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.web3j.abi.datatypes.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu deploy}: the platform's contracts on one network, recorded in deployments/<chainId>.json. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the platform: MockUSD (local chains, or --mock-usd), the AidPool implementation and the "
                + "AidPoolFactory (which creates AidPoints), EvidenceAccess (who may read claim evidence), the zero-knowledge membership contracts "
                + "(anonymous ratings), and record addresses, blocks and transactions in deployments/<chainId>.json.",
                "Idempotent: when the chain already has a live deployment it is reported, unless --force."},
        footer = {"", "Examples:", "  huzhu deploy --account operator",
                "  huzhu deploy --network sepolia --account ops --confirmations 2",
                "  huzhu deploy --network local --account operator --force --yes --json"})
public final class DeployCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Option(names = "--force", description = "deploy again even if this chain has a live deployment (the file is replaced)")
    boolean force;

    @Option(names = "--mock-usd", description = "also deploy MockUSD on a non-local network (testnets without a stablecoin)")
    boolean mockUsd;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        tx.check();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Optional<Deployment> existing = chain.deploymentIfAny();
            if (existing.isPresent() && !force) {
                Optional<String> factory = existing.get().contract(Deployment.FACTORY).map(DeployedContract::address);
                if (factory.isPresent() && chain.hasCode(factory.get())) {
                    print(out, existing.get(), chain.book().file(chain.chainId()), false);
                    return ExitCodes.OK;
                }
                err.println("note: " + chain.book().file(chain.chainId()) + " names contracts that are not on this chain "
                        + "(was the local node restarted?); deploying again");
            }
            boolean withMock = chain.profile().local() || mockUsd;
            ContractArtifact usd = withMock ? ContractArtifact.load("MockUSD") : null;
            ContractArtifact extension = ContractArtifact.load("AidPoolExtension");
            ContractArtifact pool = ContractArtifact.load("AidPool");
            ContractArtifact factory = ContractArtifact.load("AidPoolFactory");

            TxFlow flow = new TxFlow(session, chain, account, tx, err);
            flow.requireWaiting("deploy sends several contracts, each needing the one before it mined");
            String deployer = flow.from();
            Confirmation.require(session, err, "deploy " + (withMock ? "MockUSD, " : "") + "AidPool and AidPoolFactory (+ AidPoints), the relief, group and parametric factories and the anonymous-rating contracts to "
                    + chain.profile().name() + " (chain " + chain.chainId() + ") from " + flow.entry().name() + " " + deployer + "?", tx.yes);
            flow.unlock();

            Map<String, DeployedContract> contracts = new LinkedHashMap<>();
            if (usd != null) {
                contracts.put(Deployment.MOCK_USD, created(flow.send(null, usd.creationData(List.of(new Address(deployer))), "deploy MockUSD", true)));
            }
            DeployedContract ext = created(flow.send(null, extension.creationData(List.of()), "deploy the AidPool extension", true));
            contracts.put(Deployment.POOL_EXTENSION, ext);
            DeployedContract impl = created(flow.send(null, pool.creationData(List.of(new Address(ext.address()))),
                    "deploy the AidPool implementation", true));
            contracts.put(Deployment.POOL_IMPLEMENTATION, impl);
            SentTransaction f = flow.send(null, factory.creationData(List.of(new Address(impl.address()))), "deploy AidPoolFactory", true);
            DeployedContract fac = created(f);
            contracts.put(Deployment.FACTORY, fac);
            String points = FactoryViews.points(chain, fac.address());
            contracts.put(Deployment.POINTS, new DeployedContract(points, fac.txHash(), fac.block()));
            contracts.put(Deployment.EVIDENCE_ACCESS, created(flow.send(null,
                    ContractArtifact.load("EvidenceAccess").creationData(List.of(new Address(fac.address()))), "deploy EvidenceAccess", true)));
            deployScenarios(flow, contracts);
            contracts.putAll(ZkContracts.deploy(flow, fac.address()));

            Deployment d = new Deployment(chain.chainId(), chain.profile().name(), deployer, Instant.now().toString(), contracts);
            Path file = chain.book().write(d);
            print(out, d, file, true);
            return ExitCodes.OK;
        }
    }

    /** The scenario factories (issue 13): relief campaigns + matching rounds, group purchases, parametric plans. */
    private static void deployScenarios(TxFlow flow, Map<String, DeployedContract> contracts) {
        DeployedContract campaign = created(flow.send(null, ContractArtifact.load("ReliefCampaign").creationData(List.of()),
                "deploy the ReliefCampaign implementation", true));
        DeployedContract round = created(flow.send(null, ContractArtifact.load("MatchingRound").creationData(List.of()),
                "deploy the MatchingRound implementation", true));
        contracts.put(Deployment.RELIEF_FACTORY, created(flow.send(null, ContractArtifact.load("ReliefCampaignFactory").creationData(
                List.of(new Address(campaign.address()), new Address(round.address()))), "deploy ReliefCampaignFactory", true)));
        DeployedContract purchase = created(flow.send(null, ContractArtifact.load("GroupPurchase").creationData(List.of()),
                "deploy the GroupPurchase implementation", true));
        contracts.put(Deployment.GROUP_FACTORY, created(flow.send(null, ContractArtifact.load("GroupPurchaseFactory").creationData(
                List.of(new Address(purchase.address()))), "deploy GroupPurchaseFactory", true)));
        DeployedContract parametric = created(flow.send(null, ContractArtifact.load("ParametricPlan").creationData(List.of()),
                "deploy the ParametricPlan implementation", true));
        contracts.put(Deployment.PARAMETRIC_FACTORY, created(flow.send(null, ContractArtifact.load("ParametricPlanFactory").creationData(
                List.of(new Address(parametric.address()))), "deploy ParametricPlanFactory", true)));
    }

    private static DeployedContract created(SentTransaction s) {
        return new DeployedContract(dev.huzhu.protocol.Address.checksum(s.contractAddress()), s.hash(), s.blockNumber().longValueExact());
    }

    private void print(PrintWriter out, Deployment d, Path file, boolean fresh) {
        if (json.json) {
            Map<String, Object> contracts = new LinkedHashMap<>();
            d.contracts().forEach((k, v) -> contracts.put(k, Json.object("address", v.address(), "txHash", v.txHash(), "block", v.block())));
            Json.print(out, Json.object("chainId", d.chainId(), "network", d.network(), "deployed", fresh, "file", file.toString(),
                    "deployer", d.deployer(), "contracts", contracts));
            return;
        }
        out.println(fresh ? "deployed on " + d.network() + " (chain " + d.chainId() + "), recorded in " + file
                : "already deployed on chain " + d.chainId() + " (" + file + "); use --force to deploy again");
        TextTable t = new TextTable("CONTRACT", "ADDRESS", "BLOCK>", "TX");
        d.contracts().forEach((k, v) -> t.row(k, v.address(), v.block(), v.txHash()));
        t.print(out);
    }
}
