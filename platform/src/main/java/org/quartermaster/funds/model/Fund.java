package org.quartermaster.funds.model;

import java.util.regex.Pattern;
import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Limits;
import org.quartermaster.shared.Money;

/** A collective fund: a code (e.g. {@code EPF}), a name and the one currency it keeps accounts in. */
public record Fund(String code, String name, String currency) {
    public static final Pattern CODE_SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    public Fund {
        code(code);
        name = Checks.text("name", name, Limits.NAME_LENGTH_MAX);
        Money.currency("currency", currency);
    }

    public static String code(String code) {
        return Checks.matches("fund", code, CODE_SHAPE, "EPF (A-Z, 0-9, _ or -, at most 32)");
    }

    /** Purpose of the account that holds an envelope's money. */
    public static String envelopePurpose(Envelope e) {
        return "ENVELOPE:" + e.name();
    }

    public static String measurePurpose(String measure) {
        return "MEASURE:" + measure;
    }

    /** A member's account that contributions are called from; it goes negative by what the member paid in. */
    public static final String CONTRIBUTIONS = "CONTRIBUTIONS";
    public static final String PAYMENTS = "PAYMENTS";
    public static final String REIMBURSEMENTS = "REIMBURSEMENTS";
}
