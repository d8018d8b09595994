package dev.huzhu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script from the command tree (picocli generates bash/zsh only): every command's
 * subcommands and options with their descriptions, offered after the command's path was typed.
 */
final class FishCompletion {
    private FishCompletion() {}

    static String script(String name, CommandLine root) {
        StringBuilder sb = new StringBuilder("# fish completion for ").append(name).append(" (generated: `").append(name)
                .append(" completion fish > ~/.config/fish/completions/").append(name).append(".fish`)\n")
                .append("complete -c ").append(name).append(" -f\n");
        walk(name, root, new ArrayList<>(), sb);
        return sb.toString();
    }

    private static void walk(String name, CommandLine cl, List<String> path, StringBuilder sb) {
        String condition = condition(path, cl.getSubcommands());
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            sb.append("complete -c ").append(name).append(" -n ").append(quote(condition)).append(" -a ").append(quote(sub.getKey()))
                    .append(" -d ").append(quote(summary(sub.getValue().getCommandSpec()))).append('\n');
        }
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.hidden()) {
                continue;
            }
            StringBuilder line = new StringBuilder("complete -c ").append(name).append(" -n ").append(quote(condition));
            for (String n : o.names()) {
                line.append(n.startsWith("--") ? " -l " + n.substring(2) : n.length() == 2 ? " -s " + n.substring(1) : " -o " + n.substring(1));
            }
            if (o.arity().max() > 0) {
                line.append(" -r");
                if (o.paramLabel().matches("FILE|DIR")) {
                    line.append(" -F");
                }
            }
            sb.append(line).append(" -d ").append(quote(o.description().length == 0 ? "" : firstSentence(o.description()[0]))).append('\n');
        }
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            List<String> next = new ArrayList<>(path);
            next.add(sub.getKey());
            walk(name, sub.getValue(), next, sb);
        }
    }

    /** The fish condition for "this command's path is typed, and none of its subcommands yet". */
    private static String condition(List<String> path, Map<String, CommandLine> subcommands) {
        List<String> parts = new ArrayList<>();
        if (path.isEmpty()) {
            parts.add("__fish_use_subcommand");
        } else {
            for (String p : path) {
                parts.add("__fish_seen_subcommand_from " + p);
            }
        }
        if (!path.isEmpty() && !subcommands.isEmpty()) {
            parts.add("not __fish_seen_subcommand_from " + String.join(" ", subcommands.keySet()));
        }
        return String.join("; and ", parts);
    }

    private static String summary(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        return d.length == 0 ? "" : firstSentence(d[0]);
    }

    private static String firstSentence(String text) {
        String t = text.replaceAll("\\$\\{[A-Z-]+}", "").replace("%n", " ").replace("%%", "%");
        int dot = t.indexOf(". ");
        return (dot > 0 ? t.substring(0, dot) : t).strip();
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
