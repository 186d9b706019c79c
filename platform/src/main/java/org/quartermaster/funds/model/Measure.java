package org.quartermaster.funds.model;

import org.quartermaster.shared.Checks;
import org.quartermaster.shared.Money;

/** An assistance measure of a fund: paid from one envelope, commitments capped by a ceiling. */
public record Measure(String code, String fund, Envelope envelope, long ceilingMinor) {
    public Measure {
        Checks.matches("code", code, Fund.CODE_SHAPE, "M-2026-01 (A-Z, 0-9, _ or -, at most 32)");
        Fund.code(fund);
        Checks.required("envelope", envelope);
        Money.positiveAmount("ceilingMinor", ceilingMinor);
    }
}
