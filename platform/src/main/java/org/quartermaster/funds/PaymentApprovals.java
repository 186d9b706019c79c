package org.quartermaster.funds;

import org.quartermaster.shared.Actor;

/**
 * The four-eyes step of a large payment, as funds asks it: wired to the access context's
 * approvals in {@code Quartermaster} (a request by one person, completed by a different person
 * of the same organisation; a second account of the requester counts as the requester).
 */
public interface PaymentApprovals {
    /**
     * Refuses before anything is written when {@code requester} cannot open an approval (no
     * person's account). @throws org.quartermaster.shared.AccessDenied
     */
    void requireRequester(Actor requester);

    /** Opens an approval of payment {@code payment}; returns the approval's id. */
    String request(String payment, String summary, Actor requester);

    /**
     * Grants or rejects approval {@code approval} as {@code approver}.
     *
     * @throws org.quartermaster.shared.Refused {@code four-eyes} when the approver is the requesting person
     * @throws org.quartermaster.shared.AccessDenied when the approver may not approve for that organisation
     */
    void decide(String approval, Actor approver, boolean grant);

    /** The approval's status: PENDING, GRANTED or REJECTED. */
    String status(String approval);

    /** For a platform without access control: every payment above the threshold is refused. */
    PaymentApprovals NONE = new PaymentApprovals() {
        @Override
        public void requireRequester(Actor requester) {
            throw new org.quartermaster.shared.Refused("four-eyes", "amountMinor",
                    "the payment needs a second person's approval, and no approvals are wired");
        }

        @Override
        public String request(String payment, String summary, Actor requester) {
            requireRequester(requester);
            return null;
        }

        @Override
        public void decide(String approval, Actor approver, boolean grant) {
            requireRequester(approver);
        }

        @Override
        public String status(String approval) {
            return "PENDING";
        }
    };
}
