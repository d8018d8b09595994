package dev.huzhu.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hostile token symbols, cleaned by hand-worked expectation. */
class ChainTextTest {
    @Test
    void terminalEscapesAreRemoved() {
        assertEquals("?mUSD", ChainText.safe("\u001b]0;pwned\u0007mUSD"));             // OSC: window title
        assertEquals("?mUSD?", ChainText.safe("\u001b[2J\u001b[HmUSD\u001b[0m"));     // CSI: clear screen, home, reset (two runs)
        assertEquals("?USD", ChainText.safe("\u001b]8;;http://evil\u001b\\USD"));      // OSC 8 hyperlink opener
        assertEquals("a?b", ChainText.safe("a\u009b31mb"));                           // C1 CSI
        assertEquals("a?b", ChainText.safe("a\r\n\tb"));
        assertEquals("a?b", ChainText.safe("a\u0000\u007fb"));
    }

    @Test
    void invisibleReorderingIsRemoved() {
        assertEquals("USD?mu", ChainText.safe("USD\u202Emu"));          // right-to-left override
        assertEquals("m?USD", ChainText.safe("m\u200bUSD"));             // zero-width space
        assertEquals("?x?", ChainText.safe("\u2066x\u2069"));            // isolates
        assertTrue(ChainText.tampered("m\u200dUSD"));
        assertFalse(ChainText.tampered("互助币"));
        assertEquals("互助币 mUSD", ChainText.safe("互助币 mUSD"));
    }

    @Test
    void longTextIsCut() {
        assertEquals("abc…", ChainText.safe("abcdef", 3));
        assertEquals("abc", ChainText.safe("abc", 3));
    }

    @Test
    void logLinesKeepTheirBreaks() {
        assertEquals("12:00 WARN symbol ?mUSD?\n\tat x.y(Z.java:1)\n", ChainText.logLines("12:00 WARN symbol \u001b[2JmUSD\u202E\n\tat x.y(Z.java:1)\n"));
    }
}
