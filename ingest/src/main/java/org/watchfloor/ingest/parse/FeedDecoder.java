package org.watchfloor.ingest.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a feed's bytes into text, deciding the charset in the order that is right for XML served
 * over HTTP: byte-order mark, then the HTTP {@code charset}, then the XML declaration, then UTF-8
 * when the bytes are valid UTF-8, else windows-1252 (what browsers assume for Latin-1 labels and
 * for undeclared legacy text). Names Java does not know ({@code windows_1250}, {@code csunicode})
 * go through an alias table first; an unknown name never fails the feed, it only loses its vote.
 */
final class FeedDecoder {
    private static final Pattern HTTP_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';\\s]+)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset EBCDIC = Charset.forName("IBM037");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("csunicode", "UTF-16"), Map.entry("unicode", "UTF-16"), Map.entry("ucs-2", "UTF-16"),
            Map.entry("iso-10646-ucs-2", "UTF-16"), Map.entry("utf8", "UTF-8"), Map.entry("utf-16le", "UTF-16LE"),
            Map.entry("utf-16be", "UTF-16BE"), Map.entry("latin1", "windows-1252"), Map.entry("latin-1", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("x-sjis", "Shift_JIS"), Map.entry("sjis", "Shift_JIS"), Map.entry("euc-kr", "EUC-KR"),
            Map.entry("ks_c_5601-1987", "EUC-KR"), Map.entry("ks-c-5601-1987", "EUC-KR"), Map.entry("gb2312", "GBK"),
            Map.entry("cp-1252", "windows-1252"), Map.entry("koi8r", "KOI8-R"), Map.entry("macintosh", "x-MacRoman"),
            Map.entry("ms-cyrl", "windows-1251"), Map.entry("ms-ee", "windows-1250"), Map.entry("ms-greek", "windows-1253"),
            Map.entry("ms-turk", "windows-1254"), Map.entry("ms-hebr", "windows-1255"), Map.entry("ms-arab", "windows-1256"),
            Map.entry("mac", "x-MacRoman"), Map.entry("csmacintosh", "x-MacRoman"), Map.entry("maclatin2", "x-MacCentralEurope"));

    private FeedDecoder() {
    }

    static String decode(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : bom.name().startsWith("UTF-32") ? 4 : 2;
            return new String(body, skip, body.length - skip, bom);
        }
        Charset http = contentType == null ? null : named(first(HTTP_CHARSET, contentType));
        if (http != null && !isSixteenBitClaimOn8BitText(http, body)) {
            return new String(body, http);
        }
        Charset sixteen = sixteenBitWithoutBom(body);
        if (sixteen != null) {
            return new String(body, sixteen);
        }
        boolean ebcdic = body.length >= 4 && (body[0] & 0xFF) == 0x4C && (body[1] & 0xFF) == 0x6F
                && (body[2] & 0xFF) == 0xA7 && (body[3] & 0xFF) == 0x94; // "<?xm" in EBCDIC
        String head = new String(body, 0, Math.min(body.length, 1024), ebcdic ? EBCDIC : StandardCharsets.ISO_8859_1);
        Charset declared = named(first(DECLARED, head));
        if (declared != null && !isSixteenBitClaimOn8BitText(declared, body)) {
            return new String(body, declared);
        }
        return ebcdic ? new String(body, EBCDIC) : strictUtf8(body);
    }

    /** The charset Java knows under {@code name} or one of its aliases, else null. */
    static Charset named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String canonical = ALIASES.getOrDefault(key, key);
        for (String candidate : new String[] {canonical, canonical.replace("-", ""), canonical.replace("windows-", "cp")}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                // try the next spelling; the feed falls back to UTF-8 detection if none is known
            }
        }
        return null;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** "<?" or "<r" written in UTF-16 or UTF-32 without a mark: zero bytes next to each ASCII byte. */
    private static Charset sixteenBitWithoutBom(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** A label says UTF-16/32 but the text starts with plain ASCII markup: the label is wrong. */
    private static boolean isSixteenBitClaimOn8BitText(Charset charset, byte[] body) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        return (name.startsWith("UTF-16") || name.startsWith("UTF-32")) && sixteenBitWithoutBom(body) == null
                && body.length > 1 && body[0] != 0 && body[1] != 0;
    }

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, WINDOWS_1252);
        }
    }
}
