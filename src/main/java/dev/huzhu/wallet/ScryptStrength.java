package dev.huzhu.wallet;

/**
 * Scrypt cost of a new keystore file. {@link #STANDARD} is geth's default (n = 2^18, p = 1: about a
 * second and 256 MiB per unlock); {@link #LIGHT} (n = 2^12, p = 6) is for tests and throwaway
 * accounts only, chosen with {@code --light} or {@code HUZHU_KEYSTORE_LIGHT=1}.
 */
public enum ScryptStrength {
    STANDARD(1 << 18, 1),
    LIGHT(1 << 12, 6);

    private final int n;
    private final int p;

    ScryptStrength(int n, int p) {
        this.n = n;
        this.p = p;
    }

    public int n() {
        return n;
    }

    public int p() {
        return p;
    }
}
