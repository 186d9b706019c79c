package org.quartermaster.procurement.model;

/** Whether a registered supplier may bid: verified by the platform and not excluded (with the reason). */
public record SupplierEligibility(String supplier, boolean verified, boolean excluded, String reason) {}
