package org.quartermaster.funds.model;

/** A payment against a contract milestone, paid from a measure to the payee. */
public record MilestonePayment(String transfer, String measure, String contract, String milestone, String payee,
                               boolean prepayment, long amountMinor, long contractValueMinor, long guaranteeMinor) {}
