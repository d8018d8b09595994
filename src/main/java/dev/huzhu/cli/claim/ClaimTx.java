package dev.huzhu.cli.claim;

import dev.huzhu.cli.PlanTx;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What every command that sends on one claim takes: the plan/transaction options and the CLAIM argument (3 or #3). */
abstract class ClaimTx implements Callable<Integer> {
    @Mixin PlanTx plan;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "claim id (3 or #3)", converter = ClaimId.class)
    BigInteger id;
}
