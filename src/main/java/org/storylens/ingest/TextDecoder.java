package org.storylens.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes into text when the encoding is not declared: a byte-order mark wins, then strict UTF-8, then a guess
 * between Windows-1251 (Cyrillic) and Windows-1252 (Latin-1 and its superset) from the shape of the high bytes.
 * Thread-safe.
 */
public final class TextDecoder {

    /**
     * The text and how it was decoded.
     *
     * @param guessed  true when no BOM, declaration or valid UTF-8 settled it
     * @param replaced how many malformed byte sequences of a declared encoding were replaced by U+FFFD
     */
    public record Decoded(String text, Charset charset, boolean guessed, int replaced) {

        public Decoded(String text, Charset charset, boolean guessed) {
            this(text, charset, guessed, 0);
        }
    }

    /**
     * A declared encoding is kept with its bad bytes replaced while they are at most one in this many bytes (and at
     * most {@link #MAX_REPLACED}): a stray byte in a UTF-8 page is a stray byte, not a sign that the page is Latin-1.
     */
    private static final int BYTES_PER_REPLACEMENT = 200;
    private static final int MAX_REPLACED = 50;

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public Decoded decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /**
     * @param declared an encoding the source declared (HTTP header, XML prolog, meta tag), or null; used when the
     *                 bytes decode cleanly with it
     */
    public Decoded decode(byte[] bytes, Charset declared) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    false);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, false);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, false);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new Decoded(new String(bytes, utf16), utf16, true);
        }
        if (declared != null) {
            String text = strict(bytes, declared);
            if (text != null) {
                return new Decoded(text, declared, false);
            }
            String replacing = new String(bytes, declared);
            int replaced = (int) replacing.chars().filter(c -> c == '\uFFFD').count();
            if (replaced <= MAX_REPLACED && (long) replaced * BYTES_PER_REPLACEMENT <= bytes.length) {
                return new Decoded(replacing, declared, false, replaced);
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8, false);
        }
        Charset guess = looksCyrillic(bytes) ? WINDOWS_1251 : WINDOWS_1252;
        return new Decoded(new String(bytes, guess), guess, true);
    }

    /** True when the bytes hold a NUL or many control characters, and are not UTF-16. */
    public boolean looksBinary(byte[] head) {
        if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF) || utf16WithoutBom(head) != null) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B)) {
                control++;
            }
        }
        return head.length > 0 && control * 20 > head.length;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * In Windows-1251 text the letters are the high bytes 0xC0-0xFF and they come in runs (whole words); in
     * Windows-1252 text high bytes are scattered accents between ASCII letters.
     */
    private static boolean looksCyrillic(byte[] bytes) {
        int high = 0;
        int inRuns = 0;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (c >= 0xC0) {
                high++;
                boolean prevHigh = i > 0 && (bytes[i - 1] & 0xFF) >= 0xC0;
                boolean nextHigh = i + 1 < bytes.length && (bytes[i + 1] & 0xFF) >= 0xC0;
                if (prevHigh || nextHigh) {
                    inRuns++;
                }
            }
        }
        return high >= 4 && inRuns * 2 > high;
    }

    /** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
    private static Charset utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, 512) & ~1;
        if (n < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            if (bytes[i] == 0) {
                evenNul++;
            }
            if (bytes[i + 1] == 0) {
                oddNul++;
            }
        }
        int pairs = n / 2;
        if (oddNul * 10 > pairs * 8 && evenNul * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul * 10 > pairs * 8 && oddNul * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
