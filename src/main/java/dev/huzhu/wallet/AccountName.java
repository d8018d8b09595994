package dev.huzhu.wallet;

import dev.huzhu.protocol.InvalidInputException;

/** Rules for account names: they become file names, so they are short and plain. */
public final class AccountName {
    private static final String PATTERN = "[A-Za-z][A-Za-z0-9._-]{0,39}";

    private AccountName() {}

    /** Returns {@code name} if valid, else throws an IllegalArgumentException naming the rule. */
    public static String check(String name) {
        if (name == null || !name.matches(PATTERN)) {
            throw new InvalidInputException("account name '" + name
                    + "' is not valid: use 1-40 letters, digits, '.', '_' or '-', starting with a letter");
        }
        return name;
    }
}
