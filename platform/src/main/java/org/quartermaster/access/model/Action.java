package org.quartermaster.access.model;

/** A kind of write the policy decides. A new kind of write is one constant and one rule in {@link WriteRules}. */
public enum Action {
    DEFINE_ITEM,
    REGISTER_ORGANISATION,
    FILE_NEED,
    CHANGE_NEED,
    MAKE_OFFER,
    CHANGE_OFFER,
    ANSWER_OFFER,
    CHANGE_RELEASABILITY,
    MANAGE_FUNDS,
    /** The shared reference exchange rates every fund's reports convert with. */
    IMPORT_EXCHANGE_RATES,
    PROCURE,
    /** A supplier submits bids, asks questions and lodges complaints in its own name. */
    BID,
    /** A participating buyer commits demand to, or calls off under, a procedure released to it. */
    JOIN_PROCUREMENT,
    SHIP,
    RECEIVE,
    OPEN_MONITORING_CASE,
    APPROVE,
    MANAGE_USERS,
    ISSUE_API_TOKEN,
    PROPOSE_PLAN,
    DEFINE_LANE,
    ADD_LOCATION,
    PUBLISH_CAPACITY,
    RESERVE_CAPACITY,
    ASK_QUESTION,
    ANSWER_QUESTION
}
