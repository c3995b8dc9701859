package org.watchfloor.ingest.parse;

import java.net.URI;

/** Turns the bytes of one fetched feed into a {@link ParsedFeed}. Implementations must be thread-safe. */
public interface FeedParser {

    /**
     * @param source      where the bytes came from; named in every error
     * @param body        the feed document as fetched
     * @param contentType the HTTP {@code Content-Type} header, or null (files, or a server that sent none)
     * @throws FeedParseException when the bytes are not a feed this parser can read, for whatever reason
     */
    ParsedFeed parse(URI source, byte[] body, String contentType) throws FeedParseException;
}
