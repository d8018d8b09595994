package dev.huzhu.cli.pool;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huzhu rate STARS --plan P}: a member's one rating of a plan (R10). */
@Command(name = "rate", mixinStandardHelpOptions = true,
        description = {"Rate a plan you are a member of, once, 1-5 stars, after one full period of membership. A review text goes to the document store; its sha2-256 goes on chain.",
                "--anonymous rates without naming you: a zero-knowledge proof that --member is one of the plan's registered members "
                        + "(`huzhu member commit` first), sent from --account, which must be another account. One anonymous rating per member and plan."},
        footer = {"", "Examples:", "  huzhu rate 5 --plan 0 --account alice", "  huzhu rate 4 --plan 0 --review \"Paid in 3 days, clear rules.\" --account alice",
                "  huzhu rate 3 --plan 0 --review-file review.txt --yes --json",
                "  huzhu rate 4 --anonymous --member alice --plan 0 --account relay"})
public final class RateCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin PlanTx plan;

    @Parameters(index = "0", paramLabel = "STARS", description = "1 to 5")
    String stars;

    @Option(names = "--review", paramLabel = "TEXT", description = "your review (UTF-8; its sha2-256, the document-store id, goes on chain, the text to the store)")
    String reviewText;

    @Option(names = "--review-file", paramLabel = "FILE", description = "your review, read from FILE (instead of --review)")
    Path review;

    @Option(names = "--anonymous", description = "prove membership instead of signing as a member (zero-knowledge; needs --member)")
    boolean anonymous;

    @Mixin dev.huzhu.cli.options.StoreOptions store;

    @Option(names = "--member", paramLabel = "NAME|ADDRESS", description = "with --anonymous: your keystore account, whose membership is proved; it sends nothing")
    String member;

    @Override
    public Integer call() {
        if (!stars.matches("[1-5]")) {
            throw new InvalidInputException("stars '" + stars + "' must be a whole number from 1 to 5");
        }
        byte[] reviewHash = new byte[32];
        byte[] text = null;
        if (reviewText != null && review != null) {
            throw new InvalidInputException("give either --review TEXT or --review-file FILE, not both");
        }
        if (reviewText != null) {
            if (reviewText.isBlank()) {
                throw new InvalidInputException("--review is empty: write the review, or leave the option out");
            }
            text = reviewText.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            reviewHash = dev.huzhu.privacy.Cid.of(text).digest();
        } else if (review != null) {
            try {
                text = Files.readAllBytes(review);
                reviewHash = dev.huzhu.privacy.Cid.of(text).digest(); // sha2-256: the text's document-store id
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("review file " + review + " does not exist");
            } catch (IOException e) {
                throw new InvalidInputException("cannot read review file " + review + ": " + e.getMessage());
            }
        }
        byte[] hash = reviewHash;
        BigInteger n = new BigInteger(stars);
        if (member != null && !anonymous) {
            throw new InvalidInputException("--member goes with --anonymous (a public rating is signed by --account)");
        }
        if (anonymous) {
            if (member == null) {
                throw new InvalidInputException("--anonymous needs --member NAME: the keystore account whose membership is proved "
                        + "(the transaction is sent from --account, which must not be linked to it)");
            }
            byte[] anonymousText = text;
            return plan.run((p, flow) -> {
                PlanTx.Outcome o = AnonymousRating.rate(plan, p, flow, member, n.intValueExact(), hash, spec.commandLine().getErr());
                // unsigned: the chain's AnonymouslyRated names the text, and a signature would link it to the member
                ReviewText.publish(store.client(dev.huzhu.cli.Session.of(spec)), anonymousText, null, null, spec.commandLine().getErr());
                return o;
            });
        }
        byte[] publicText = text;
        return plan.run((p, flow) -> {
            SentTransaction sent = flow.send(p.plan(), PlanAction.data(p.pool(flow.from()).rate(n, hash)), "rate plan " + p.plan() + " " + n + "★");
            ReviewText.publish(store.client(dev.huzhu.cli.Session.of(spec)), publicText, p.plan(), flow.accountKey(), spec.commandLine().getErr());
            return new PlanTx.Outcome("rated plan " + p.plan() + " " + n + "★; " + TxFlow.line(sent),
                    Json.object("stars", n.intValue(), "reviewHash", Numeric.toHexString(hash), "tx", TxFlow.json(sent)));
        });
    }
}
