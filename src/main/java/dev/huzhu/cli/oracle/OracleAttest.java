package dev.huzhu.cli.oracle;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.UserError;
import dev.huzhu.cli.options.AccountOptions;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.TxOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.contracts.ParametricPlan;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.protocol.NotFoundException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code huzhu oracle attest PLAN --event N --region N --severity N}: the plan's oracle signs an
 * EIP-712 attestation of a disaster with a keystore account; {@code --post} also sends it to the plan
 * (anyone may post a signed attestation; it opens the claim window).
 */
@Command(name = "attest", mixinStandardHelpOptions = true,
        description = "Sign an attestation of a disaster as the parametric plan's oracle (EIP-712, bound to this chain and plan, single-use nonce, deadline); --post sends it to the plan, which opens the region's claim window.",
        footer = {"", "Examples:", "  huzhu oracle attest PLAN --event 7 --region 4401 --severity 5 --account oracle",
                "  huzhu oracle attest PLAN --event 7 --region 4401 --severity 5 --time 2026-12-01T08:30:00Z --valid-for 6h --post --account oracle --yes --json"})
public final class OracleAttest implements Callable<Integer> {
    private static final long MAX_REGION = 0xFFFF_FFFFL;

    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin AccountOptions account;
    @Mixin TxOptions tx;
    @Mixin JsonOption json;

    @Parameters(index = "0", paramLabel = "PLAN", description = "the parametric plan's address")
    String plan;

    @Option(names = "--event", required = true, paramLabel = "ID", description = "the disaster's event id (the oracle's numbering)")
    BigInteger eventId;

    @Option(names = "--region", required = true, paramLabel = "CODE", description = "the region code hit (1 to 4294967295)")
    long region;

    @Option(names = "--severity", required = true, paramLabel = "N", description = "severity (0 to 65535; the plan pays from its minimum up)")
    int severity;

    @Option(names = "--time", paramLabel = "WHEN", description = "when it happened: Unix seconds or ISO-8601 (default: the chain's time now)")
    String time;

    @Option(names = "--nonce", paramLabel = "N", description = "single-use nonce (default: random)")
    BigInteger nonce;

    @Option(names = "--valid-for", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "1d",
            description = "how long the signature may be posted (default: ${DEFAULT-VALUE})")
    Long validFor;

    @Option(names = "--post", description = "also send the attestation to the plan (opens the claim window)")
    boolean post;

    @Override
    public Integer call() {
        if (eventId.signum() < 0) {
            throw new InvalidInputException("--event must be 0 or more, got " + eventId);
        }
        if (region < 1 || region > MAX_REGION) {
            throw new InvalidInputException("--region must be between 1 and " + MAX_REGION + ", got " + region);
        }
        if (severity < 0 || severity > 0xFFFF) {
            throw new InvalidInputException("--severity must be between 0 and 65535, got " + severity);
        }
        if (nonce != null && nonce.signum() < 0) {
            throw new InvalidInputException("--nonce must be 0 or more, got " + nonce);
        }
        String planAddress = Address.parse(plan, "PLAN").checksummed();
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = ChainContext.open(session, network)) {
            if (!chain.hasCode(planAddress)) {
                throw new NotFoundException("no contract at " + planAddress + " on chain " + chain.chainId());
            }
            ParametricPlan p = ParametricPlan.load(planAddress, chain.web3j(), chain.reader(planAddress), chain.gas());
            String oracle;
            try {
                oracle = Calls.get(p.oracle());
            } catch (RuntimeException e) {
                throw new NotFoundException(planAddress + " is not a parametric plan (it has no oracle())");
            }
            TxFlow flow = new TxFlow(session, chain, account, tx, spec.commandLine().getErr());
            if (!oracle.equalsIgnoreCase(flow.from())) {
                throw new UserError(ExitCodes.USAGE, "the oracle of plan " + planAddress + " is " + Address.checksum(oracle) + ", not "
                        + flow.entry().name() + " (" + flow.from() + "): the plan would refuse the attestation");
            }
            long now = chain.chainTime();
            long eventTime = time == null ? now : Timestamps.parse(time, "--time");
            if (eventTime > now) {
                throw new InvalidInputException("--time " + Timestamps.format(eventTime) + " is in the future (the chain's time is " + Timestamps.format(now) + ")");
            }
            BigInteger n = nonce != null ? nonce : new BigInteger(63, new SecureRandom());
            long deadline = now + validFor;
            AttestationMessage m = new AttestationMessage(chain.chainId(), planAddress, eventId, region, severity, eventTime, n, deadline);
            String signature = flow.typedDataSigner().signTypedData(m.typedDataJson());
            SentTransaction sent = null;
            if (post) {
                ParametricPlan.Attestation a = new ParametricPlan.Attestation(eventId, BigInteger.valueOf(region), BigInteger.valueOf(severity),
                        BigInteger.valueOf(eventTime), n, BigInteger.valueOf(deadline));
                String data = p.attest(a, Numeric.hexStringToByteArray(signature)).encodeFunctionCall();
                sent = flow.send(planAddress, data, "post the attestation of event " + eventId + " in region " + region + " to plan " + planAddress);
            }
            Map<String, Object> o = Json.object("plan", planAddress, "chainId", chain.chainId(), "oracle", flow.from(), "eventId", eventId.toString(),
                    "region", region, "severity", severity, "eventTime", eventTime, "nonce", n.toString(), "deadline", deadline, "signature", signature);
            if (sent != null) {
                o.put("tx", TxFlow.json(sent));
            }
            if (json.json) {
                Json.print(out, o);
            } else {
                out.println("signed: event " + eventId + ", region " + region + ", severity " + severity + ", at " + Timestamps.format(eventTime)
                        + "; nonce " + n + ", valid until " + Timestamps.format(deadline));
                out.println("signature " + signature);
                out.println(sent == null ? "anyone may post it to plan " + planAddress + " (attest) before the deadline; or run this again with --post"
                        : "posted: the claim window is open; " + TxFlow.line(sent));
                out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
