package dev.huzhu.cli.dev;

import dev.huzhu.chain.Durations;
import dev.huzhu.chain.Timestamps;
import dev.huzhu.cli.ChainContext;
import dev.huzhu.cli.ExitCodes;
import dev.huzhu.cli.Session;
import dev.huzhu.cli.options.JsonOption;
import dev.huzhu.cli.options.NetworkOptions;
import dev.huzhu.cli.output.Json;
import dev.huzhu.devnet.DevChain;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.web3j.protocol.core.DefaultBlockParameterName;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code huzhu dev time [+DURATION]}: the local chain's time, moved forward (evm_increaseTime, then a block is mined). */
@Command(name = "time", mixinStandardHelpOptions = true,
        description = "Show the local chain's time, or move it forward and mine a block (waiting periods, notice and jury windows).",
        footer = {"", "Durations: 30d, 12h, 90m, 45s or seconds, with or without a leading +.",
                "", "Examples:", "  huzhu dev time", "  huzhu dev time +30d", "  huzhu dev time +3d --json"})
public final class DevTime implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin NetworkOptions network;
    @Mixin JsonOption json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "+DURATION", converter = Forward.class, description = "how far to move time forward (default: not at all)")
    Long forward;

    /** "+30d" or "30d" as seconds. */
    static final class Forward implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return Durations.parse(text.startsWith("+") ? text.substring(1) : text, "");
        }
    }

    @Override
    public Integer call() throws IOException {
        Session session = Session.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ChainContext chain = LocalChain.open(session, network)) {
            long before = now(chain);
            if (forward != null && forward > 0) {
                new DevChain(chain.rpc()).advance(forward);
            }
            var block = chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            long after = block.getTimestamp().longValue();
            if (json.json) {
                Json.print(out, Json.object("before", before, "now", after, "advanced", forward == null ? 0 : forward,
                        "block", block.getNumber().longValue()));
            } else if (forward == null || forward == 0) {
                out.printf("chain time %s (block %s)%n", Timestamps.format(after), block.getNumber());
            } else {
                out.printf("moved time forward %s: chain time %s -> %s (block %s)%n", Durations.format(forward),
                        Timestamps.format(before), Timestamps.format(after), block.getNumber());
            }
            return ExitCodes.OK;
        }
    }

    private static long now(ChainContext chain) throws IOException {
        return chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValue();
    }
}
