package dev.huzhu.indexer;

import org.web3j.protocol.core.methods.response.Log;

/** Fast reads of a log's position: web3j's own getters re-validate the hex with a regex on every call. */
final class LogFields {
    private LogFields() {}

    static long blockNumber(Log l) {
        return quantity(l.getBlockNumberRaw());
    }

    static int logIndex(Log l) {
        return (int) quantity(l.getLogIndexRaw());
    }

    private static long quantity(String hex) {
        if (hex == null || !hex.startsWith("0x") || hex.length() < 3 || hex.length() > 18) {
            throw new RpcException("malformed quantity in a log: " + hex, false, null);
        }
        return Long.parseLong(hex, 2, hex.length(), 16);
    }
}
