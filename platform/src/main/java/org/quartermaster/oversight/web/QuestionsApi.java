package org.quartermaster.oversight.web;

import java.time.Instant;
import java.util.List;
import org.quartermaster.access.RoutePolicies;
import org.quartermaster.access.RoutePolicy;
import org.quartermaster.access.model.Action;
import org.quartermaster.oversight.AnswerQuestion;
import org.quartermaster.oversight.AskQuestion;
import org.quartermaster.oversight.OpenQuestions;
import org.quartermaster.oversight.Oversight;
import org.quartermaster.oversight.model.Question;
import org.quartermaster.server.Actors;
import org.quartermaster.server.Http;
import org.quartermaster.server.Pages;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.RouteTable.Param;

/** JSON routes of questions on records. */
public final class QuestionsApi {
    static final String BASE = "/api/v1/questions";

    private QuestionsApi() {}

    public record QuestionResponse(String id, String record, String organisation, String askedBy, String assignedTo,
                                   String text, String status, String answer, String answeredBy, Instant answeredAt,
                                   long version, Instant createdAt) {}

    public record QuestionPage(List<QuestionResponse> items, String next) {}

    public record OpenList(List<OpenQuestions> items) {}

    public static void routes(RouteTable t, Oversight oversight) {
        t.get(BASE, "questions", "Questions the caller may see", QuestionPage.class, List.of(
                new Param("record", "public id of the record asked about", String.class),
                new Param("assignedTo", "organisation code", String.class),
                new Param("status", "OPEN or ANSWERED", String.class),
                new Param("after", "cursor from the previous page", String.class),
                new Param("limit", "page size, 1 to 500", Integer.class)), ctx -> {
            var page = Pages.map(oversight.list(Actors.of(ctx), Http.param(ctx, "record"), Http.param(ctx, "assignedTo"),
                    Http.param(ctx, "status"), Http.param(ctx, "after"), Http.intParam(ctx, "limit")),
                    QuestionsApi::response);
            Http.json(ctx, 200, new QuestionPage(page.items(), page.next()));
        });
        t.get("/api/v1/open-questions", "questions", "Open questions per assigned organisation, with age", OpenList.class,
                ctx -> Http.json(ctx, 200, new OpenList(oversight.openByOrganisation(Actors.of(ctx)))));
        t.get(BASE + "/{id}", "questions", "Read one question", QuestionResponse.class,
                ctx -> Http.json(ctx, 200, response(oversight.get(Actors.of(ctx), ctx.pathParam("id")))));
        t.post(BASE, "questions", "Ask a question on a record, assigned to an organisation", AskQuestion.class,
                QuestionResponse.class, 201, ctx -> {
                    Question q = oversight.ask(Http.body(ctx, AskQuestion.class), Actors.of(ctx));
                    Http.created(ctx, BASE + "/" + q.publicId(), response(q));
                });
        t.post(BASE + "/{id}/answer", "questions", "Answer (and so close) a question", AnswerQuestion.class,
                QuestionResponse.class, 200, ctx -> Http.json(ctx, 200, response(oversight.answer(ctx.pathParam("id"),
                        Http.body(ctx, AnswerQuestion.class), Actors.of(ctx)))));
    }

    public static void policies(RoutePolicies p) {
        p.declare("GET", BASE, RoutePolicy.anyRole());
        p.declare("GET", "/api/v1/open-questions", RoutePolicy.anyRole());
        p.declare("GET", BASE + "/{id}", RoutePolicy.anyRole());
        p.declare("POST", BASE, RoutePolicy.forAction(Action.ASK_QUESTION));
        p.declare("POST", BASE + "/{id}/answer", RoutePolicy.forAction(Action.ANSWER_QUESTION));
    }

    static QuestionResponse response(Question q) {
        return new QuestionResponse(q.publicId(), q.record(), q.owner(), q.askedBy(), q.assignedTo(), q.text(),
                q.status().name(), q.answer(), q.answeredBy(), q.answeredAt(), q.version(), q.createdAt());
    }
}
