package org.quartermaster.access;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.access.AccessMatrixTest.Call;
import org.quartermaster.access.AccessMatrixTest.Caller;
import org.quartermaster.access.AccessMatrixTest.Entry;
import org.quartermaster.access.AccessMatrixTest.RowCheck;
import org.quartermaster.access.model.Role;

/**
 * Small builders for the record-level matrix entries ({@link MatrixLogisticsEntries},
 * {@link MatrixFundsEntries}): a read of a path, a write whose call is built anew for each
 * caller (so each allowed caller acts on a record of its own), and the page id scan.
 */
final class MatrixCells {
    /** Every role but VIEWER: what asking and answering questions takes. */
    static final Role[] ACTING_ROLES = {Role.REQUESTER, Role.COORDINATOR, Role.PROCUREMENT_OFFICER, Role.FUND_OFFICER,
            Role.LOGISTICIAN, Role.APPROVER, Role.AUDITOR, Role.ADMIN};

    private MatrixCells() {}

    static Entry read(String path, Predicate<Caller> allowed, RowCheck rows) {
        return new Entry(c -> new Call("GET", path, null, false), allowed, rows, false);
    }

    /** A JSON write; {@code call} runs once per cell, so it can make the fresh record the cell acts on. */
    static Entry json(String method, Function<Caller, String> path, Function<Caller, String> body,
                      Predicate<Caller> allowed) {
        return new Entry(c -> new Call(method, path.apply(c), body.apply(c), false), allowed, null, false);
    }

    /** A form post of a page ({@code application/x-www-form-urlencoded}); it answers 303 when done. */
    static Entry form(Function<Caller, String[]> pathAndBody, Predicate<Caller> allowed) {
        return new Entry(c -> {
            String[] pb = pathAndBody.apply(c);
            return new Call("POST", pb[0], pb[1], true);
        }, allowed, null, false);
    }

    /** The ids matching {@code pattern} in an HTML page that {@code visible} says the caller may not see. */
    static List<String> foreignIds(Pattern pattern, String html, Predicate<String> visible) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) if (!visible.test(m.group(1))) out.add(m.group(1));
        return out;
    }
}
