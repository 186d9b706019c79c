package org.quartermaster.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.capacity.Capacity;
import org.quartermaster.capacity.PublishLine;
import org.quartermaster.capacity.ReserveSlot;
import org.quartermaster.capacity.model.ProductionLine;
import org.quartermaster.capacity.model.RampStep;
import org.quartermaster.capacity.model.Weeks;
import org.quartermaster.parties.AddLocation;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.shared.Actor;

/**
 * The demo's industrial order book, loaded through the capacity facade after the scenario:
 * three suppliers of 155 mm M107 shells (CPV 35331200-5, shells) ramping up over 52 weeks, two
 * of them under a framework agreement, and lines of other suppliers and items; contracts and
 * call-offs reserve most of the framework capacity, except six weeks of one line: the one
 * idle-framework alert of the order book.
 */
public final class CapacityDemo {
    public static final int HORIZON_WEEKS = 52;
    /** The weeks of the idle framework line left unreserved: longer than the default alert run of 4. */
    static final int IDLE_FROM_WEEK = 6;
    static final int IDLE_WEEKS = 6;

    private CapacityDemo() {}

    /** One line of the demo: supplier, item, factory, ramp-up as (week, units) pairs, price, reserved per mille. */
    record Spec(String supplier, String item, String site, String siteName, String country, long start,
                long[][] ramp, long priceMinor, String currency, int leadWeeks, boolean framework,
                int reservedPerMille, String reserver) {}

    static List<Spec> specs() {
        return List.of(
                new Spec("SUP-RHEINMARK", "AMMO-155-HE-M107", "DE-UNTERLUSS-PLANT", "Unterlüß shell plant", "DEU",
                        4_000, new long[][] {{13, 6_000}, {26, 9_000}, {39, 12_000}}, 380_000, "EUR", 6, true, 820,
                        "UKR-DOT"),
                new Spec("SUP-EXCALIBRA", "AMMO-155-HE-M107", "CZ-SLOVAKIA-PLANT", "Excalibra shell works", "CZE",
                        2_500, new long[][] {{20, 4_000}, {40, 6_000}}, 415_000, "EUR", 8, false, 650, "CZE-MOD"),
                new Spec("SUP-NAMMOS", "AMMO-155-HE-M107", "FI-LAPUA-PLANT", "Nammos shell plant", "FIN",
                        1_500, new long[][] {{8, 2_500}, {30, 4_000}}, 395_000, "EUR", 10, true, 700, "UKR-DOT"),
                new Spec("SUP-NORDWAFFE", "AMMO-155-HE-DM121", "DE-NORDWAFFE-PLANT", "Nordwaffe projectile line",
                        "DEU", 1_000, new long[][] {{26, 2_000}}, 410_000, "EUR", 12, false, 400, "DEU-MOD"),
                new Spec("SUP-PGZ-MESKO", "AMMO-120-MOR-HE", "PL-SKARZYSKO-PLANT", "Mesko mortar line", "POL",
                        3_000, new long[][] {{10, 4_500}}, 520_000, "PLN", 4, false, 300, "POL-MOD"),
                new Spec("SUP-NAMMOS", "AMMO-556X45", "FI-LAPUA-PLANT", null, null, 500_000,
                        new long[][] {}, 45, "EUR", 2, false, 150, "UKR-MOD"),
                new Spec("SUP-DNIPRODRON", "DRN-FPV-7IN", "UA-DNIPRO-PLANT", "Dnipro drone assembly", "UKR",
                        8_000, new long[][] {{4, 12_000}, {12, 20_000}}, 45_000, "EUR", 1, false, 900, "UKR-MOD"),
                new Spec("SUP-MEDIBALT", "MED-IFAK", "LT-KAUNAS-PLANT", "Medibalt kit assembly", "LTU",
                        10_000, new long[][] {}, 9_000, "EUR", 3, false, 250, "UKR-MOD"));
    }

    /** What was loaded. */
    public record Loaded(int lines, int reservations) {}

    /** Loads the order book with weeks from the Monday of {@code today}. */
    public static Loaded load(Capacity capacity, Parties parties, LocalDate today) {
        LocalDate first = Weeks.mondayOf(today);
        int reservations = 0;
        List<ProductionLine> lines = new ArrayList<>();
        for (Spec s : specs()) {
            if (s.siteName() != null) {
                parties.addLocation(new AddLocation(s.site(), s.siteName(), s.country(), LocationKind.FACTORY,
                        s.supplier()), officer(s.supplier()));
            }
            List<RampStep> ramp = new ArrayList<>();
            for (long[] r : s.ramp()) ramp.add(new RampStep(first.plusWeeks(r[0]), r[1]));
            ProductionLine line = capacity.publish(new PublishLine(s.supplier(), s.item(), s.site(),
                    s.item() + " line, " + s.supplier(), first, HORIZON_WEEKS, s.start(), ramp, s.priceMinor(),
                    s.currency(), s.leadWeeks(), s.framework(), null), officer(s.supplier()));
            lines.add(line);
            reservations += reserve(capacity, line, s, first);
        }
        return new Loaded(lines.size(), reservations);
    }

    /**
     * Reserves {@code reservedPerMille} of each week: a framework line by call-offs under one
     * framework contract, other lines by contracts; the third 155 mm line leaves its idle weeks.
     */
    private static int reserve(Capacity capacity, ProductionLine line, Spec s, LocalDate first) {
        int count = 0;
        boolean idleLine = s.supplier().equals("SUP-NAMMOS") && s.item().equals("AMMO-155-HE-M107");
        for (int w = 0; w < HORIZON_WEEKS; w++) {
            if (idleLine && w >= IDLE_FROM_WEEK && w < IDLE_FROM_WEEK + IDLE_WEEKS) continue;
            LocalDate week = first.plusWeeks(w);
            long units = line.terms().capacityIn(week) * s.reservedPerMille() / 1000;
            if (units <= 0) continue;
            String reference = s.framework() ? "CO-" + s.supplier().substring(4) + "-" + (w + 1)
                    : "C-" + s.supplier().substring(4) + "-" + (1 + w / 13);
            capacity.reserve(new ReserveSlot(line.publicId(), week, units, s.reserver(),
                    s.framework() ? "CALL_OFF" : "CONTRACT", reference, s.framework(), Set.of()),
                    officer(s.reserver()));
            count++;
        }
        return count;
    }

    private static Actor officer(String organisation) {
        return new Actor("demo-loader", organisation, Set.of(), Set.of("PROCUREMENT_OFFICER", "COORDINATOR"));
    }
}
