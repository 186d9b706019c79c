package org.quartermaster.funds.model;

/**
 * Earmarked envelopes of a fund. A member that abstains constructively pays only into the
 * non-lethal envelope, so its money can never pay for a lethal measure.
 */
public enum Envelope {
    LETHAL, NON_LETHAL;

    /** Where a member's share of a call for {@code requested} goes. */
    public static Envelope forMember(Envelope requested, boolean abstainsLethal) {
        return abstainsLethal ? NON_LETHAL : requested;
    }

    public static Envelope parse(String field, String text) {
        try {
            return valueOf(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new org.quartermaster.shared.InvalidField(field, "must be LETHAL or NON_LETHAL");
        }
    }
}
