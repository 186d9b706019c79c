package org.quartermaster.bench;

import java.io.IOException;

/**
 * The item, organisation and location every bench need refers to, created through the API, and
 * the body of one need. The justification carries the client's unique key, so a need can be
 * matched to the request that filed it (and a duplicate spotted) by reading it back.
 */
final class ReferenceData {
    static final String ITEM = "BENCH-155";
    static final String ORGANISATION = "BENCH-MOD";
    static final String LOCATION = "BENCH-DEPOT";

    private ReferenceData() {}

    static void create(ApiClient api) throws IOException, InterruptedException {
        api.postExpecting(201, "/api/v1/items", """
                {"code":"%s","name":"155 mm HE (bench)","unit":"H87","cpv":"35331000-3",
                 "category":"AMMUNITION","lethal":true}""".formatted(ITEM));
        api.postExpecting(201, "/api/v1/organisations", """
                {"code":"%s","name":"Bench ministry","kind":"RECIPIENT","country":"UKR"}""".formatted(ORGANISATION));
        api.postExpecting(201, "/api/v1/locations", """
                {"code":"%s","name":"Bench depot","country":"UKR","kind":"DEPOT","organisation":"%s"}"""
                .formatted(LOCATION, ORGANISATION));
    }

    /** A need body unique to {@code key} (letters, digits and dashes only). */
    static String need(String key, long quantity) {
        return """
                {"requester":"%s","item":"%s","quantity":%d,"priority":"P2","dueDate":"2030-01-31",
                 "destination":"%s","justification":"%s","submit":true}"""
                .formatted(ORGANISATION, ITEM, quantity, LOCATION, key);
    }
}
