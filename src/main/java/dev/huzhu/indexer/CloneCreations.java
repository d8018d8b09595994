package dev.huzhu.indexer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The factory events that create a contract the indexer then follows like a plan (docs/indexer.md): a plan
 * (PlanCreated), a relief campaign (CampaignCreated), a matching round (RoundCreated), a group purchase
 * (PurchaseCreated), a parametric plan (ParametricPlanCreated). Each names its clone in one argument; a factory's
 * event belongs to (is scoped to) the clone it names.
 */
final class CloneCreations {
    /** The created-clone events, by name. */
    static final Set<String> EVENTS = Set.of("PlanCreated", "CampaignCreated", "RoundCreated", "PurchaseCreated", "ParametricPlanCreated");

    /**
     * The arguments that name the contract a factory's event belongs to, first present first: CampaignCreated also
     * names its round, after its campaign; the zero-knowledge contracts' events name their plan.
     */
    static final String[] SCOPE_ARGS = {"plan", "pool", "clone", "instance", "campaign", "purchase", "round"};

    /** The events' names as an SQL list ('PlanCreated', …), for queries over the events table. */
    static final String SQL_LIST = String.join(", ", EVENTS.stream().sorted().map(n -> "'" + n + "'").toList());

    private CloneCreations() {}

    /** The clone {@code e} created (lower case), if it is a created-clone event. */
    static Optional<String> created(DecodedEvent e) {
        return created(e.name(), e.args());
    }

    static Optional<String> created(String name, dev.huzhu.protocol.EventArgs args) {
        if (!EVENTS.contains(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(args.text(SCOPE_ARGS)).map(a -> a.toLowerCase(Locale.ROOT));
    }

    /** The contract a factory's event belongs to: the one it names, else null. */
    static String scopeOf(dev.huzhu.protocol.EventArgs args) {
        String a = args.text(SCOPE_ARGS);
        return a == null ? null : a.toLowerCase(Locale.ROOT);
    }
}
