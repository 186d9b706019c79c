package org.quartermaster.oversight;

import java.util.List;
import java.util.Set;
import org.quartermaster.access.Permissions;
import org.quartermaster.access.ReadFilter;
import org.quartermaster.access.model.Action;
import org.quartermaster.audit.Journal;
import org.quartermaster.oversight.jdbc.QuestionsTable;
import org.quartermaster.oversight.model.Question;
import org.quartermaster.parties.Parties;
import org.quartermaster.shared.Actor;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Cursor;
import org.quartermaster.shared.InvalidField;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.NotFound;
import org.quartermaster.shared.Page;
import org.quartermaster.shared.PublicIds;
import org.quartermaster.shared.Refused;
import org.quartermaster.store.Database;

/**
 * Questions on records: anyone who may see a record asks, assigning an organisation; that
 * organisation's answer closes the question. Asker and assignee both see it.
 */
public final class Oversight {
    /** Longest record id a question may name. */
    static final int RECORD_LENGTH_MAX = 64;

    private final Database db;
    private final Journal journal;
    private final Parties parties;
    private final RecordAccess records;
    private final QuestionsTable table = new QuestionsTable();

    public Oversight(Database db, Journal journal, Parties parties, RecordAccess records) {
        this.db = db;
        this.journal = journal;
        this.parties = parties;
        this.records = records;
    }

    /** Asks a question; a record the asker may not see is refused like an unknown one (422 on record). */
    public Question ask(AskQuestion c, Actor actor) {
        return db.write(actor, tx -> {
            String record = Checks.text("record", c.record(), RECORD_LENGTH_MAX);
            String text = Checks.text("text", c.text(), Limits.TEXT_LENGTH_MAX);
            String org = orgOf(c.organisation(), actor);
            parties.organisationKey(tx, "organisation", org);
            parties.organisationKey(tx, "assignedTo", c.assignedTo());
            String person = person(c.person(), actor);
            Permissions.requireWrite(actor, org, Set.of(), Action.ASK_QUESTION);
            if (!records.canSee(actor, record)) throw new InvalidField("record", "names no record you may see: " + record);
            Question draft = new Question(0, record, org, person, c.assignedTo(), text, Question.Status.OPEN, null, null,
                    null, 1, tx.now(), tx.now());
            long key = table.insert(tx.handle(), draft);
            Question stored = table.byKey(tx.handle(), key).orElseThrow();
            journal.record(tx, "QuestionAsked", stored.publicId(), new QuestionEvents.QuestionAsked(stored.publicId(),
                    record, text, org, person, c.assignedTo()));
            return stored;
        });
    }

    /** The assigned organisation answers at {@code version}; the answer closes the question. */
    public Question answer(String id, AnswerQuestion c, Actor actor) {
        return db.write(actor, tx -> {
            long key = PublicIds.parse(Question.ID_PREFIX, id, "question");
            Question q = table.byKey(tx.handle(), key).filter(x -> visible(actor, x))
                    .orElseThrow(() -> new NotFound("question", id));
            String text = Checks.text("text", c.text(), Limits.TEXT_LENGTH_MAX);
            String org = orgOf(c.organisation(), actor);
            String person = person(c.person(), actor);
            long version = Checks.required("version", c.version());
            Permissions.requireWrite(actor, org, Set.of(), Action.ANSWER_QUESTION);
            if (!org.equals(q.assignedTo())) {
                throw new Refused("not-assigned", "organisation", "the question is assigned to " + q.assignedTo());
            }
            if (q.status() != Question.Status.OPEN) throw new Refused("already-answered", null, "the question is answered");
            Question answered = q.answered(text, person, tx.now());
            table.answer(tx.handle(), answered, version);
            journal.record(tx, "QuestionAnswered", q.publicId(), new QuestionEvents.QuestionAnswered(q.publicId(), text,
                    org, person, version + 1));
            return table.byKey(tx.handle(), key).orElseThrow();
        });
    }

    public Question get(Actor viewer, String id) {
        long key = PublicIds.parse(Question.ID_PREFIX, id, "question");
        return db.read(h -> table.byKey(h, key)).filter(q -> visible(viewer, q))
                .orElseThrow(() -> new NotFound("question", id));
    }

    public Page<Question> list(Actor viewer, String record, String assignedTo, String status, String after,
                               Integer limit) {
        if (status != null && !List.of("OPEN", "ANSWERED").contains(status)) {
            throw new InvalidField("status", "must be OPEN or ANSWERED");
        }
        int size = Cursor.limit(limit);
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "q.owner_org", "q.releasable_to");
        return Page.cut(db.read(h -> table.list(h, f.sql(), f.params(), record, assignedTo, status,
                Cursor.decode(after), size + 1)), size, Question::key);
    }

    /** Open questions per assigned organisation with the age of the oldest, over what {@code viewer} may see. */
    public List<OpenQuestions> openByOrganisation(Actor viewer) {
        ReadFilter.Condition f = Permissions.readFilter(viewer, db.dialect(), "q.owner_org", "q.releasable_to");
        long now = db.now().toEpochMilli();
        return db.read(h -> table.openByOrganisation(h, f.sql(), f.params(), now));
    }

    private static boolean visible(Actor viewer, Question q) {
        return Permissions.canRead(viewer, q.owner(), Set.of(q.assignedTo()));
    }

    private static String orgOf(String given, Actor actor) {
        String org = given != null ? given : (actor.isSystem() ? null : actor.organisation());
        if (org == null) throw new InvalidField("organisation", "is required");
        return org;
    }

    private static String person(String given, Actor actor) {
        if (actor.isSystem()) return Checks.text("person", given, Limits.NAME_LENGTH_MAX);
        if (given != null && !given.equals(actor.user())) throw new InvalidField("person", "must be you (" + actor.user() + ")");
        return actor.user();
    }
}
