package dev.huzhu.cli;

import dev.huzhu.cli.i18n.ChineseOutput;
import dev.huzhu.cli.i18n.Language;
import picocli.CommandLine;

/**
 * Runs the parsed command in the language asked ({@code --lang}, else the environment: {@link Language#resolve}):
 * in Chinese, help, messages and table headers are Chinese for this run (docs/cli.md "Languages").
 * The writers stay wrapped after the command returns, so that the error handler's line is translated too.
 */
final class LanguageStrategy implements CommandLine.IExecutionStrategy {
    private final Session session;
    private final CommandLine.IExecutionStrategy delegate;

    LanguageStrategy(Session session, CommandLine.IExecutionStrategy delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public int execute(CommandLine.ParseResult parsed) {
        String option = null;
        boolean json = false;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            option = p.matchedOptionValue("--lang", option);
            json |= p.hasMatchedOption("--json");
        }
        Language language;
        try {
            language = Language.resolve(option, session.env());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(parsed.commandSpec().commandLine(), e.getMessage());
        }
        Language.use(language);
        if (language == Language.ZH) {
            CommandLine root = parsed.commandSpec().root().commandLine();
            ChineseOutput.help(root);
            ChineseOutput.wrap(root, json);
        }
        try {
            return delegate.execute(parsed);
        } finally {
            Language.use(Language.EN);
        }
    }
}
