package org.quartermaster.access.model;

import static org.quartermaster.access.model.Role.ADMIN;
import static org.quartermaster.access.model.Role.APPROVER;
import static org.quartermaster.access.model.Role.AUDITOR;
import static org.quartermaster.access.model.Role.COORDINATOR;
import static org.quartermaster.access.model.Role.FUND_OFFICER;
import static org.quartermaster.access.model.Role.LOGISTICIAN;
import static org.quartermaster.access.model.Role.PROCUREMENT_OFFICER;
import static org.quartermaster.access.model.Role.REQUESTER;
import static org.quartermaster.access.model.WriteRule.Scope.OWN_ORGANISATION;
import static org.quartermaster.access.model.WriteRule.Scope.PLATFORM;
import static org.quartermaster.access.model.WriteRule.Scope.RELEASED_TO_WRITER;

import java.util.List;
import java.util.Set;

/** Every write permission of the platform. What is not listed here is denied. */
public final class WriteRules {
    private WriteRules() {}

    public static List<WriteRule> all() {
        return List.of(
                new WriteRule("platform coordinators keep the shared catalogue", Action.DEFINE_ITEM,
                        Set.of(COORDINATOR, ADMIN), PLATFORM),
                new WriteRule("platform admins register organisations", Action.REGISTER_ORGANISATION,
                        Set.of(ADMIN), PLATFORM),
                new WriteRule("requesters file their organisation's needs", Action.FILE_NEED,
                        Set.of(REQUESTER, COORDINATOR), OWN_ORGANISATION),
                new WriteRule("requesters change their organisation's needs", Action.CHANGE_NEED,
                        Set.of(REQUESTER, COORDINATOR), OWN_ORGANISATION),
                new WriteRule("donors offer their organisation's stock", Action.MAKE_OFFER,
                        Set.of(COORDINATOR, LOGISTICIAN), OWN_ORGANISATION),
                new WriteRule("donors change their organisation's offers", Action.CHANGE_OFFER,
                        Set.of(COORDINATOR, LOGISTICIAN), OWN_ORGANISATION),
                new WriteRule("recipients answer offers released to them", Action.ANSWER_OFFER,
                        Set.of(REQUESTER, COORDINATOR), RELEASED_TO_WRITER),
                new WriteRule("owners change who a record is released to", Action.CHANGE_RELEASABILITY,
                        Set.of(COORDINATOR, ADMIN), OWN_ORGANISATION),
                new WriteRule("fund officers move their organisation's money", Action.MANAGE_FUNDS,
                        Set.of(FUND_OFFICER), OWN_ORGANISATION),
                new WriteRule("platform fund officers keep the shared reference exchange rates",
                        Action.IMPORT_EXCHANGE_RATES, Set.of(FUND_OFFICER), PLATFORM),
                new WriteRule("procurement officers run their organisation's procedures", Action.PROCURE,
                        Set.of(PROCUREMENT_OFFICER), OWN_ORGANISATION),
                new WriteRule("suppliers bid, ask and complain in their own name", Action.BID,
                        Set.of(PROCUREMENT_OFFICER, COORDINATOR), OWN_ORGANISATION),
                new WriteRule("participating buyers commit demand and call off under procedures released to them",
                        Action.JOIN_PROCUREMENT, Set.of(PROCUREMENT_OFFICER, FUND_OFFICER), RELEASED_TO_WRITER),
                new WriteRule("logisticians ship their organisation's consignments", Action.SHIP,
                        Set.of(LOGISTICIAN), OWN_ORGANISATION),
                new WriteRule("logisticians receive consignments released to them", Action.RECEIVE,
                        Set.of(LOGISTICIAN), RELEASED_TO_WRITER),
                new WriteRule("auditors open cases on records released to them", Action.OPEN_MONITORING_CASE,
                        Set.of(AUDITOR), RELEASED_TO_WRITER),
                new WriteRule("approvers complete their organisation's approvals", Action.APPROVE,
                        Set.of(APPROVER), OWN_ORGANISATION),
                new WriteRule("admins manage their own organisation's users", Action.MANAGE_USERS,
                        Set.of(ADMIN), OWN_ORGANISATION),
                new WriteRule("platform admins manage every organisation's users", Action.MANAGE_USERS,
                        Set.of(ADMIN), PLATFORM),
                new WriteRule("platform coordinators propose allocation plans over every need and offer",
                        Action.PROPOSE_PLAN, Set.of(COORDINATOR), PLATFORM),
                new WriteRule("platform coordinators and logisticians describe transport lanes", Action.DEFINE_LANE,
                        Set.of(COORDINATOR, LOGISTICIAN), PLATFORM),
                new WriteRule("platform admins and coordinators add reference locations", Action.ADD_LOCATION,
                        Set.of(ADMIN, COORDINATOR), PLATFORM),
                new WriteRule("admins issue their organisation's API tokens", Action.ISSUE_API_TOKEN,
                        Set.of(ADMIN), OWN_ORGANISATION),
                new WriteRule("platform admins issue every organisation's API tokens", Action.ISSUE_API_TOKEN,
                        Set.of(ADMIN), PLATFORM),
                new WriteRule("suppliers publish and change their organisation's production lines",
                        Action.PUBLISH_CAPACITY, Set.of(PROCUREMENT_OFFICER, COORDINATOR), OWN_ORGANISATION),
                new WriteRule("buyers reserve and release production slots for their organisation",
                        Action.RESERVE_CAPACITY, Set.of(PROCUREMENT_OFFICER, COORDINATOR), OWN_ORGANISATION),
                new WriteRule("anyone who may see a record asks questions on it for their organisation (viewers only read)",
                        Action.ASK_QUESTION, Set.of(REQUESTER, COORDINATOR, PROCUREMENT_OFFICER, FUND_OFFICER, LOGISTICIAN,
                                APPROVER, AUDITOR, ADMIN), OWN_ORGANISATION),
                new WriteRule("an organisation answers the questions assigned to it", Action.ANSWER_QUESTION,
                        Set.of(REQUESTER, COORDINATOR, PROCUREMENT_OFFICER, FUND_OFFICER, LOGISTICIAN, APPROVER,
                                AUDITOR, ADMIN), OWN_ORGANISATION));
    }
}
