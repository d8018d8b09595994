package dev.huzhu.protocol;

import java.util.List;

/** A revert's custom error: its name and its arguments with their ABI names and types. */
public record DecodedError(String name, List<Arg> args) {
    /** @param internalType Solidity's type name, e.g. "enum ClaimStatus" (empty when unknown) */
    public record Arg(String name, String type, String internalType, Object value) {}

    public Object arg(String argName) {
        return args.stream().filter(a -> a.name().equals(argName)).map(Arg::value).findFirst().orElse(null);
    }
}
