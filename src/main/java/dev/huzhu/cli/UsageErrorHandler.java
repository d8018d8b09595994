package dev.huzhu.cli;

import dev.huzhu.protocol.InvalidInputException;
import picocli.CommandLine;

/**
 * A command-line mistake: one line naming it and where to get help, exit code 2. A typed converter
 * (claim id, decision…) throws {@link InvalidInputException}; its own words are the line.
 */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
    private final Session session;

    UsageErrorHandler(Session session) {
        this.session = session;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String lang = dev.huzhu.cli.i18n.ChineseOutput.option(args);
        try {
            if (dev.huzhu.cli.i18n.Language.resolve(lang, session.env()) == dev.huzhu.cli.i18n.Language.ZH) {
                dev.huzhu.cli.i18n.ChineseOutput.wrap(cmd.getCommandSpec().root().commandLine(), true);
            }
        } catch (IllegalArgumentException badLang) {
            cmd.getErr().println("huzhu: " + badLang.getMessage());
            cmd.getErr().flush();
            return ExitCodes.USAGE;
        }
        if (e.getCause() instanceof InvalidInputException bad) {
            // a converter that cannot know its option (a duration…) starts with the quoted value: name the option
            String option = bad.getMessage().startsWith("'") && e.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() + " " : "";
            cmd.getErr().println("huzhu: " + option + dev.huzhu.chain.Redaction.text(bad.getMessage()));
        } else {
            String message = String.valueOf(e.getMessage()).replace(System.lineSeparator(), " ").strip();
            cmd.getErr().println("huzhu: " + dev.huzhu.chain.Redaction.text(message) + suggestion(e, cmd)
                    + " (see `" + cmd.getCommandSpec().qualifiedName() + " --help`)");
        }
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** The name within two edits of {@code typed} (a swap counts as one: "lsit" -> "list"), else null. */
    static String nearest(String typed, java.util.Collection<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String n : names) {
            int d = distance(typed, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "; did you mean `huzhu pool list`?" for a mistyped command or option (picocli's closest names), else "". */
    static String suggestion(CommandLine.ParameterException e, CommandLine cmd) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = u.getUnmatched().get(0);
        // picocli's own suggestions are loose ('frobnicate' -> rate): only names within two edits
        java.util.Collection<String> names = typed.startsWith("-")
                ? cmd.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).toList()
                : cmd.getSubcommands().keySet();
        String best = nearest(typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed, names);
        if (best == null) {
            return "";
        }
        if (typed.startsWith("-") != best.startsWith("-")) {
            return "";
        }
        return "; did you mean `" + (best.startsWith("-") ? best : cmd.getCommandSpec().qualifiedName() + " " + best) + "`?";
    }
}
