package dev.huzhu.cli.group;

import dev.huzhu.chain.Calls;
import dev.huzhu.chain.ChainEvent;
import dev.huzhu.chain.Erc20Token;
import dev.huzhu.chain.SentTransaction;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.PlanTx;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.TxFlow;
import dev.huzhu.cli.options.DurationConverter;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.options.SendOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.cli.scenario.ChainClock;
import dev.huzhu.cli.scenario.DocumentHash;
import dev.huzhu.cli.scenario.ScenarioTx;
import dev.huzhu.contracts.GroupPurchase;
import dev.huzhu.contracts.GroupPurchaseFactory;
import dev.huzhu.protocol.Address;
import dev.huzhu.protocol.Deployment;
import dev.huzhu.protocol.NotFoundException;
import dev.huzhu.protocol.PurchaseStatus;
import dev.huzhu.protocol.SolidityEnum;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu group …}: group purchases of shared equipment (共享经济), docs/scenarios.md. */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Group purchases: participants pledge shares; fully funded before the deadline the seller is paid exactly the price, otherwise every pledge is refunded. Co-owners book usage slots and sell shares.",
        footer = {"", "Examples:",
                "  huzhu group create --seller dave --price 1200 --share-price 100 --deadline 7d --item \"a tractor, model X\" --account alice",
                "  huzhu group pledge 0x0165878A594ca255338adfa4d48449f69242Eb8F 6 --account alice",
                "  huzhu group book 0x0165878A594ca255338adfa4d48449f69242Eb8F 3 --account alice"})
public final class GroupCommand {
    @Spec CommandSpec spec;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a group purchase (a clone): seller, price in whole shares, deadline, usage slots.",
            footer = {"", "Examples:",
                    "  huzhu group create --seller dave --price 1200 --share-price 100 --deadline 7d --item \"a tractor, model X\" --account alice",
                    "  huzhu group create --seller 0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65 --price 500 --share-price 50 --deadline 3d --slot 12h --slots-per-season 28 --yes --json"})
    int create(@Option(names = "--seller", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "paid exactly the price once every share is pledged") String seller,
            @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "the total price, a whole number of shares") String price,
            @Option(names = "--share-price", required = true, paramLabel = "AMOUNT", description = "the price of one share") String sharePrice,
            @Option(names = "--deadline", required = true, paramLabel = "DURATION", converter = DurationConverter.class, description = "pledging ends this long from now") Long deadline,
            @Option(names = "--item", defaultValue = "", paramLabel = "TEXT", description = "what is bought (its keccak-256 goes on chain)") String item,
            @Option(names = "--slot", defaultValue = "1d", paramLabel = "DURATION", converter = DurationConverter.class, description = "length of a usage slot (default: ${DEFAULT-VALUE})") Long slot,
            @Option(names = "--slots-per-season", defaultValue = "30", paramLabel = "N", description = "slots per season, the unit of booking quotas (default: ${DEFAULT-VALUE})") int slotsPerSeason,
            @Option(names = "--asset", paramLabel = "ADDRESS", description = "the token (default: the deployment's MockUSD)") String asset,
            @Mixin SendOptions send) {
        String sellerAddress = send.account.addressOf(Session.of(spec), seller, "--seller");
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            String factory = ScenarioTx.factory(chain, Deployment.GROUP_FACTORY);
            String tokenAddress = asset != null ? Address.parse(asset, "--asset").checksummed() : ScenarioTx.defaultAsset(chain);
            Erc20Token token = ScenarioTx.token(chain, tokenAddress);
            BigInteger total = token.parse(price);
            BigInteger share = token.parse(sharePrice);
            long ends = ChainClock.now(chain) + deadline;
            var params = new GroupPurchaseFactory.PurchaseParams(tokenAddress, sellerAddress, total, share, BigInteger.valueOf(ends),
                    BigInteger.valueOf(slot), BigInteger.valueOf(slotsPerSeason), DocumentHash.text(item));
            GroupPurchaseFactory f = GroupPurchaseFactory.load(factory, chain.web3j(), chain.reader(flow.from()), chain.gas());
            SentTransaction sent = flow.send(factory, f.createPurchase(params).encodeFunctionCall(),
                    "create a group purchase of " + token.format(total) + " from " + sellerAddress);
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("PurchaseCreated")).findFirst().orElseThrow();
            BigInteger shares = share.signum() == 0 ? BigInteger.ZERO : total.divide(share);
            return new PlanTx.Outcome("created purchase " + e.address("purchase") + " (#" + e.number("purchaseId") + "): " + shares + " shares of "
                    + token.format(share) + " by " + Timestamps.format(ends) + "; " + TxFlow.line(sent),
                    Json.object("purchase", e.address("purchase"), "id", e.number("purchaseId").longValue(), "price", ScenarioTx.units(token, total),
                            "sharePrice", ScenarioTx.units(token, share), "shares", shares.longValue(), "deadline", ends, "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "pledge", mixinStandardHelpOptions = true, description = "Pledge shares (paying shares × share price into escrow); the pledge completing the price pays the seller.",
            footer = {"", "Examples:", "  huzhu group pledge 0x0165878A594ca255338adfa4d48449f69242Eb8F 6 --account alice"})
    int pledge(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase, @Parameters(index = "1", paramLabel = "SHARES") long shares, @Mixin SendOptions send) {
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            BigInteger amount = Calls.get(p.terms()).component4().multiply(BigInteger.valueOf(shares));
            String data = p.pledge(BigInteger.valueOf(shares)).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, p.getContractAddress(), amount, data);
            SentTransaction sent = flow.send(p.getContractAddress(), data, "pledge " + shares + " share(s) for " + token.format(amount));
            var events = chain.events(sent);
            ChainEvent e = events.stream().filter(x -> x.name().equals("SharesPledged")).findFirst().orElseThrow();
            boolean funded = events.stream().anyMatch(x -> x.name().equals("PurchaseFunded"));
            return new PlanTx.Outcome("pledged " + shares + " share(s) for " + token.format(amount) + "; " + e.number("pledged") + " of "
                    + Calls.get(p.totalShares()) + " pledged" + (funded ? ": funded, the seller is paid the price" : "") + "; " + TxFlow.line(sent),
                    Json.object("shares", shares, "amount", ScenarioTx.units(token, amount), "pledged", e.number("pledged").longValue(),
                            "funded", funded, "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "refund", mixinStandardHelpOptions = true, description = "The deadline passed before every share was pledged: pull your pledge back.",
            footer = {"", "Examples:", "  huzhu group refund 0x0165878A594ca255338adfa4d48449f69242Eb8F --account alice"})
    int refund(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase, @Mixin SendOptions send) {
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            SentTransaction sent = flow.send(p.getContractAddress(), p.refund().encodeFunctionCall(), "refund the pledge in " + p.getContractAddress());
            BigInteger amount = ScenarioTx.amountIn(chain, sent, "PledgeRefunded");
            return new PlanTx.Outcome("refunded " + token.format(amount) + "; " + TxFlow.line(sent), Json.object("amount", ScenarioTx.units(token, amount), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw your credit: the price (seller) or the price of shares you sold.",
            footer = {"", "Examples:", "  huzhu group withdraw 0x0165878A594ca255338adfa4d48449f69242Eb8F --account dave"})
    int withdraw(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase, @Mixin SendOptions send) {
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            SentTransaction sent = flow.send(p.getContractAddress(), p.withdraw().encodeFunctionCall(), "withdraw from " + p.getContractAddress());
            BigInteger amount = ScenarioTx.amountIn(chain, sent, "CreditWithdrawn");
            return new PlanTx.Outcome("withdrew " + token.format(amount) + "; " + TxFlow.line(sent), Json.object("amount", ScenarioTx.units(token, amount), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "book", mixinStandardHelpOptions = true, description = "As a co-owner, book a usage slot (not started, this season or the next; within your share of the season).",
            footer = {"", "Examples:", "  huzhu group book 0x0165878A594ca255338adfa4d48449f69242Eb8F 3 --account alice"})
    int book(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase, @Parameters(index = "1", paramLabel = "SLOT") long slot, @Mixin SendOptions send) {
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            SentTransaction sent = flow.send(p.getContractAddress(), p.book(BigInteger.valueOf(slot)).encodeFunctionCall(), "book slot " + slot);
            ChainEvent e = chain.events(sent).stream().filter(x -> x.name().equals("SlotBooked")).findFirst().orElseThrow();
            return new PlanTx.Outcome("booked slot " + slot + " (season " + e.number("season") + "); " + TxFlow.line(sent),
                    Json.object("slot", slot, "season", e.number("season").longValue(), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "offer", mixinStandardHelpOptions = true, description = "As a co-owner, offer shares to a buyer at a price (the buyer accepts with group buy).",
            footer = {"", "Examples:", "  huzhu group offer 0x0165878A594ca255338adfa4d48449f69242Eb8F --to carol --shares 1 --price 110 --account alice"})
    int offer(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase,
            @Option(names = "--to", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "the buyer") String to,
            @Option(names = "--shares", required = true, paramLabel = "N") long shares,
            @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "the price of all the shares offered") String price,
            @Mixin SendOptions send) {
        String buyer = send.account.addressOf(Session.of(spec), to, "--to");
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            BigInteger units = token.parse(price);
            SentTransaction sent = flow.send(p.getContractAddress(), p.offerShares(buyer, BigInteger.valueOf(shares), units).encodeFunctionCall(),
                    "offer " + shares + " share(s) to " + buyer + " for " + token.format(units));
            return new PlanTx.Outcome("offered " + shares + " share(s) to " + buyer + " for " + token.format(units) + "; " + TxFlow.line(sent),
                    Json.object("buyer", buyer, "shares", shares, "price", ScenarioTx.units(token, units), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "buy", mixinStandardHelpOptions = true, description = "Accept an offer: the shares move and the price is credited to the seller in one transaction (terms repeated).",
            footer = {"", "Examples:", "  huzhu group buy 0x0165878A594ca255338adfa4d48449f69242Eb8F --from alice --shares 1 --price 110 --account carol"})
    int buy(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase,
            @Option(names = "--from", required = true, paramLabel = "ADDRESS|ACCOUNT", description = "the seller of the shares") String from,
            @Option(names = "--shares", required = true, paramLabel = "N") long shares,
            @Option(names = "--price", required = true, paramLabel = "AMOUNT", description = "the offer's price") String price,
            @Mixin SendOptions send) {
        String seller = send.account.addressOf(Session.of(spec), from, "--from");
        return onPurchase(purchase, send, (p, token, chain, flow) -> {
            BigInteger units = token.parse(price);
            String data = p.buyShares(seller, BigInteger.valueOf(shares), units).encodeFunctionCall();
            SentTransaction approval = ScenarioTx.ensureAllowance(chain, flow, token, p.getContractAddress(), units, data);
            SentTransaction sent = flow.send(p.getContractAddress(), data, "buy " + shares + " share(s) from " + seller + " for " + token.format(units));
            return new PlanTx.Outcome("bought " + shares + " share(s) from " + seller + " for " + token.format(units) + "; you own "
                    + Calls.get(p.sharesOf(flow.from())) + "; " + TxFlow.line(sent),
                    Json.object("seller", seller, "shares", shares, "price", ScenarioTx.units(token, units), "owned", Calls.get(p.sharesOf(flow.from())).longValue(),
                            "approval", approval == null ? null : TxFlow.json(approval), "tx", TxFlow.json(sent)));
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a purchase: status, pledged shares, terms, the current slot; with --owner, that co-owner's shares and quota.",
            footer = {"", "Examples:", "  huzhu group show 0x0165878A594ca255338adfa4d48449f69242Eb8F", "  huzhu group show 0x0165878A594ca255338adfa4d48449f69242Eb8F --owner alice --json"})
    int show(@Parameters(index = "0", paramLabel = "PURCHASE") String purchase,
            @Option(names = "--owner", paramLabel = "ADDRESS|ACCOUNT", description = "also show this co-owner's shares and quota") String owner,
            @Mixin NetworkOptions network, @Mixin JsonOption json, @Mixin dev.huzhu.cli.options.KeystoreOptions keystore) {
        PrintWriter out = spec.commandLine().getOut();
        String address = Address.parse(purchase, "PURCHASE").checksummed();
        try (ChainContext chain = ChainContext.open(Session.of(spec), network)) {
            GroupPurchase p = load(chain, address, address);
            var t = Calls.get(p.terms());
            Erc20Token token = ScenarioTx.token(chain, t.component1());
            var progress = Calls.get(p.progress());
            PurchaseStatus status = SolidityEnum.of(PurchaseStatus.class, Calls.get(p.status()));
            BigInteger total = Calls.get(p.totalShares());
            String who = owner == null ? null : keystore.addressOf(Session.of(spec), owner, "--owner");
            Map<String, Object> o = Json.object("purchase", address, "status", status.label(), "seller", t.component2(),
                    "price", ScenarioTx.units(token, t.component3()), "sharePrice", ScenarioTx.units(token, t.component4()), "shares", total.longValue(),
                    "pledged", progress.component1().longValue(), "deadline", t.component5().longValue(), "fundedAt", progress.component2().longValue(),
                    "slotLength", t.component6().longValue(), "slotsPerSeason", t.component7().intValue(), "currentSlot", Calls.get(p.currentSlot()).longValue());
            if (who != null) {
                o.put("owner", Json.object("address", who, "shares", Calls.get(p.sharesOf(who)).longValue(), "quota", Calls.get(p.quotaOf(who)).longValue()));
            }
            if (json.json) {
                Json.print(out, o);
                return ExitCodes.OK;
            }
            out.printf("purchase %s (%s)%n", address, status.label());
            out.printf("  seller   %s%n  price    %s in %s shares of %s%n  pledged  %s of %s shares (deadline %s)%n", t.component2(), token.format(t.component3()),
                    total, token.format(t.component4()), progress.component1(), total, Timestamps.format(t.component5().longValue()));
            if (who != null) {
                out.printf("  %s owns %s share(s), books up to %s slot(s) a season%n", who, Calls.get(p.sharesOf(who)), Calls.get(p.quotaOf(who)));
            }
            return ExitCodes.OK;
        }
    }

    /** A step on one purchase, with its token. */
    interface PurchaseStep {
        PlanTx.Outcome run(GroupPurchase purchase, Erc20Token token, ChainContext chain, TxFlow flow);
    }

    private int onPurchase(String purchase, SendOptions send, PurchaseStep step) {
        String address = Address.parse(purchase, "PURCHASE").checksummed();
        return ScenarioTx.run(spec, send, (chain, flow) -> {
            GroupPurchase p = load(chain, address, flow.from());
            Erc20Token token = ScenarioTx.token(chain, Calls.get(p.terms()).component1());
            Map<String, Object> head = Json.object("purchase", address);
            PlanTx.Outcome o = step.run(p, token, chain, flow);
            head.putAll(o.json());
            return new PlanTx.Outcome(o.text(), head);
        });
    }

    private static GroupPurchase load(ChainContext chain, String address, String from) {
        String factory = ScenarioTx.factory(chain, Deployment.GROUP_FACTORY);
        if (!Calls.get(GroupPurchaseFactory.load(factory, chain.web3j(), chain.reader(from), chain.gas()).isPurchase(address))) {
            throw new NotFoundException(address + " is not a group purchase of this deployment (factory " + factory + ")");
        }
        return GroupPurchase.load(address, chain.web3j(), chain.reader(from), chain.gas());
    }
}
