package dev.huzhu.web;

/** Nothing at this path or for this key: answered with 404 and the message. */
final class NotFound extends RuntimeException {
    NotFound(String message) {
        super(message);
    }
}
