package dev.huzhu.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Custom errors in words: a template per known error ({@code {arg}} placeholders), and for any
 * other error its name split into words with its arguments. Arguments are formatted by their
 * ABI name: amounts in token units, times as UTC dates, addresses in EIP-55.
 */
public final class RevertMessages {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern AMOUNT = Pattern.compile("(?i).*(amount|balance|reserve|available|requested|needed|allowance|"
            + "contribution|payout|bond|fee|max|min|limit|goal|price|deposit|value|due|owed|cap).*");
    private static final Pattern TIME = Pattern.compile("(?i).*(At|Time|time|deadline|until|Until|ends|Ends|since|Since|opens|closes)$");
    private static final Map<String, String> TEMPLATES = new HashMap<>();

    static {
        // AidPool / AidPoolFactory
        t("WaitingPeriod", "cannot claim yet: waiting period ends {eligibleAt}");
        t("AlreadyMember", "{member} is already a member of this plan");
        t("NotMember", "{member} is not an active member of this plan");
        t("ZeroAmount", "the amount must be greater than zero");
        t("ZeroAddress", "an address is zero");
        t("InsufficientBalance", "insufficient balance in the plan: requested {requested}, available {available}");
        t("ClaimAboveMax", "claim of {amount} is above the plan's maximum payout of {max}");
        t("ClaimAlreadyOpen", "you already have an open claim (#{claimId})");
        t("NotAssessor", "{account} is not an assessor of this plan");
        t("AlreadyVoted", "{assessor} already voted on claim #{claimId}");
        t("UnknownClaim", "there is no claim #{claimId} in this plan");
        t("InsufficientReserve", "the plan's reserve ({reserve}) cannot pay {amount} yet");
        t("ClaimantCannotVote", "the claimant cannot vote on their own claim #{claimId}");
        t("InvalidRules", "invalid plan rules: {reason}");
        t("SelfReferral", "you cannot refer yourself");
        // MockUSD
        t("FaucetNotLocal", "the faucet works only on a local chain (this is chain {chainId})");
        t("FaucetLimitExceeded", "the faucet gives at most {limit} per call (asked {requested})");
        // OpenZeppelin
        t("ERC20InsufficientBalance", "token balance too low: {sender} has {balance}, needs {needed}");
        t("ERC20InsufficientAllowance", "token allowance too low: {spender} may spend {allowance}, needs {needed}");
        t("ReentrancyGuardReentrantCall", "reentrant call refused");
        t("EnforcedPause", "the plan is paused");
        t("AccessControlUnauthorizedAccount", "{account} lacks the role this action needs");
        t("OwnableUnauthorizedAccount", "{account} is not the owner");
        t("Error", "{reason}");
    }

    private final int decimals;
    private final String symbol;

    /** @param decimals the pool token's decimals; @param symbol its symbol ("mUSD") */
    public RevertMessages(int decimals, String symbol) {
        this.decimals = decimals;
        this.symbol = symbol;
    }

    /** Adds or replaces the template for {@code errorName}. */
    public static void t(String errorName, String template) {
        TEMPLATES.put(errorName, template);
    }

    public String describe(DecodedError e) {
        if (e.name().equals("Panic")) {
            return "the contract panicked (code " + e.arg("code") + ")";
        }
        String template = TEMPLATES.get(e.name());
        if (template != null) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                DecodedError.Arg a = e.args().stream().filter(x -> x.name().equals(m.group(1))).findFirst().orElse(null);
                m.appendReplacement(sb, Matcher.quoteReplacement(a == null ? "?" : format(a)));
            }
            m.appendTail(sb);
            return sb.toString();
        }
        String words = words(e.name());
        if (e.args().isEmpty()) {
            return words;
        }
        return words + " (" + e.args().stream().map(a -> (a.name().isEmpty() ? a.type() : a.name()) + " " + format(a))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Formats one argument by its ABI type and name. */
    public String format(DecodedError.Arg a) {
        Object v = a.value();
        if (a.type().equals("address")) {
            return Addresses.checksum(String.valueOf(v));
        }
        if (v instanceof BigInteger n && a.type().startsWith("uint")) {
            if (TIME.matcher(a.name()).matches() && n.bitLength() < 40) {
                return UTC.format(Instant.ofEpochSecond(n.longValueExact()));
            }
            if (AMOUNT.matcher(a.name()).matches() && !a.name().toLowerCase(Locale.ROOT).contains("count")) {
                return TokenAmount.format(n, decimals) + " " + symbol;
            }
            return n.toString();
        }
        if (v instanceof byte[] bytes) {
            return org.web3j.utils.Numeric.toHexString(bytes);
        }
        if (v instanceof List<?> list) {
            return list.toString();
        }
        return String.valueOf(v);
    }

    /** "WaitingPeriod" → "waiting period". */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
