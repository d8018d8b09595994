package dev.huzhu.cli;

import java.io.PrintWriter;

/** The "proceed? [y/N]" question before anything irreversible; {@code --yes} skips it. */
public final class Confirmation {
    private Confirmation() {}

    /** Returns normally when confirmed; otherwise throws a {@link UserError} with {@link ExitCodes#DECLINED}. */
    public static void require(Session session, PrintWriter err, String question, boolean yes) {
        if (yes) {
            return;
        }
        err.print(question + " [y/N] ");
        err.flush();
        String answer = session.readLine();
        if (answer == null || session.console() == null) {
            err.println(); // piped input does not echo the newline
        }
        if (answer == null) {
            throw new UserError(ExitCodes.DECLINED, "not confirmed (no answer on standard input); add --yes to skip the question");
        }
        String a = answer.strip().toLowerCase();
        if (!a.equals("y") && !a.equals("yes")) {
            throw new UserError(ExitCodes.DECLINED, "cancelled; nothing was sent or changed");
        }
    }
}
