/**
 * One poll of one feed ({@link org.watchfloor.ingest.schedule.FeedPoll}), when the next one is due
 * ({@link org.watchfloor.ingest.schedule.PollPolicy}), and what a feed remembers of its items
 * between polls ({@link org.watchfloor.ingest.schedule.SeenItem}, {@code ItemChanges}).
 */
package org.watchfloor.ingest.schedule;
