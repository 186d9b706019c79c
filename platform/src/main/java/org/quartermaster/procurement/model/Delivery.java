package org.quartermaster.procurement.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One delivery recorded against a contract, through one of its call-offs ({@code callOff}) or
 * directly (null): the day it was delivered, the units counted and the consignment it came with.
 */
public record Delivery(LocalDate deliveredOn, long quantity, String callOff, String reference, Instant recordedAt) {}
