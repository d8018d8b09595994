package dev.huzhu.cli.pool;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.Address;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.PlanFacts;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.tranche.PlanEscrow;
import dev.huzhu.contracts.TrancheEscrow;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.AidPool;
import dev.huzhu.contracts.AidPoolFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.web3j.crypto.Hash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code huzhu pool create}: a new plan through the factory; its rules never change afterwards. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create a plan through the factory. Its rules are fixed forever; a new rule set is a new plan.",
        footer = {"", "Durations: 30d, 12h, 90m, 45s or seconds. Amounts in token units (the token's own decimals).",
                "", "Examples:",
                "  huzhu pool create --category medical --contribution 10 --max-payout 1000 \\",
                "      --assessor 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --assessor 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 \\",
                "      --quorum 2 --rules-file medical-rules.md --account operator",
                "  huzhu pool create --category education --contribution 20 --max-payout 3000 --tranches 3 --term 120d \\",
                "      --assessor 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --account operator",
                "  huzhu pool create --category disaster --model cost-sharing --share-cap 5 --max-payout 5000 --assessor 0x… --yes"})
public final class PoolCreate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--category", required = true, paramLabel = "CATEGORY", description = "medical, education, disaster, shared-purchase or other",
            converter = dev.huzhu.cli.options.CategoryConverter.class)
    Category category;
    @Option(names = "--model", defaultValue = "prepaid", paramLabel = "MODEL", description = "prepaid (contribution per period into a reserve) or cost-sharing (claims split over members); default: ${DEFAULT-VALUE}")
    String model;
    @Option(names = "--contribution", paramLabel = "AMOUNT", description = "prepaid: contribution per period")
    String contribution;
    @Option(names = "--share-cap", paramLabel = "AMOUNT", description = "cost-sharing: most a member pays per period")
    String shareCap;
    @Option(names = "--period", defaultValue = "30d", paramLabel = "DURATION", converter = DurationConverter.class, description = "contribution period (default: ${DEFAULT-VALUE})")
    Long period;
    @Option(names = "--grace", defaultValue = "7d", paramLabel = "DURATION", converter = DurationConverter.class, description = "prepaid: grace after the paid-through date (default: ${DEFAULT-VALUE})")
    Long grace;
    @Option(names = "--fee-bps", defaultValue = "0", paramLabel = "BPS", description = "service fee in basis points, at most 1000 (default: ${DEFAULT-VALUE})")
    int feeBps;
    @Option(names = "--fee-receiver", paramLabel = "ADDRESS|ACCOUNT", description = "who collects the fee: address or keystore account name (default: the creator)")
    String feeReceiver;
    @Option(names = "--max-payout", required = true, paramLabel = "AMOUNT", description = "maximum payout per claim")
    String maxPayout;
    @Option(names = "--max-payout-year", paramLabel = "AMOUNT", description = "maximum payout per member per year (default: 2 × per claim)")
    String maxPayoutYear;
    @Option(names = "--waiting", defaultValue = "30d", paramLabel = "DURATION", converter = DurationConverter.class, description = "waiting period from joining (default: ${DEFAULT-VALUE})")
    Long waiting;
    @Option(names = "--assessment", defaultValue = "7d", paramLabel = "DURATION", converter = DurationConverter.class, description = "assessors' window (default: ${DEFAULT-VALUE})")
    Long assessment;
    @Option(names = "--notice", defaultValue = "3d", paramLabel = "DURATION", converter = DurationConverter.class, description = "public notice window (default: ${DEFAULT-VALUE})")
    Long notice;
    @Option(names = "--jury", defaultValue = "3d", paramLabel = "DURATION", converter = DurationConverter.class, description = "each jury phase, commit and reveal (default: ${DEFAULT-VALUE})")
    Long jury;
    @Option(names = "--filing-window", defaultValue = "90d", paramLabel = "DURATION", converter = DurationConverter.class, description = "a loss must be claimed within this time (default: ${DEFAULT-VALUE})")
    Long filingWindow;
    @Option(names = "--claim-bond", defaultValue = "0", paramLabel = "AMOUNT", description = "bond posted with a claim (default: ${DEFAULT-VALUE})")
    String claimBond;
    @Option(names = "--challenge-bond", defaultValue = "0", paramLabel = "AMOUNT", description = "bond posted to challenge or appeal (default: ${DEFAULT-VALUE})")
    String challengeBond;
    @Option(names = {"--rules", "--rules-file"}, paramLabel = "FILE", description = "the human-readable rules: its sha2-256 goes on chain and the "
            + "text to the document store (--store), where the page and `pool show` read and verify it")
    Path rulesFile;
    @picocli.CommandLine.Mixin dev.huzhu.cli.options.StoreOptions store;
    @Option(names = "--guardian", paramLabel = "ADDRESS|ACCOUNT", description = "may pause new joins and claims: address or keystore account name (default: nobody, never pausable)")
    String guardian;
    @Option(names = "--assessor", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "an assessor: address or keystore account name (repeat for each, 1 to 32)")
    List<String> assessors;
    @Option(names = "--quorum", paramLabel = "N", description = "approvals needed (default: a majority of the assessors)")
    Integer quorum;
    @Option(names = "--tranches", paramLabel = "N", description = "education: pay each approved claim in N tranches (1-12), one per term, to the institution the claim names")
    Integer tranches;

    @Option(names = "--term", defaultValue = "120d", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "education: length of a term, between tranches (default: ${DEFAULT-VALUE})")
    Long term;

    @Option(names = "--asset", paramLabel = "ADDRESS", description = "the plan's ERC-20 stablecoin (default: the deployment's MockUSD)")
    String asset;

    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        int categoryIndex = category.ordinal();
        int modelIndex = SolidityEnum.require(ContributionModel.class, model, "--model").ordinal();
        if (modelIndex == ContributionModel.PREPAID.ordinal() && contribution == null) {
            throw new InvalidInputException("a prepaid plan needs --contribution AMOUNT");
        }
        if (modelIndex == ContributionModel.COST_SHARING.ordinal() && shareCap == null) {
            throw new InvalidInputException("a cost-sharing plan needs --share-cap AMOUNT");
        }
        if (tranches != null && category != Category.EDUCATION) {
            throw new InvalidInputException("--tranches is for education plans (a " + category.label() + " plan pays claims to the member)");
        }
        if (tranches != null && (tranches < 1 || tranches > 12)) {
            throw new InvalidInputException("--tranches must be 1 to 12 (one tranche per term), not " + tranches);
        }
        if (tranches != null && (term < 86_400 || term > 366 * 86_400L)) {
            throw new InvalidInputException("--term must be 1 day to 366 days");
        }
        List<String> assessorList = new ArrayList<>();
        for (String a : assessors) {
            assessorList.add(account.addressOf(session, a, "--assessor"));
        }
        long[] durations = {period, grace, waiting, assessment, notice, jury};
        byte[] rulesHash = new byte[32];
        byte[] rulesText = null;
        if (rulesFile != null) {
            try {
                rulesText = Files.readAllBytes(rulesFile);
                rulesHash = dev.huzhu.privacy.Cid.of(rulesText).digest();
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("--rules " + rulesFile + " does not exist");
            } catch (IOException e) {
                throw new InvalidInputException("cannot read --rules " + rulesFile + ": " + e.getMessage());
            }
        }
        String guardianAddress = guardian == null ? "0x0000000000000000000000000000000000000000" : account.addressOf(session, guardian, "--guardian");
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            Deployment d = chain.deployment();
            String assetAddress = asset != null ? Address.parse(asset, "--asset").checksummed() : d.contract(Deployment.MOCK_USD)
                    .orElseThrow(() -> new InvalidInputException("this deployment has no MockUSD: give the plan's stablecoin with --asset ADDRESS"))
                    .address();
            Erc20Token token = new Erc20Token(chain.web3j(), assetAddress);
            token.decimals(); // strict: a plan's amounts need the token's decimals
            chain.token(token.info());
            BigInteger perClaim = amount(token, maxPayout, "--max-payout");
            TxFlow flow = new TxFlow(session, chain, account, tx, spec.commandLine().getErr());
            AidPool.Rules rules = new AidPool.Rules(assetAddress, BigInteger.valueOf(categoryIndex), BigInteger.valueOf(modelIndex),
                    contribution == null ? BigInteger.ZERO : amount(token, contribution, "--contribution"),
                    BigInteger.valueOf(durations[0]), BigInteger.valueOf(durations[1]), BigInteger.valueOf(feeBps),
                    feeReceiver == null ? flow.from() : account.addressOf(session, feeReceiver, "--fee-receiver"),
                    perClaim, maxPayoutYear == null ? perClaim.multiply(BigInteger.TWO) : amount(token, maxPayoutYear, "--max-payout-year"),
                    shareCap == null ? BigInteger.ZERO : amount(token, shareCap, "--share-cap"),
                    BigInteger.valueOf(durations[2]), BigInteger.valueOf(durations[3]), BigInteger.valueOf(durations[4]),
                    BigInteger.valueOf(durations[5]), amount(token, claimBond, "--claim-bond"), amount(token, challengeBond, "--challenge-bond"),
                    rulesHash, guardianAddress, BigInteger.valueOf(quorum != null ? quorum : assessorList.size() / 2 + 1),
                    BigInteger.valueOf(filingWindow), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                    BigInteger.ZERO, assessorList);
            String factory = d.address(Deployment.FACTORY);
            AidPoolFactory encoder = AidPoolFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas());
            PrintWriter err = spec.commandLine().getErr();
            err.println("the new plan's rules (fixed forever: a different rule set is a new plan):");
            for (String[] row : RuleLines.of(rules, category, SolidityEnum.of(ContributionModel.class, BigInteger.valueOf(modelIndex)), token.info())) {
                err.printf("  %-15s %s%n", row[0], row[1]);
            }
            SentTransaction sent = flow.send(factory, encoder.createPlan(toFactoryRules(rules)).encodeFunctionCall(),
                    "create " + dev.huzhu.cli.output.Words.article(category.label()) + " plan (" + model + ") with "
                            + dev.huzhu.cli.output.Words.count(assessorList.size(), "assessor"));
            ChainEvent created = chain.events(sent).stream().filter(e -> e.name().equals("PlanCreated")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the factory emitted no PlanCreated event"));
            String plan = created.address("plan");
            BigInteger planId = created.number("planId");
            String rulesId = null;
            if (rulesText != null) {
                rulesId = RulesDocument.publish(store.client(session), plan, rulesText, spec.commandLine().getErr());
            }
            SentTransaction terms = null;
            if (tranches != null) {
                TrancheEscrow escrow = PlanEscrow.at(chain, plan, flow.from());
                terms = flow.send(escrow.getContractAddress(),
                        escrow.setTerms(plan, BigInteger.valueOf(tranches), BigInteger.valueOf(term)).encodeFunctionCall(),
                        "pay the plan's claims in " + tranches + " tranches, one per " + term / 86_400 + "-day term");
            }
            if (json.json) {
                Json.print(out, Json.object("plan", plan, "id", planId.longValue(), "category", category.label(),
                        "model", model.toLowerCase(Locale.ROOT), "tranches", tranches, "termLength", tranches == null ? null : term,
                        "rulesId", rulesId, "tx", TxFlow.json(sent), "termsTx", terms == null ? null : TxFlow.json(terms)));
            } else {
                out.printf("created plan #%s at %s; %s%n", planId, plan, TxFlow.line(sent));
                if (rulesId != null) {
                    out.printf("rules document %s in the store at %s%n", rulesId, store.client(session).base());
                }
                if (terms != null) {
                    out.printf("claims are paid to the institution they name in %d tranches, one per %d-day term; %s%n", tranches, term / 86_400, TxFlow.line(terms));
                }
            }
            return ExitCodes.OK;
        }
    }

    private static BigInteger amount(Erc20Token token, String text, String option) {
        try {
            return token.parse(text);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
    }

    private static AidPoolFactory.Rules toFactoryRules(AidPool.Rules r) {
        return new AidPoolFactory.Rules(r.asset, r.category, r.model, r.contribution, r.period, r.gracePeriod, r.feeBps, r.feeReceiver,
                r.maxPayoutPerClaim, r.maxPayoutPerMemberPerYear, r.shareCapPerPeriod, r.waitingPeriod, r.assessmentWindow,
                r.noticeWindow, r.juryWindow, r.claimBond, r.challengeBond, r.rulesHash, r.guardian, r.quorum, r.filingWindow,
                r.minMembers, r.floorPeriods, r.panelSize, r.jurorDeposit, r.assessors);
    }
}
