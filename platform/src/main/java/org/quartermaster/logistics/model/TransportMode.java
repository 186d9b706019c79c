package org.quartermaster.logistics.model;

/** How a consignment travels. */
public enum TransportMode { ROAD, RAIL, SEA, AIR, MULTIMODAL }
