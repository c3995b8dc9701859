package org.watchfloor.ingest.fetch;

/**
 * What a server gave to make the next request conditional. Kept independently: some servers send
 * only one, and a server that drops its ETag must not make us forget its Last-Modified.
 * Either may be null.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    /** These validators, each replaced by the newer one where the server sent one. */
    public Validators updatedBy(Validators newer) {
        return new Validators(newer.etag != null ? newer.etag : etag,
                newer.lastModified != null ? newer.lastModified : lastModified);
    }
}
