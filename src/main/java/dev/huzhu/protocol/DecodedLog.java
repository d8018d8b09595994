package dev.huzhu.protocol;

/** A log decoded by {@link EventDecoder}: the event's name and its normalised named arguments. */
public record DecodedLog(String name, EventArgs args) {}
