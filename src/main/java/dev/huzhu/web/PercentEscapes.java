package dev.huzhu.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request whose raw path or query has a malformed {@code %} escape ({@code %zz}, a cut
 * {@code %A}, bytes that are not UTF-8): the servlet layer would drop such a parameter silently and
 * answer as if it had not been given (e.g. every plan's claims for {@code ?plan=%zz}).
 */
final class PercentEscapes {
    private PercentEscapes() {}

    static void check(String what, String raw) {
        if (raw != null && raw.indexOf('%') >= 0 && !wellFormed(raw)) {
            throw new BadRequest("malformed % escape in the " + what + ": each % must start a %XX escape of UTF-8 bytes");
        }
    }

    static boolean wellFormed(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
