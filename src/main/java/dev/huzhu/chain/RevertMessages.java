package dev.huzhu.chain;

import dev.huzhu.protocol.SolidityEnum;
import dev.huzhu.protocol.PointsReason;
import dev.huzhu.protocol.DisputeKind;
import dev.huzhu.protocol.ContributionModel;
import dev.huzhu.protocol.ClaimStatus;
import dev.huzhu.protocol.Category;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.TokenInfo;
import dev.huzhu.protocol.DecodedError;
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
            + "contribution|payout|bond|fee|max|min|limit|goal|price|deposit|value|due|owed|cap|perClaim|perYear|reserve).*");
    private static final Pattern TIME = Pattern.compile(".*(At|Time|time|deadline|until|Until|ends|Ends|since|Since|opens|closes|Through)$");
    private static final Map<String, String> TEMPLATES = new HashMap<>();

    /** Solidity enums by their ABI internalType ("enum ClaimStatus"), so arguments read as labels. */
    private static final Map<String, Class<? extends SolidityEnum>> ENUMS = Map.of(
            "enum ClaimStatus", ClaimStatus.class, "enum Category", Category.class, "enum ContributionModel", ContributionModel.class,
            "enum DisputeKind", DisputeKind.class, "enum PointsReason", PointsReason.class);

    static {
        // AidPool (IAidPoolErrors)
        t("AlreadyInitialized", "the plan is already initialized");
        t("PlanPaused", "the plan is paused: no new joins or claims for now");
        t("PlanIsPaused", "the plan is paused: no new joins or claims for now");
        t("NotGuardian", "{account} is not the plan's guardian");
        t("PauseUnchanged", "the plan's pause is already {paused}");
        t("AlreadyMember", "{member} is already a member of this plan");
        t("NotMember", "{member} is not an active member of this plan");
        t("SelfReferral", "you cannot refer yourself");
        t("ReferrerNotMember", "referrer {referrer} is not an active member of this plan");
        t("DepositBelowMinimum", "the first deposit of {amount} is below the plan's minimum of {minimum}");
        t("ZeroAmount", "the amount must be greater than zero");
        t("InsufficientBalance", "not enough free balance in the plan: requested {requested}, available {available}");
        t("NotCovered", "not covered: contributions are paid only until {paidThrough}; deposit to restore cover");
        t("WaitingPeriod", "cannot claim yet: waiting period ends {eligibleAt}");
        t("LossInFuture", "the loss date {incurredAt} is in the future");
        t("ClaimAboveMax", "a claim of {amount} is above the plan's maximum payout of {max}");
        t("ClaimAlreadyOpen", "you already have an open claim (#{claimId})");
        t("NotAssessor", "{account} is not an assessor of this plan");
        t("AlreadyVoted", "{voter} already voted on claim #{claimId}");
        t("UnknownClaim", "there is no claim #{claimId} in this plan");
        t("WrongClaimStatus", "claim #{claimId} is {status}; this action is not possible in that state");
        t("UnexpectedClaimStatus", "claim #{claimId} is {current}; this action needs it {expected}");
        t("ClaimNotFinalizable", "claim #{claimId} is {current}: only an approved, rejected or disputed claim can be finalized");
        t("PartyCannotChallenge", "{account} is the claimant of claim #{claimId} and cannot challenge it");
        t("ForbiddenTransition", "a claim cannot go from {from} to {to}");
        t("PartyCannotVote", "{account} is the claimant of claim #{claimId} and cannot vote on it");
        t("WindowClosed", "too late: the window for this on claim #{claimId} closed {closedAt}");
        t("WindowNotOpen", "too early: this opens for claim #{claimId} at {opensAt}");
        t("NotClaimant", "{account} is not the claimant of claim #{claimId}");
        t("AlreadyAppealed", "claim #{claimId} was already appealed once");
        // the jury (IJuryErrors)
        t("DrawTooEarly", "the jury of claim #{claimId} can be drawn from the block after {drawBlock}");
        t("JuryAlreadyDrawn", "the jury of claim #{claimId} is already drawn");
        t("JuryNotDrawn", "the jury of claim #{claimId} is not drawn yet");
        t("DrawExpired", "the jury of claim #{claimId} was not drawn within 256 blocks of block {drawBlock}; the assessors' decision will stand");
        t("NotDrawn", "{account} was not drawn for the jury of claim #{claimId}");
        t("JurorTooYoung", "{account} joined too recently to sit on the jury of claim #{claimId}");
        t("JurorAlreadyCommitted", "{juror} already committed a jury vote on claim #{claimId}");
        t("JurorNotCommitted", "{juror} has no jury vote to reveal on claim #{claimId}");
        t("NothingToCollect", "{account} has nothing to collect from the jury of claim #{claimId} (a revealed vote, once the round is over)");
        t("JuryCommitmentMismatch", "the revealed vote or salt does not match what {juror} committed on claim #{claimId}");
        t("ZeroCommitment", "the jury commitment is zero");
        t("ClaimStillOpen", "close your open claim #{claimId} before leaving");
        t("NotFeeReceiver", "{account} is not the plan's fee receiver");
        t("FeeNotLowered", "the fee can only be lowered: {newBps} bps is not below {currentBps} bps");
        t("NoPointsAccrued", "{member} has no accrued points to mint in this plan");
        t("NothingToWithdraw", "{account} has nothing to withdraw");
        t("PlanIsClosed", "this plan is closed: no new joins or claims");
        t("PlanNotClosed", "this plan is not closed");
        t("LossNotCovered", "the loss at {incurredAt} fell in a time you were not covered (arrears paid later do not cover it)");
        t("FilingDeadlinePassed", "too late to claim: a loss at {incurredAt} had to be claimed by {deadline}");
        t("AlreadyVotedToClose", "{member} already voted to close this plan in round {round}");
        t("NotCreator", "{account} did not create this plan");
        t("PlanHasMembers", "the creator can close a plan only before anyone joins ({members} members)");
        t("FloorNotReached", "the plan is not below its floor of members long enough ({activeMembers} covered, floor {floor})");
        t("ExitsNotOpen", "the plan's exits are not open yet");
        t("BookBehind", "the plan's cover book is at period {lastPeriod}, behind period {currentPeriod}: advance it first");
        t("TooManyClaims", "this plan has reached its maximum number of claims");
        t("TooManyMembers", "this plan has reached its maximum number of members");
        t("ExtensionNotAContract", "{extension} is not a deployed AidPoolExtension");
        t("InvalidStars", "stars must be 1 to 5, not {stars}");
        t("RatingTooEarly", "ratings open after one full period of membership, at {opensAt}");
        t("AlreadyRated", "{member} already rated this plan");
        t("InsufficientReserve", "the plan's reserve ({reserve}) cannot pay {amount} yet");
        // relief donor points (ReliefCampaign.claimPoints)
        t("PointsAlreadyClaimed", "{donor} already claimed its points from this campaign");
        t("NoPointsEarned", "{account} donated less than one whole token to this campaign: no points");
        // zero-knowledge membership (IMemberCommitments, AnonymousReviews)
        t("UnknownPlan", "{plan} is not a plan of this deployment's factory");
        t("NotPlanMember", "{account} is not an active member of plan {plan}");
        t("RegistrationTooEarly", "registration for anonymous ratings opens after one full period of membership, at {opensAt}");
        t("AlreadyRegistered", "{member} already registered a commitment in plan {plan}");
        t("InvalidCommitment", "the commitment must be a non-zero field element");
        t("TreeFull", "plan {plan}'s commitment tree is full (65,536 members)");
        t("UnknownRoot", "the proof's root is not one of plan {plan}'s recent roots (too many registrations since: prove again)");
        t("NullifierAlreadySpent", "this member already rated this plan anonymously");
        t("InvalidProof", "the zero-knowledge proof does not verify for this plan, rating and review");
        // AidPoolFactory (IAidPoolFactoryErrors)
        t("ZeroAddress", "an address in the rules is zero");
        t("NotAContract", "{account} is not a contract");
        t("ZeroPeriod", "the period must be longer than zero");
        t("ZeroContribution", "a prepaid plan needs a contribution above zero");
        t("ZeroShareCap", "a cost-sharing plan needs a share cap above zero");
        t("FeeTooHigh", "a service fee of {feeBps} bps is above the cap of {maxBps} bps");
        t("InvalidMaxPayout", "the maximum payout per claim ({perClaim}) must be above zero and at most the yearly maximum ({perYear})");
        t("ZeroWindow", "the assessment, notice and jury windows must be longer than zero");
        t("PeriodTooShort", "a period of {period} s is shorter than the minimum of {min} s (1 day)");
        t("WindowOutOfBounds", "a window of {window} s is outside {min} s to {max} s");
        t("ZeroFloorPeriods", "a members' floor needs the number of periods below it before the plan closes");
        t("DurationTooLong", "{duration} s is longer than the maximum of {max} s");
        t("InvalidAssessorCount", "{count} assessors: a plan needs 1 to 32");
        t("InvalidQuorum", "a quorum of {quorum} is impossible with {assessors} assessors");
        t("DuplicateAssessor", "assessor {assessor} is listed twice");
        t("InvalidRange", "offset {offset} is beyond the list's {length} entries");
        // TrancheEscrow (EDUCATION tranches)
        t("NotTrancheEscrow", "only the plan's tranche escrow moves its credit ({account} is not it)");
        t("NotEducationPlan", "{plan} is not an EDUCATION plan");
        t("NotPlanCreator", "{account} did not create this plan: only its creator sets the tranches");
        t("TermsAlreadySet", "the tranches of plan {plan} are set already and never change");
        t("ClaimsExist", "the plan has {claimCount} claim(s): tranches are set before the first claim");
        t("InvalidTerms", "{tranches} tranches of {termLength} s: tranches are 1 to 12, a term 1 to 366 days");
        t("NamingClosed", "claim #{claimId} is past its first assessor vote: the institution is named before the assessors vote");
        t("InstitutionAlreadyNamed", "claim #{claimId} is paid to {institution}: an institution is named once and never swapped");
        t("InvalidInstitution", "{institution} cannot be the institution (zero, or the claimant)");
        t("NoSchedule", "claim #{claimId} has no institution named (or was not stopped)");
        t("ClaimNotPaid", "claim #{claimId} is not paid yet: tranches start once it is PAID");
        t("ScheduleIsStopped", "the tranches of claim #{claimId} were stopped: nothing more is released");
        t("AllReleased", "every tranche of claim #{claimId} was released");
        t("AlreadyApproved", "{assessor} already approved this proof for term {term} (terms count from 0 on chain)");
        t("TermNotOpen", "term {term} (from 0) opens {opensAt}");
        t("TrancheNotPaid", "the plan has paid {paid} of this claim and the tranche needs {needed}: it waits for the owed rest");
        t("NotLapsed", "only the student stops now; anyone may once the term lapses ({lapsesAt})");
        t("NothingToReturn", "nothing unreleased to return for claim #{claimId}");
        // AidPoints
        t("NotRegisteredPlan", "{caller} is not a registered plan");
        t("PointsNonTransferable", "points cannot be transferred");
        // MockUSD
        t("FaucetNotLocal", "the faucet works only on a local chain (this is chain {chainId})");
        t("FaucetLimitExceeded", "the faucet gives at most {limit} per call (asked {requested})");
        // OpenZeppelin
        t("ERC20InsufficientBalance", "token balance too low: {sender} has {balance}, needs {needed}");
        t("ERC20InsufficientAllowance", "token allowance too low: {spender} may spend {allowance}, needs {needed}");
        t("SafeERC20FailedOperation", "the token transfer of {token} failed");
        t("ReentrancyGuardReentrantCall", "reentrant call refused");
        t("AccessControlUnauthorizedAccount", "{account} lacks the role this action needs");
        t("Error", "{reason}");
    }

    private final TokenInfo token;
    private final java.util.function.LongSupplier chainNow;

    /** @param decimals the pool token's decimals; @param symbol its symbol ("mUSD") */
    public RevertMessages(int decimals, String symbol) {
        this(new TokenInfo("", symbol, decimals, true));
    }

    /** Words for errors of a plan whose token is {@code token} (amounts in base units when its decimals are unknown). */
    public RevertMessages(TokenInfo token) {
        this(token, null);
    }

    /**
     * As {@link #RevertMessages(TokenInfo)}, with the chain's time (read only when an error's words depend
     * on it: a WaitingPeriod after the waiting period is over means the loss is dated before cover began).
     */
    public RevertMessages(TokenInfo token, java.util.function.LongSupplier chainNow) {
        this.token = token;
        this.chainNow = chainNow;
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
        if (e.name().equals("WaitingPeriod") && chainNow != null && waitingOver(e)) {
            template = "the loss date {incurredAt} is before cover began on {eligibleAt} (the end of the waiting period): "
                    + "a loss from before cover cannot be claimed";
        }
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

    private boolean waitingOver(DecodedError e) {
        Object eligibleAt = e.args().stream().filter(a -> a.name().equals("eligibleAt")).map(DecodedError.Arg::value).findFirst().orElse(null);
        return eligibleAt instanceof BigInteger at && at.bitLength() < 63 && chainNow.getAsLong() >= at.longValue();
    }

    /** Formats one argument by its ABI type and name. */
    public String format(DecodedError.Arg a) {
        Object v = a.value();
        Class<? extends SolidityEnum> kind = ENUMS.get(a.internalType());
        if (kind != null && v instanceof BigInteger n && n.signum() >= 0 && n.intValue() < kind.getEnumConstants().length) {
            return kind.getEnumConstants()[n.intValue()].label();
        }
        if (a.type().equals("address")) {
            return Address.checksum(String.valueOf(v));
        }
        if (v instanceof BigInteger n && a.type().startsWith("uint")) {
            if (TIME.matcher(a.name()).matches() && n.bitLength() < 40) {
                return UTC.format(Instant.ofEpochSecond(n.longValueExact()));
            }
            if (AMOUNT.matcher(a.name()).matches() && !a.name().toLowerCase(Locale.ROOT).contains("count") && !a.name().endsWith("Bps")) {
                return token.format(n);
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
