package org.storylens.ingest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextDecoderTest {

    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset KOI8_R = Charset.forName("KOI8-R");

    private static final String ENGLISH = "Ferry services resume after the storm\n\nBoats left the harbour at dawn.";
    private static final String FRENCH = "Les cafés de Zürich ferment à 22 heures ; « c'est la fin », dit le gérant.";
    private static final String RUSSIAN = "Жители города вышли на улицы в пятницу, чтобы отметить праздник весны.";

    private final TextDecoder decoder = new TextDecoder();

    @Test
    void utf8ByteOrderMarkIsDroppedAndSettlesTheEncoding() {
        TextDecoder.Decoded d = decoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), FRENCH.getBytes(StandardCharsets.UTF_8)));

        assertThat(d.text()).isEqualTo(FRENCH);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.guessed()).isFalse();
    }

    @Test
    void utf16LittleEndianByteOrderMarkIsDroppedAndSettlesTheEncoding() {
        TextDecoder.Decoded d = decoder.decode(concat(bytes(0xFF, 0xFE), RUSSIAN.getBytes(StandardCharsets.UTF_16LE)));

        assertThat(d.text()).isEqualTo(RUSSIAN);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(d.guessed()).isFalse();
    }

    @Test
    void utf16BigEndianByteOrderMarkIsDroppedAndSettlesTheEncoding() {
        TextDecoder.Decoded d = decoder.decode(concat(bytes(0xFE, 0xFF), FRENCH.getBytes(StandardCharsets.UTF_16BE)));

        assertThat(d.text()).isEqualTo(FRENCH);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(d.guessed()).isFalse();
    }

    @Test
    void byteOrderMarkWinsOverADeclaredCharset() {
        TextDecoder.Decoded d = decoder.decode(concat(bytes(0xEF, 0xBB, 0xBF), FRENCH.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.ISO_8859_1);

        assertThat(d.text()).isEqualTo(FRENCH);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void recognisesUtf16WithoutAByteOrderMarkFromItsNulBytes() {
        TextDecoder.Decoded le = decoder.decode(ENGLISH.getBytes(StandardCharsets.UTF_16LE));
        TextDecoder.Decoded be = decoder.decode(ENGLISH.getBytes(StandardCharsets.UTF_16BE));

        assertThat(le.text()).isEqualTo(ENGLISH);
        assertThat(le.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(le.guessed()).isTrue();
        assertThat(be.text()).isEqualTo(ENGLISH);
        assertThat(be.charset()).isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void validUtf8IsDecodedAsUtf8WithoutGuessing() {
        String mixed = FRENCH + "\n" + RUSSIAN + "\nPrice: 5 € — “quoted”";

        TextDecoder.Decoded d = decoder.decode(mixed.getBytes(StandardCharsets.UTF_8));

        assertThat(d.text()).isEqualTo(mixed);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.guessed()).isFalse();
    }

    @Test
    void plainAsciiIsUtf8() {
        TextDecoder.Decoded d = decoder.decode(ENGLISH.getBytes(StandardCharsets.US_ASCII));

        assertThat(d.text()).isEqualTo(ENGLISH);
        assertThat(d.guessed()).isFalse();
    }

    @Test
    void latin1TextThatIsNotUtf8IsGuessedAsWindows1252() {
        TextDecoder.Decoded d = decoder.decode(FRENCH.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(d.text()).isEqualTo(FRENCH);
        assertThat(d.charset()).isEqualTo(WINDOWS_1252);
        assertThat(d.guessed()).isTrue();
    }

    @Test
    void windows1252PunctuationInTheC1RangeIsDecoded() {
        String text = "The mayor said: “We’ll pay €40 million” – and left.";

        TextDecoder.Decoded d = decoder.decode(text.getBytes(WINDOWS_1252));

        assertThat(d.text()).isEqualTo(text);
        assertThat(d.charset()).isEqualTo(WINDOWS_1252);
    }

    @Test
    void russianTextThatIsNotUtf8IsGuessedAsWindows1251() {
        TextDecoder.Decoded d = decoder.decode(RUSSIAN.getBytes(WINDOWS_1251));

        assertThat(d.text()).isEqualTo(RUSSIAN);
        assertThat(d.charset()).isEqualTo(WINDOWS_1251);
        assertThat(d.guessed()).isTrue();
    }

    @Test
    void declaredCharsetIsHonouredOverTheGuess() {
        // KOI8-R bytes would be guessed as Windows-1251 and come out as gibberish; the declaration says otherwise.
        TextDecoder.Decoded d = decoder.decode(RUSSIAN.getBytes(KOI8_R), KOI8_R);

        assertThat(d.text()).isEqualTo(RUSSIAN);
        assertThat(d.charset()).isEqualTo(KOI8_R);
        assertThat(d.guessed()).isFalse();
        assertThat(decoder.decode(RUSSIAN.getBytes(KOI8_R)).text()).isNotEqualTo(RUSSIAN);
    }

    @Test
    void declaredCharsetThatCannotDecodeTheBytesIsIgnored() {
        // Declared UTF-8 but saved as Latin-1: strict UTF-8 fails, so the bytes are guessed instead.
        TextDecoder.Decoded d = decoder.decode(FRENCH.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);

        assertThat(d.text()).isEqualTo(FRENCH);
        assertThat(d.charset()).isEqualTo(WINDOWS_1252);
        assertThat(d.guessed()).isTrue();
    }

    @Test
    void nulByteMeansBinary() {
        byte[] text = ("Some text" + '\0' + "more text after it").getBytes(StandardCharsets.US_ASCII);

        assertThat(decoder.looksBinary(text)).isTrue();
    }

    @Test
    void manyControlCharactersMeanBinary() {
        byte[] noise = new byte[200];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 3 == 0 ? 0x01 + i % 7 : 'a' + i % 26);
        }

        assertThat(decoder.looksBinary(noise)).isTrue();
    }

    @Test
    void textWithTabsLineBreaksAndAnOddEscapeIsNotBinary() {
        byte[] text = ("Col A\tCol B\r\nRow 1\tRow 2\f\n\u001B[1mBold\u001B[0m\n" + RUSSIAN)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.looksBinary(text)).isFalse();
        assertThat(decoder.looksBinary(new byte[0])).isFalse();
    }

    @Test
    void utf16IsNotMistakenForBinaryDespiteItsNulBytes() {
        assertThat(decoder.looksBinary(ENGLISH.getBytes(StandardCharsets.UTF_16LE))).isFalse();
        assertThat(decoder.looksBinary(ENGLISH.getBytes(StandardCharsets.UTF_16BE))).isFalse();
        assertThat(decoder.looksBinary(concat(bytes(0xFF, 0xFE), RUSSIAN.getBytes(StandardCharsets.UTF_16LE))))
                .isFalse();
        assertThat(decoder.looksBinary(concat(bytes(0xFE, 0xFF), RUSSIAN.getBytes(StandardCharsets.UTF_16BE))))
                .isFalse();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
