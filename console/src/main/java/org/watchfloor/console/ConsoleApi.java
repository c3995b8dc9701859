package org.watchfloor.console;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.watchfloor.stage.PrometheusMetrics;

/**
 * The console's HTTP endpoints besides the page and the stream: {@code GET /api/alerts} (the board's rows,
 * filtered and paged, {@link BoardQuery}), {@code GET /api/search} (the same, {@link SearchQuery}),
 * {@code GET /api/stories/{id}} ({@link StoryDetail}), {@code GET /api/topics} (topics with story counts),
 * {@code GET /api/topics/{id}/timeline} ({@link TopicTimeline}), {@code GET /api/feeds} ({@link FeedBoard}),
 * {@code POST /api/acks} ({@code {"storyId": ..., "by": ...}}, written to {@code alert-acks}),
 * {@code GET /health} and {@code GET /metrics}.
 */
final class ConsoleApi {
    private final Board board;
    private final FigureBook figures;
    private final FeedBoard feeds;
    private final AckWriter acks;
    private final Clock clock;
    private final BooleanSupplier ready;
    private final BooleanSupplier live;

    ConsoleApi(Board board, FigureBook figures, FeedBoard feeds, AckWriter acks, Clock clock, BooleanSupplier ready,
               BooleanSupplier live) {
        this.board = Objects.requireNonNull(board, "board");
        this.figures = Objects.requireNonNull(figures, "figures");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.acks = Objects.requireNonNull(acks, "acks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.live = Objects.requireNonNull(live, "live");
    }

    void alerts(Context ctx) {
        json(ctx, board.page(BoardQuery.parse(ctx::queryParam)));
    }

    void search(Context ctx) {
        json(ctx, board.page(SearchQuery.parse(ctx::queryParam), figures));
    }

    void story(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, StoryDetail.of(board.story(id).orElseThrow(() -> new NotFoundResponse("no story " + id
                + " on the board")), figures));
    }

    void feeds(Context ctx) {
        json(ctx, feeds.feeds());
    }

    void topics(Context ctx) {
        json(ctx, board.topics());
    }

    void timeline(Context ctx) {
        String id = ctx.pathParam("id");
        Board.TopicCount topic = board.topics().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("no topic " + id + " on the board"));
        json(ctx, TopicTimeline.of(new TopicLabel(topic.id(), topic.name()), board.stories(id), figures));
    }

    /** What a POST to {@code /api/acks} holds. */
    record AckRequest(String storyId, String by) {
    }

    void acknowledge(Context ctx) {
        AccessGuard.forgery(ctx.contentType(), ctx.header(AccessGuard.REQUEST_HEADER), ctx.header("Origin"), ctx.host())
                .ifPresent(why -> {
                    throw new ForbiddenResponse(why);
                });
        AckRequest request = ApiJson.read(ctx.body(), AckRequest.class);
        if (request.storyId() == null || request.by() == null) {
            throw new IllegalArgumentException("storyId and by are required");
        }
        StoryRow row = board.row(request.storyId())
                .orElseThrow(() -> new NotFoundResponse("no story " + request.storyId() + " on the board"));
        AlertAck ack = new AlertAck(row.storyId(), row.latestAlertId(), request.by(), clock.instant());
        acks.write(ack);
        ctx.status(HttpStatus.CREATED);
        json(ctx, ack);
    }

    /** 200 once the board has caught up with Kafka, 503 before or when its reader has stopped. */
    void health(Context ctx) {
        boolean isLive = live.getAsBoolean();
        boolean isReady = isLive && ready.getAsBoolean();
        ctx.status(isReady ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.contentType("application/json")
                .result("{\"live\":" + isLive + ",\"ready\":" + isReady + ",\"stories\":" + board.size() + "}");
    }

    void metrics(Context ctx) {
        ctx.contentType(PrometheusMetrics.CONTENT_TYPE).result(PrometheusMetrics.scrape());
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(ApiJson.write(value));
    }
}
