package org.quartermaster.procurement.model;

/** How the winner of a lot is chosen. */
public enum EvaluationMethod { LOWEST_PRICE, WEIGHTED }
