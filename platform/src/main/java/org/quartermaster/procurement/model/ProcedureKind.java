package org.quartermaster.procurement.model;

/** How suppliers take part: anyone eligible (OPEN, FRAMEWORK) or only those invited (RESTRICTED, NEGOTIATED). */
public enum ProcedureKind {
    OPEN, RESTRICTED, NEGOTIATED, FRAMEWORK;

    public boolean invitationOnly() {
        return this == RESTRICTED || this == NEGOTIATED;
    }
}
