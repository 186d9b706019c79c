package org.quartermaster.planner;

/** Where allocated units come from. */
public enum SourceKind { OFFER, PRODUCTION }
