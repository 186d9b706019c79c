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

    /** The approval's status: PENDING, GRANTED, REJECTED or USED. */
    String status(String approval);

    /**
     * Spends the GRANTED approval {@code approval} of payment {@code payment} in {@code tx}, the
     * transaction that pays it: it authorises this payment, with this {@code summary}, once.
     *
     * @throws org.quartermaster.shared.Refused {@code four-eyes} when it is for another payment or
     *     not granted, {@code approval-used} when it was used already
     */
    void use(org.quartermaster.store.Tx tx, String approval, String payment, String summary, Actor approver);

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

        @Override
        public void use(org.quartermaster.store.Tx tx, String approval, String payment, String summary, Actor approver) {
            requireRequester(approver);
        }
    };
}
