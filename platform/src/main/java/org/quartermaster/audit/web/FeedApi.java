package org.quartermaster.audit.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.quartermaster.audit.CanonicalJson;
import org.quartermaster.audit.Journal;
import org.quartermaster.audit.JournalEvent;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;
import org.quartermaster.shared.NotFound;

/** The change feed and a record's history. */
public final class FeedApi {
    /** Events of one record shown at most. */
    static final int HISTORY_MAX = 1_000;

    private FeedApi() {}

    public record EventResponse(long sequence, Instant time, String actor, String organisation, String type,
                                String entity, JsonNode payload, String hash) {}

    public record EventPage(List<EventResponse> items, String next) {}

    public record History(String entity, List<EventResponse> events) {}

    public static void routes(RouteTable t, Journal journal) {
        t.get("/api/v1/feed", "journal", "The change feed, oldest first, cursor-paged", EventPage.class, List.of(
                new Param("after", "cursor from the previous page (its next)", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(journal.feed(Http.param(ctx, "after"), Http.intParam(ctx, "limit"), Actors.of(ctx)), FeedApi::response);
            Http.json(ctx, 200, new EventPage(page.items(), page.next()));
        });
        t.get("/api/v1/history/{entity}", "journal", "Every journalled change of one record", History.class, ctx -> {
            String entity = ctx.pathParam("entity");
            List<JournalEvent> events = journal.forEntity(entity, HISTORY_MAX, Actors.of(ctx));
            // Every record is journalled when it is made, so no events means no such record.
            if (events.isEmpty()) throw new NotFound("record", entity);
            Http.json(ctx, 200, new History(entity, events.stream().map(FeedApi::response).toList()));
        });
    }

    public static EventResponse response(JournalEvent e) {
        JsonNode body = CanonicalJson.read(e.body());
        return new EventResponse(e.sequence(), e.time(), e.actor(), e.organisation(), e.type(), e.entityId(),
                body.get("payload"), e.hash());
    }
}
