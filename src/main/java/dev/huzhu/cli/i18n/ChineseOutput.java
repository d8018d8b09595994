package dev.huzhu.cli.i18n;

import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * Puts a command line into Chinese for one run: help from the {@code Help_zh} resource bundle (picocli's
 * own mechanism), and every line on standard error, and on standard output unless it is JSON, through
 * the {@link MessageCatalogue}. Tables translate their own headers ({@code TextTable}).
 */
public final class ChineseOutput {
    private ChineseOutput() {}

    /** The language's help bundle on {@code root} and its subcommands. */
    public static void help(CommandLine root) {
        root.setResourceBundle(ResourceBundle.getBundle("dev.huzhu.cli.i18n.Help", Locale.CHINESE));
    }

    /** Wraps the writers of {@code root} (and so of its subcommands); {@code json}: standard output stays as is. */
    public static void wrap(CommandLine root, boolean json) {
        MessageCatalogue c = MessageCatalogue.chinese();
        if (!json && !(root.getOut() instanceof TranslatingWriter)) {
            root.setOut(new TranslatingWriter(root.getOut(), c));
        }
        if (!(root.getErr() instanceof TranslatingWriter)) {
            root.setErr(new TranslatingWriter(root.getErr(), c));
        }
    }

    /** The value of {@code --lang} among the raw arguments ({@code --lang zh} or {@code --lang=zh}), else null. */
    public static String option(String[] args) {
        for (int i = 0; args != null && i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        return null;
    }
}
