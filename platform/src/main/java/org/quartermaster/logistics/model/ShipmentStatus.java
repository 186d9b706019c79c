package org.quartermaster.logistics.model;

/** Where a consignment stands: at its origin, moving, at a hub, at its destination, or received. */
public enum ShipmentStatus {
    PLANNED, IN_TRANSIT, AT_HUB, ARRIVED, RECEIVED;

    /** True while the goods have not reached their destination. */
    public boolean onTheWay() {
        return this == PLANNED || this == IN_TRANSIT || this == AT_HUB;
    }
}
