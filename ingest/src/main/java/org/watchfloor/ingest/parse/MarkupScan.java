package org.watchfloor.ingest.parse;

/** Where a piece of markup ends, as the repairs and the shape guard find it: forward scans, no backtracking. */
final class MarkupScan {
    private MarkupScan() {
    }

    /** Index just past {@code end} searched from {@code from}; the text's length when it never comes. */
    static int past(String xml, int from, String end) {
        int at = xml.indexOf(end, from);
        return at < 0 ? xml.length() : at + end.length();
    }

    /** Index of the {@code >} closing the start tag at {@code start}, quotes respected; -1 if none. */
    static int startTagEnd(String xml, int start) {
        char quote = 0;
        for (int i = start; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }
}
