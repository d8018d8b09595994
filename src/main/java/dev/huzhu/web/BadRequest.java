package dev.huzhu.web;

/** Input the API refuses: answered with 400 and the message. */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
