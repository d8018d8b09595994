package dev.huzhu.cli.options;

import picocli.CommandLine.Option;

/** {@code --plan ID|ADDRESS}. */
public final class PlanOption {
    @Option(names = {"-p", "--plan"}, required = true, paramLabel = "ID|ADDRESS", description = "the plan: its id (`huzhu pool list`) or address")
    public String plan;
}
