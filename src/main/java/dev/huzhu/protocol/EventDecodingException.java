package dev.huzhu.protocol;

/** A log whose topic names a protocol event but whose topics or data do not fit that event. */
public final class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
