package dev.huzhu.cli.options;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that signs and sends: the network, the account, the fees and
 * confirmation, and --json. {@link dev.huzhu.cli.PlanTx} adds --plan; commands that take the plan
 * as an argument (pool close, pool wind-down) use this one with {@code PlanTx.run}.
 */
public final class SendOptions {
    @Mixin public NetworkOptions network;
    @Mixin public AccountOptions account;
    @Mixin public TxOptions tx;
    @Mixin public JsonOption json;
}
