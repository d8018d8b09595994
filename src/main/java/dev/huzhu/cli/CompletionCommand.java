package dev.huzhu.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code huzhu completion}: prints a bash/zsh completion script generated from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash/zsh or fish completion script for huzhu (generated from the command tree).",
        footer = {"", "Examples:", "  source <(huzhu completion)", "  huzhu completion > /etc/bash_completion.d/huzhu",
                "  huzhu completion fish > ~/.config/fish/completions/huzhu.fish"})
final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            description = "bash (also for zsh, through bashcompinit) or fish (default: ${DEFAULT-VALUE})")
    String shell;

    @Override
    public Integer call() {
        String script = switch (shell) {
            case "bash", "zsh" -> AutoComplete.bash("huzhu", spec.root().commandLine());
            case "fish" -> FishCompletion.script("huzhu", spec.root().commandLine());
            default -> throw new dev.huzhu.protocol.InvalidInputException("no completion for shell '" + shell + "': bash, zsh or fish");
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
