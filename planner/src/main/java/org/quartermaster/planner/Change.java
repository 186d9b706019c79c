package org.quartermaster.planner;

/** A small change after which {@link Planner#replan} re-solves only what it touches. */
public sealed interface Change {

    /** An offer added, or an existing one (same id) replaced by this one. */
    record OfferPut(Offer offer) implements Change {
        public OfferPut {
            if (offer == null) {
                throw new IllegalArgumentException("offer must be given");
            }
        }
    }

    /** The offer with this id is withdrawn. */
    record OfferWithdrawn(String offerId) implements Change {
        public OfferWithdrawn {
            Checks.id(offerId, "withdrawn offer id");
        }
    }

    /** A need line added, or an existing one (same id) replaced by this one. */
    record NeedPut(Need need) implements Change {
        public NeedPut {
            if (need == null) {
                throw new IllegalArgumentException("need must be given");
            }
        }
    }
}
