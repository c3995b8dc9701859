package org.watchfloor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedDecoderTest {
    private static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    @Test
    void byteOrderMarkWinsOverHttpAndDeclaration() {
        byte[] body = bytes("\uFEFF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Ж</rss>", "UTF-8");
        assertThat(FeedDecoder.decode(body, "text/xml; charset=windows-1251")).endsWith("<rss>Ж</rss>");
    }

    @Test
    void httpCharsetWinsOverTheDeclaration() {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>Жук</rss>", "windows-1251");
        assertThat(FeedDecoder.decode(body, "application/rss+xml; charset=\"windows-1251\"")).contains("Жук");
    }

    @Test
    void declarationWithAnAliasedNameIsHonoured() {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"windows_1250\"?><rss>Łódź</rss>", "windows-1250");
        assertThat(FeedDecoder.decode(body, null)).contains("Łódź");
    }

    @Test
    void undeclaredBytesAreUtf8WhenValidElseWindows1252() {
        assertThat(FeedDecoder.decode("<rss>café</rss>".getBytes(StandardCharsets.UTF_8), null)).contains("café");
        assertThat(FeedDecoder.decode(bytes("<rss>café €</rss>", "windows-1252"), null)).contains("café €");
    }

    @Test
    void unknownCharsetNamesFallBackInsteadOfFailing() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><rss>ok</rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(FeedDecoder.decode(body, "text/xml; charset=bogus")).contains("<rss>ok</rss>");
    }

    @Test
    void utf16WithoutBomIsRecognised() {
        assertThat(FeedDecoder.decode(bytes("<?xml version=\"1.0\"?><rss>ok</rss>", "UTF-16LE"), null)).contains("<rss>ok</rss>");
    }
}
