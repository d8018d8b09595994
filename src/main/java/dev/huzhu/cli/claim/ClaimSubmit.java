package dev.huzhu.cli.claim;

import dev.huzhu.protocol.InvalidInputException;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.PlanAction;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.tranche.PlanEscrow;
import dev.huzhu.contracts.TrancheEscrow;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Numeric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code huzhu claim submit}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a claim. Posts the claim bond.",
                "Without --encrypt: only the keccak-256 hash of the evidence file goes on chain; the file stays with you.",
                "With --encrypt: the files are zipped and encrypted here (AES-256-GCM, fresh key), only the ciphertext is uploaded to the "
                        + "document store (--store), its sha2-256 goes on chain as the evidence hash, and the key is wrapped (ECIES) for you "
                        + "and each assessor with a published key (EvidenceAccess; docs/privacy.md)."},
        footer = {"", "Examples:", "  huzhu claim submit --plan 0 --amount 250 --evidence invoice.pdf --account alice",
                "  huzhu claim submit --plan 0 --amount 250 --evidence invoice.pdf --evidence scan.jpg --encrypt --account alice",
                "  huzhu claim submit --plan 0 --amount 99.99 --evidence scan.jpg --incurred-at 2027-01-03 --yes --json",
                "  huzhu claim submit --plan 1 --amount 3000 --evidence offer-letter.pdf --institution 0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc --account bob"})
public final class ClaimSubmit implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Option(names = "--amount", required = true, paramLabel = "AMOUNT", converter = dev.huzhu.cli.options.TokenQuantity.Converter.class, description = "amount claimed, in token units")
    dev.huzhu.cli.options.TokenQuantity amount;

    @Option(names = "--evidence", required = true, paramLabel = "FILE", description = "an evidence document (repeat for several with --encrypt)")
    java.util.List<Path> evidence;

    @Option(names = "--encrypt", description = "encrypt the files for you and the assessors and upload the ciphertext (docs/privacy.md)")
    boolean encrypt;

    @picocli.CommandLine.Mixin dev.huzhu.cli.options.StoreOptions store;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--institution", paramLabel = "ADDRESS|ACCOUNT",
            description = "EDUCATION plans (required there): the school the claim is paid to in tranches, named before the assessors vote")
    String institution;

    @Option(names = "--incurred-at", paramLabel = "WHEN", description = "when the loss happened (UTC date, ISO-8601 or Unix seconds; default: now)")
    String incurredAt;

    @Override
    public Integer call() {
        if (encrypt) {
            return submitEncrypted();
        }
        if (evidence.size() > 1) {
            throw new InvalidInputException("several --evidence files need --encrypt (without it, one file's hash goes on chain)");
        }
        byte[] evidenceHash;
        Path file = evidence.get(0);
        try {
            evidenceHash = Hash.sha3(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("evidence file " + file + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read evidence file " + file + ": " + e.getMessage());
        }
        return submit(evidenceHash, null);
    }

    /** Seals and uploads first (nothing is sent if that fails), then the claim, then the key wraps on EvidenceAccess. */
    private int submitEncrypted() {
        byte[] bundle = dev.huzhu.privacy.EvidenceBundle.pack(evidence); // bad files refused before any password or upload
        dev.huzhu.privacy.StoreClient client = store.client(dev.huzhu.cli.Session.of(spec));
        return submit(null, (p, flow) -> {
            dev.huzhu.privacy.EvidenceLedger ledger = EvidenceSetup.ledger(p);
            dev.huzhu.privacy.SealedDocument sealed = dev.huzhu.privacy.SealedDocument.seal(bundle);
            client.put(sealed.ciphertext(), p.plan(), flow.accountKey());
            java.util.List<String> readers = new java.util.ArrayList<>();
            readers.add(flow.from());
            readers.addAll(p.rules().assessors);
            EvidenceSetup.Wraps w = EvidenceSetup.wrapFor(ledger, sealed.contentKey(), readers, flow.accountKey());
            if (w.readers().size() < 2) {
                throw new InvalidInputException("no assessor of plan " + p.plan() + " has published an encryption key, so nobody could read "
                        + "the evidence; ask them to run `huzhu member publish-key`, or submit without --encrypt");
            }
            EvidenceSetup.warnMissing(spec.commandLine().getErr(), w.missing());
            return new Encrypted(sealed, w, ledger);
        });
    }

    private record Encrypted(dev.huzhu.privacy.SealedDocument sealed, EvidenceSetup.Wraps wraps, dev.huzhu.privacy.EvidenceLedger ledger) {}

    private interface Prepare {
        Encrypted run(PlanAction p, TxFlow flow);
    }

    private int submit(byte[] plainHash, Prepare prepare) {
        Long when = incurredAt == null ? null : Timestamps.parse(incurredAt, "--incurred-at");
        return plan.run((p, flow) -> {
            boolean education = PlanEscrow.education(p);
            if (education && institution == null) {
                throw new InvalidInputException("plan " + p.plan() + " is an EDUCATION plan: name the school the claim is paid to with --institution ADDRESS|ACCOUNT");
            }
            if (!education && institution != null) {
                throw new InvalidInputException("--institution is for EDUCATION plans; plan " + p.plan() + " pays claims to the member");
            }
            String school = institution == null ? null : plan.addressOf(institution, "--institution");
            if (school != null && school.equalsIgnoreCase(flow.from())) {
                throw new InvalidInputException("--institution must be the school, not the claimant " + flow.from());
            }
            BigInteger units = p.token().parse(amount.text());
            Encrypted enc = prepare == null ? null : prepare.run(p, flow);
            byte[] evidenceHash = enc == null ? plainHash : enc.sealed().cid().digest();
            long at = when != null ? when : latestTimestamp(p);
            String data = PlanAction.data(p.pool(flow.from()).submitClaim(units, evidenceHash, BigInteger.valueOf(at)));
            SentTransaction approval = p.ensureAllowance(flow, p.rules().claimBond, data);
            SentTransaction sent = flow.send(p.plan(), data,
                    "submit a claim for " + p.token().format(units) + " to plan " + p.plan() + " (evidence " + Numeric.toHexString(evidenceHash) + ")");
            ChainEvent e = p.chain().events(sent).stream().filter(x -> x.name().equals("ClaimSubmitted")).findFirst().orElseThrow();
            SentTransaction named = null;
            String schedule = "";
            if (school != null) {
                TrancheEscrow escrow = PlanEscrow.of(p, flow.from());
                named = flow.send(escrow.getContractAddress(), PlanAction.data(escrow.nameInstitution(p.plan(), e.number("claimId"), school)),
                        "name " + school + " as the institution of claim #" + e.number("claimId"));
                ChainEvent n = p.chain().events(named).stream().filter(x -> x.name().equals("InstitutionNamed")).findFirst().orElseThrow();
                schedule = "; paid to " + school + " in " + dev.huzhu.cli.output.Words.count(n.number("tranches").intValue(), "tranche") + ", one per term";
            }
            SentTransaction shared = null;
            String encrypted = "";
            if (enc != null) {
                shared = flow.send(enc.ledger().address(), PlanAction.data(enc.ledger().contract().addDocument(p.plan(), e.number("claimId"),
                        evidenceHash, enc.wraps().readers(), enc.wraps().wraps())), "publish the evidence key wrapped for " + enc.wraps().readers().size() + " readers");
                encrypted = "; evidence " + enc.sealed().cid() + " encrypted for you and " + (enc.wraps().readers().size() - 1) + " assessor(s)";
            }
            return new PlanTx.Outcome("submitted claim #" + e.number("claimId") + " for " + p.token().format(units) + schedule
                    + "; assessors decide by " + Timestamps.format(e.number("assessmentEndsAt").longValue()) + encrypted + "; " + TxFlow.line(sent),
                    Json.object("claimId", e.number("claimId").longValue(), "amount", p.token().format(units).split(" ")[0],
                            "evidenceHash", Numeric.toHexString(evidenceHash), "incurredAt", at,
                            "evidenceId", enc == null ? null : enc.sealed().cid().toString(),
                            "readers", enc == null ? null : enc.wraps().readers(), "shareTx", shared == null ? null : TxFlow.json(shared),
                            "assessmentEndsAt", e.number("assessmentEndsAt").longValue(),
                            "institution", school, "institutionTx", named == null ? null : TxFlow.json(named),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    private static long latestTimestamp(PlanAction p) {
        try {
            return p.chain().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        } catch (IOException e) {
            throw new dev.huzhu.chain.NetworkException("the node stopped answering: " + e.getMessage(), e);
        }
    }
}
