/**
 * From bytes to items: decoding (BOM, HTTP charset, XML declaration), refusing what is not a feed,
 * repair (entities, control characters, namespaces, dates, no DOCTYPE), Rome, and item identity
 * ({@link org.watchfloor.ingest.parse.NewsItemMapper}). The only package that uses Rome, in
 * {@link org.watchfloor.ingest.parse.RomeParser}; Rome's types never leave it.
 */
package org.watchfloor.ingest.parse;
