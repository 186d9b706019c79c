package org.quartermaster.procurement.model;

import java.time.Instant;
import java.time.LocalDate;
import org.quartermaster.shared.PublicIds;

/** An order placed by a participating buyer under a framework contract. */
public record CallOff(long key, String contract, String buyer, String supplier, long quantity, long valueMinor,
                      String currency, long deliveredQuantity, LocalDate dueOn, String status, Instant createdAt) {
    public static final String ID_PREFIX = "CO";

    public String publicId() {
        return PublicIds.format(ID_PREFIX, key);
    }
}
