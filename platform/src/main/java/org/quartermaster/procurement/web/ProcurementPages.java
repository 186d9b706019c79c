package org.quartermaster.procurement.web;

import org.quartermaster.access.RoutePolicies;
import org.quartermaster.procurement.Procurement;
import org.quartermaster.server.RouteTable;

/** Pages of joint procurement. */
public final class ProcurementPages {
    private ProcurementPages() {}

    public static void routes(RouteTable t, Procurement procurement) {}

    public static void policies(RoutePolicies r) {}
}
