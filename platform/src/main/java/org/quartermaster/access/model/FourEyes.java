package org.quartermaster.access.model;

/**
 * The four-eyes rule of an approval step: whoever completes it must be a different person from
 * whoever requested it. Persons, not accounts, are compared: every account carries the
 * {@code personId} of the human who holds it, so a second account of the requester is the same
 * person and is refused too.
 */
public final class FourEyes {
    private FourEyes() {}

    /** The outcome of an attempt to complete an approval. */
    public sealed interface Outcome {
        record Allowed() implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    /**
     * Decides whether the person {@code deciderPerson} (account {@code deciderUser}) may complete
     * a pending request made by {@code requesterPerson} (account {@code requesterUser}).
     */
    public static Outcome decide(String requesterUser, String requesterPerson, String deciderUser,
                                 String deciderPerson) {
        if (deciderPerson == null || deciderPerson.isBlank()) {
            return new Outcome.Refused("only an account of a known person can complete an approval");
        }
        if (requesterUser.equals(deciderUser)) {
            return new Outcome.Refused("the requester cannot complete their own request");
        }
        if (requesterPerson.equals(deciderPerson)) {
            return new Outcome.Refused("another account of the requesting person cannot complete the request");
        }
        return new Outcome.Allowed();
    }
}
