package dev.huzhu.protocol;

/**
 * Input from the user (an option, an argument, a file they named) that cannot be used: the CLI
 * prints its message as one line and exits with the usage code (2). A plain
 * {@link IllegalArgumentException} is a bug in our own code and exits as one (1), with its stack
 * trace in the log.
 */
public class InvalidInputException extends IllegalArgumentException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
