package org.quartermaster.demo;

import static org.quartermaster.catalog.model.Category.AIR_DEFENCE;
import static org.quartermaster.catalog.model.Category.AMMUNITION;
import static org.quartermaster.catalog.model.Category.COMMUNICATIONS;
import static org.quartermaster.catalog.model.Category.DEMINING;
import static org.quartermaster.catalog.model.Category.DRONES;
import static org.quartermaster.catalog.model.Category.FUEL;
import static org.quartermaster.catalog.model.Category.MEDICAL;
import static org.quartermaster.catalog.model.Category.PROTECTIVE_EQUIPMENT;
import static org.quartermaster.catalog.model.Category.SPARE_PARTS;
import static org.quartermaster.catalog.model.Category.VEHICLES;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.catalog.model.Compatibility;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;

/**
 * The fixed reference world of the demo: who takes part, where goods are, what can be asked
 * for. Country codes and group memberships are real (NATO, EU, and the Ukraine Defense Contact
 * Group); companies, NSNs and NCAGE codes are invented but well-formed.
 */
final class DemoWorld {
    static final String RECIPIENT = "UKR-MOD";
    static final String AGENCY = "UKR-DOT";
    static final String COORDINATOR = "UDCG-CELL";
    static final String FUND = "EPF-FUND";
    static final String AUDITOR = "EU-AUDIT";

    private DemoWorld() {}

    /** A participating organisation; {@code weight} is how much it gives, relatively. */
    record Party(String code, String name, OrganisationKind kind, String country, Set<String> groups,
                 String ncage, int weight, boolean nonLethalOnly) {}

    record Place(String code, String name, String country, LocationKind kind, String organisation) {}

    /**
     * A catalogue item with how often it is asked for ({@code demand}) and the range of one
     * need line's quantity.
     */
    record ItemSpec(String code, String name, String unit, String nsn, String cpv, Category category,
                    boolean lethal, List<Compatibility> compatibleWith, int demand, long quantityMin,
                    long quantityMax) {}

    private static final Set<String> NATO_EU = Set.of("NATO", "EU", "UDCG");
    private static final Set<String> NATO = Set.of("NATO", "UDCG");
    private static final Set<String> EU = Set.of("EU", "UDCG");
    private static final Set<String> UDCG = Set.of("UDCG");

    /** Donor states: code, name, groups, weight, non-lethal only (the neutral states). */
    static List<Party> donors() {
        return List.of(
                donor("USA", "United States Department of Defense", NATO, 30),
                donor("DEU", "Germany, Federal Ministry of Defence", NATO_EU, 20),
                donor("GBR", "United Kingdom Ministry of Defence", NATO, 14),
                donor("POL", "Poland, Ministry of National Defence", NATO_EU, 10),
                donor("FRA", "France, Ministry of the Armed Forces", NATO_EU, 9),
                donor("NLD", "Netherlands Ministry of Defence", NATO_EU, 8),
                donor("DNK", "Danish Ministry of Defence", NATO_EU, 8),
                donor("CAN", "Department of National Defence of Canada", NATO, 6),
                donor("NOR", "Norwegian Ministry of Defence", NATO, 7),
                donor("SWE", "Swedish Ministry of Defence", NATO_EU, 7),
                donor("FIN", "Finnish Ministry of Defence", NATO_EU, 5),
                donor("ITA", "Italian Ministry of Defence", NATO_EU, 4),
                donor("ESP", "Spanish Ministry of Defence", NATO_EU, 3),
                donor("BEL", "Belgian Ministry of Defence", NATO_EU, 3),
                donor("CZE", "Czech Ministry of Defence", NATO_EU, 5),
                donor("SVK", "Slovak Ministry of Defence", NATO_EU, 2),
                donor("EST", "Estonian Ministry of Defence", NATO_EU, 3),
                donor("LVA", "Latvian Ministry of Defence", NATO_EU, 2),
                donor("LTU", "Lithuanian Ministry of National Defence", NATO_EU, 3),
                donor("ROU", "Romanian Ministry of National Defence", NATO_EU, 2),
                donor("BGR", "Bulgarian Ministry of Defence", NATO_EU, 2),
                donor("PRT", "Portuguese Ministry of National Defence", NATO_EU, 1),
                donor("HRV", "Croatian Ministry of Defence", NATO_EU, 1),
                donor("SVN", "Slovenian Ministry of Defence", NATO_EU, 1),
                donor("LUX", "Luxembourg Directorate of Defence", NATO_EU, 1),
                donor("GRC", "Hellenic Ministry of National Defence", NATO_EU, 1),
                donor("TUR", "Turkish Ministry of National Defence", NATO, 2),
                donor("AUS", "Australian Department of Defence", UDCG, 3),
                donor("NZL", "New Zealand Defence Force", UDCG, 1),
                donor("JPN", "Japan Ministry of Defense", UDCG, 2),
                new Party("AUT-MOD", "Austrian Federal Ministry of Defence", OrganisationKind.DONOR_STATE, "AUT", EU,
                        null, 1, true),
                new Party("IRL-DOD", "Irish Department of Defence", OrganisationKind.DONOR_STATE, "IRL", EU,
                        null, 1, true));
    }

    private static Party donor(String country, String name, Set<String> groups, int weight) {
        return new Party(country + "-MOD", name, OrganisationKind.DONOR_STATE, country, groups, null, weight, false);
    }

    /** The recipient, its agency, the coordination body, the fund, the auditor and the suppliers. */
    static List<Party> others() {
        List<Party> all = new ArrayList<>(List.of(
                new Party(RECIPIENT, "Ministry of Defence of Ukraine", OrganisationKind.RECIPIENT, "UKR", Set.of(),
                        null, 0, false),
                new Party(AGENCY, "Defence Procurement Agency of Ukraine", OrganisationKind.PROCUREMENT_AGENCY,
                        "UKR", Set.of(), null, 0, false),
                new Party(COORDINATOR, "Ukraine Defense Contact Group coordination cell",
                        OrganisationKind.COORDINATION_BODY, "DEU", NATO, null, 0, false),
                new Party(FUND, "European Peace Facility", OrganisationKind.FUND, "BEL", Set.of("EU"), null, 0,
                        false),
                new Party(AUDITOR, "Aid audit office", OrganisationKind.AUDITOR, "LUX", Set.of("EU"), null, 0,
                        false)));
        all.addAll(suppliers());
        return all;
    }

    private static List<Party> suppliers() {
        String[][] rows = {
                {"SUP-RHEINMARK", "Rheinmark Munitions GmbH", "DEU", "D4K21"},
                {"SUP-NORDWAFFE", "Nordwaffe Systems GmbH", "DEU", "D7M03"},
                {"SUP-KONGSFJORD", "Kongsfjord Defence AS", "NOR", "N3G58"},
                {"SUP-BOFORSA", "Boforsa Ordnance AB", "SWE", "S2B90"},
                {"SUP-NEXARM", "Nexarm Industries SA", "FRA", "F6P14"},
                {"SUP-THALWEG", "Thalweg Electronics SAS", "FRA", "F1T77"},
                {"SUP-BAESTON", "Baeston Land Systems Ltd", "GBR", "K9R45"},
                {"SUP-MBDO", "Missile Bureau Dorset Ltd", "GBR", "U2D36"},
                {"SUP-RAYCORE", "Raycore Defense Inc.", "USA", "3RC72"},
                {"SUP-LOCKWELL", "Lockwell Ordnance Corp.", "USA", "1LW09"},
                {"SUP-GENDYNAM", "General Dynamo Land Corp.", "USA", "5GD61"},
                {"SUP-PGZ-MESKO", "Mesko Precision SA", "POL", "H8M22"},
                {"SUP-WB-DRONE", "Wisla Bezzalogowe Sp. z o.o.", "POL", "H3W84"},
                {"SUP-CSG-TATRA", "Tatra Vehicle Works a.s.", "CZE", "1CZT5"},
                {"SUP-EXCALIBRA", "Excalibra Army s.r.o.", "CZE", "1CZE8"},
                {"SUP-NAMMOS", "Nammos Ammunition Oy", "FIN", "F2N19"},
                {"SUP-MILREM", "Milremo Robotics OU", "EST", "E5R40"},
                {"SUP-UKROBORON", "Ukrainian Armour Works", "UKR", "U7A55"},
                {"SUP-DNIPRODRON", "Dnipro Drone Factory", "UKR", "U4D88"},
                {"SUP-MEDIBALT", "Medibalt Field Medical UAB", "LTU", "L1M27"},
                {"SUP-PETROMAR", "Petromar Fuels SRL", "ROU", "R6P31"}};
        List<Party> suppliers = new ArrayList<>();
        for (String[] r : rows) {
            suppliers.add(new Party(r[0], r[1], OrganisationKind.SUPPLIER, r[2], Set.of(), r[3], 0, false));
        }
        return suppliers;
    }

    /** Depots of each donor (two for the largest), logistics hubs, and destinations in Ukraine. */
    static List<Place> places(List<Party> donors) {
        List<Place> places = new ArrayList<>();
        String[][] depots = {
                {"USA", "Anniston Army Depot", "Army Prepositioned Stock, Mannheim"},
                {"DEU", "Bundeswehr depot Unna", "Bundeswehr depot Pfungstadt"},
                {"GBR", "Defence depot Bicester", "Defence depot Donnington"},
                {"POL", "Central depot Bydgoszcz", "Depot Skarżysko-Kamienna"},
                {"FRA", "Ammunition depot Brienne-le-Château", null},
                {"NLD", "Defence depot Soesterberg", null},
                {"DNK", "Army depot Hjørring", null},
                {"CAN", "Canadian Forces depot Montreal", null},
                {"NOR", "Army depot Hjerkinn", null},
                {"SWE", "Defence materiel depot Arboga", null},
                {"FIN", "Logistics depot Hattula", null},
                {"ITA", "Army depot Noceto", null},
                {"ESP", "Army depot Zaragoza", null},
                {"BEL", "Depot Zwijndrecht", null},
                {"CZE", "Military depot Týniště", null},
                {"SVK", "Military depot Nemšová", null},
                {"EST", "Defence depot Tapa", null},
                {"LVA", "Defence depot Ādaži", null},
                {"LTU", "Defence depot Kaunas", null},
                {"ROU", "Army depot Mija", null},
                {"BGR", "Army depot Sopot", null},
                {"PRT", "Army depot Benavente", null},
                {"HRV", "Army depot Slunj", null},
                {"SVN", "Army depot Postojna", null},
                {"LUX", "Army depot Diekirch", null},
                {"GRC", "Army depot Larissa", null},
                {"TUR", "Army depot Kırıkkale", null},
                {"AUS", "Defence depot Moorebank", null},
                {"NZL", "Defence depot Linton", null},
                {"JPN", "Ground Self-Defense Force depot Kasumigaura", null},
                {"AUT", "Army depot Wiener Neustadt", null},
                {"IRL", "Defence Forces depot Curragh", null}};
        for (String[] d : depots) {
            Party donor = donors.stream().filter(p -> p.country().equals(d[0])).findFirst().orElseThrow();
            places.add(new Place(d[0] + "-DEPOT-1", d[1], d[0], LocationKind.DEPOT, donor.code()));
            if (d[2] != null) places.add(new Place(d[0] + "-DEPOT-2", d[2], d[0], LocationKind.DEPOT, donor.code()));
        }
        places.add(new Place("HUB-RZESZOW", "Rzeszów-Jasionka logistics hub", "POL", LocationKind.AIRFIELD,
                COORDINATOR));
        places.add(new Place("HUB-PRZEMYSL", "Przemyśl rail transfer hub", "POL", LocationKind.HUB, COORDINATOR));
        places.add(new Place("HUB-CONSTANTA", "Port of Constanța", "ROU", LocationKind.PORT, COORDINATOR));
        places.add(new Place("HUB-KOSICE", "Košice logistics hub", "SVK", LocationKind.HUB, COORDINATOR));
        places.addAll(destinations());
        return places;
    }

    /** Where needs are delivered: rear depots and forward units, all in Ukraine. */
    static List<Place> destinations() {
        String[][] rows = {
                {"UKR-DEPOT-LVIV", "Central depot Lviv", "DEPOT"},
                {"UKR-DEPOT-KYIV", "Central depot Kyiv", "DEPOT"},
                {"UKR-DEPOT-DNIPRO", "Regional depot Dnipro", "DEPOT"},
                {"UKR-DEPOT-ODESA", "Regional depot Odesa", "DEPOT"},
                {"UKR-DEPOT-KHARKIV", "Regional depot Kharkiv", "DEPOT"},
                {"UKR-DEPOT-ZAPORIZHZHIA", "Regional depot Zaporizhzhia", "DEPOT"},
                {"UKR-FWD-KRAMATORSK", "Forward supply point Kramatorsk", "FRONT_UNIT"},
                {"UKR-FWD-SLOVIANSK", "Forward supply point Sloviansk", "FRONT_UNIT"},
                {"UKR-FWD-KUPIANSK", "Forward supply point Kupiansk", "FRONT_UNIT"},
                {"UKR-FWD-ORIKHIV", "Forward supply point Orikhiv", "FRONT_UNIT"},
                {"UKR-FWD-KHERSON", "Forward supply point Kherson", "FRONT_UNIT"},
                {"UKR-FWD-SUMY", "Forward supply point Sumy", "FRONT_UNIT"},
                {"UKR-FWD-BAKHMUT-AXIS", "Forward supply point Chasiv Yar", "FRONT_UNIT"},
                {"UKR-MED-DNIPRO", "Military hospital Dnipro", "DEPOT"}};
        List<Place> places = new ArrayList<>();
        for (String[] r : rows) {
            places.add(new Place(r[0], r[1], "UKR", LocationKind.valueOf(r[2]), RECIPIENT));
        }
        return places;
    }

    /**
     * The catalogue. CPV codes are from the official CPV 2008 list (the catalogue refuses any
     * other); NSNs use the real supply class of the item, the rest of the number is invented.
     */
    static List<ItemSpec> items() {
        List<Compatibility> none = List.of();
        return List.of(
                // 155 mm NATO projectiles serve each other's needs (same ballistic family, other tables).
                item("AMMO-155-HE-M107", "155 mm HE projectile M107", "H87", "1320-01-216-3512", "35331200-5",
                        AMMUNITION, true, List.of(link("AMMO-155-HE-DM121", 20), link("AMMO-155-HE-L15", 30)),
                        60, 500, 20_000),
                item("AMMO-155-HE-DM121", "155 mm HE projectile DM121", "H87", "1320-12-347-0081", "35331200-5",
                        AMMUNITION, true, List.of(link("AMMO-155-HE-M107", 10), link("AMMO-155-HE-L15", 20)),
                        40, 500, 15_000),
                item("AMMO-155-HE-L15", "155 mm HE projectile L15A4", "H87", "1320-99-733-4127", "35331200-5",
                        AMMUNITION, true, List.of(link("AMMO-155-HE-M107", 30)), 25, 500, 10_000),
                item("AMMO-155-ER-M795", "155 mm HE extended-range projectile M795", "H87", "1320-01-393-2468",
                        "35331200-5", AMMUNITION, true,
                        List.of(link("AMMO-155-HE-M107", 5), link("AMMO-155-HE-DM121", 15)), 30, 500, 10_000),
                item("AMMO-155-SMK-M825", "155 mm smoke projectile M825", "H87", "1320-01-150-4722", "35331200-5",
                        AMMUNITION, true, none, 8, 200, 3_000),
                item("AMMO-155-CHG-MACS", "155 mm modular artillery charge M231", "SET", "1320-01-429-1532",
                        "35331000-3", AMMUNITION, true, none, 25, 1_000, 30_000),
                // Soviet-calibre rounds: 152 mm does not fit 155 mm guns and the other way round.
                item("AMMO-152-HE-OF540", "152 mm HE-FRAG projectile OF-540", "H87", "1320-15-208-6631",
                        "35331200-5", AMMUNITION, true, none, 35, 500, 15_000),
                item("AMMO-122-HE-OF462", "122 mm HE-FRAG projectile OF-462", "H87", "1315-15-208-7712",
                        "35331200-5", AMMUNITION, true, none, 30, 500, 20_000),
                item("AMMO-105-HE-M1", "105 mm HE projectile M1", "H87", "1315-00-028-6591", "35331200-5",
                        AMMUNITION, true, none, 12, 500, 8_000),
                item("AMMO-120-MOR-HE", "120 mm mortar bomb HE", "H87", "1315-01-362-1180", "35331200-5",
                        AMMUNITION, true, none, 30, 500, 12_000),
                item("AMMO-81-MOR-HE", "81 mm mortar bomb HE", "H87", "1315-01-486-3325", "35331200-5",
                        AMMUNITION, true, none, 20, 500, 15_000),
                item("AMMO-60-MOR-HE", "60 mm mortar bomb HE", "H87", "1310-01-521-7740", "35331200-5",
                        AMMUNITION, true, none, 12, 1_000, 20_000),
                item("AMMO-556X45", "5.56 x 45 mm NATO ball cartridge", "H87", "1305-01-155-5459", "35331500-8",
                        AMMUNITION, true, none, 25, 100_000, 5_000_000),
                item("AMMO-762X51", "7.62 x 51 mm NATO ball cartridge", "H87", "1305-00-892-2970", "35331500-8",
                        AMMUNITION, true, none, 20, 50_000, 3_000_000),
                item("AMMO-762X39", "7.62 x 39 mm cartridge", "H87", "1305-15-208-3390", "35331500-8",
                        AMMUNITION, true, none, 15, 100_000, 5_000_000),
                item("AMMO-127X99", "12.7 x 99 mm NATO cartridge", "H87", "1305-01-413-2215", "35331500-8",
                        AMMUNITION, true, none, 15, 20_000, 1_000_000),
                item("AMMO-30X173", "30 x 173 mm cartridge APFSDS-T", "H87", "1305-12-391-4406", "35331500-8",
                        AMMUNITION, true, none, 8, 2_000, 50_000),
                item("AMMO-GREN-40", "40 mm grenade cartridge HEDP", "H87", "1310-01-459-2117", "35331300-3",
                        AMMUNITION, true, none, 12, 5_000, 100_000),
                item("AMMO-RKT-GMLRS", "227 mm guided rocket pod GMLRS", "H87", "1340-01-518-2203", "35333200-9",
                        AMMUNITION, true, none, 8, 6, 120),
                item("AMMO-RKT-122-GRAD", "122 mm rocket 9M22U", "H87", "1340-15-209-1144", "35333200-9",
                        AMMUNITION, true, none, 15, 200, 5_000),
                item("AMMO-ATGM-JAVELIN", "Javelin anti-tank guided missile", "H87", "1410-01-457-4683",
                        "35333200-9", AMMUNITION, true, none, 8, 20, 500),
                item("AMMO-AT4-84", "84 mm disposable anti-tank weapon", "H87", "1315-01-331-1066", "35331000-3",
                        AMMUNITION, true, none, 10, 100, 3_000),
                item("AD-MSL-PAC3", "Patriot PAC-3 MSE interceptor", "H87", "1410-01-672-1138", "35333200-9",
                        AIR_DEFENCE, true, none, 10, 4, 60),
                item("AD-MSL-IRIST", "IRIS-T SLM interceptor", "H87", "1410-12-451-6620", "35333200-9",
                        AIR_DEFENCE, true, none, 8, 4, 60),
                item("AD-MSL-AMRAAM", "AMRAAM interceptor for NASAMS", "H87", "1410-01-562-0905", "35333200-9",
                        AIR_DEFENCE, true, none, 8, 4, 60),
                item("AD-MSL-STINGER", "Stinger man-portable air defence missile", "H87", "1425-01-477-3376",
                        "35333200-9", AIR_DEFENCE, true, none, 8, 10, 300),
                item("AD-AMMO-35-AHEAD", "35 mm air-burst cartridge for Gepard", "H87", "1305-12-388-0317",
                        "35331500-8", AIR_DEFENCE, true, none, 10, 2_000, 60_000),
                item("AD-RADAR-MOBILE", "Mobile air defence radar", "H87", null, "35723000-8", AIR_DEFENCE, false,
                        none, 5, 1, 6),
                item("AD-LAUNCHER", "Truck-mounted air defence launcher", "H87", null, "35322100-8", AIR_DEFENCE,
                        true, none, 4, 1, 6),
                item("AD-GUN-SPAAG", "Self-propelled anti-aircraft gun", "H87", "2350-12-316-5520", "35322100-8",
                        AIR_DEFENCE, true, none, 4, 1, 12),
                item("VEH-MBT-LEO1A5", "Main battle tank Leopard 1A5", "H87", "2350-12-147-6430", "35411100-9",
                        VEHICLES, true, none, 5, 2, 40),
                item("VEH-IFV-CV90", "Infantry fighting vehicle CV90", "H87", "2350-25-148-9921", "35412100-6",
                        VEHICLES, true, none, 4, 2, 30),
                item("VEH-APC-M113", "Armoured personnel carrier M113", "H87", "2350-01-068-4077", "35412200-7",
                        VEHICLES, true, none, 6, 5, 80),
                item("VEH-MRAP", "Mine-resistant ambush-protected vehicle", "H87", "2355-01-553-4634", "35412200-7",
                        VEHICLES, false, none, 6, 5, 100),
                item("VEH-HOWITZER-SP155", "155 mm self-propelled howitzer", "H87", null, "35322200-9", VEHICLES,
                        true, none, 4, 1, 18),
                item("VEH-TRUCK-8T", "8 t cargo truck 6x6", "H87", "2320-01-447-6443", "34130000-7", VEHICLES,
                        false, none, 10, 10, 200),
                item("VEH-AMBULANCE-ARMD", "Armoured ambulance", "H87", "2310-01-540-5881", "34114121-3", VEHICLES,
                        false, none, 8, 5, 60),
                item("VEH-FUEL-TANKER", "Fuel tanker truck 18 000 l", "H87", "2320-01-491-6012", "34133110-2",
                        VEHICLES, false, none, 5, 2, 40),
                item("VEH-PICKUP-4X4", "4x4 pick-up truck", "H87", null, "34131000-4", VEHICLES, false, none, 10, 10,
                        300),
                item("VEH-RECOVERY-ARMD", "Armoured recovery vehicle", "H87", "2350-12-186-3327", "35410000-1",
                        VEHICLES, false, none, 3, 1, 12),
                item("DRN-FPV-7IN", "FPV strike drone, 7 inch", "H87", "1550-15-631-2207", "35613100-5", DRONES,
                        true, none, 35, 500, 20_000),
                item("DRN-RECON-QUAD", "Reconnaissance quadcopter with thermal camera", "H87", "1550-15-627-4410",
                        "35613000-4", DRONES, false, none, 25, 20, 2_000),
                item("DRN-RECON-FW", "Fixed-wing reconnaissance UAV system", "SET", "1550-01-598-2336", "35613000-4",
                        DRONES, false, none, 8, 1, 40),
                item("DRN-LOITERING", "Loitering munition", "H87", "1410-01-702-5519", "35613100-5", DRONES, true,
                        none, 12, 20, 1_000),
                item("DRN-INTERCEPTOR", "Interceptor drone against one-way attack UAVs", "H87", null, "35613100-5",
                        DRONES, true, none, 15, 100, 5_000),
                item("DRN-CUAS-JAMMER", "Counter-UAS jamming system", "H87", "5865-15-644-0291", "35700000-1",
                        DRONES, false, none, 12, 5, 300),
                item("DMN-DETECTOR", "Hand-held mine detector", "H87", "6665-01-563-1010", "31642200-0", DEMINING,
                        false, none, 12, 20, 1_000),
                item("DMN-EXPLOSIVE-DET", "Hand-held explosives detector", "H87", null, "38546000-4", DEMINING,
                        false, none, 6, 5, 200),
                item("DMN-EOD-SUIT", "Bomb disposal suit", "SET", "8470-01-610-3390", "35113400-3", DEMINING, false,
                        none, 6, 5, 200),
                item("DMN-CLEARING-MACHINE", "Remote-controlled demining machine", "H87", null, "35400000-8",
                        DEMINING, false, none, 4, 1, 20),
                item("DMN-LINE-CHARGE", "Mine-clearing line charge", "H87", "1375-01-469-2183", "35331000-3",
                        DEMINING, true, none, 5, 10, 300),
                item("MED-IFAK", "Individual first aid kit", "SET", "6545-01-530-0929", "33141623-3", MEDICAL, false,
                        none, 30, 1_000, 100_000),
                item("MED-TOURNIQUET", "Combat application tourniquet", "H87", "6515-01-521-7976", "33141000-0",
                        MEDICAL, false, none, 25, 1_000, 200_000),
                item("MED-BANDAGE", "Emergency trauma bandage 6 inch", "H87", "6510-01-492-2275", "33141113-4",
                        MEDICAL, false, none, 20, 5_000, 300_000),
                item("MED-STRETCHER", "Folding stretcher", "H87", "6530-01-380-7309", "33192160-1", MEDICAL, false,
                        none, 12, 100, 5_000),
                item("MED-BLOOD-BAG", "Blood bag, 450 ml", "H87", null, "33141613-0", MEDICAL, false, none, 8,
                        1_000, 50_000),
                item("MED-DEFIBRILLATOR", "Field defibrillator", "H87", "6515-01-600-1127", "33182100-0", MEDICAL,
                        false, none, 5, 5, 200),
                item("MED-TENT", "Field medical tent", "H87", null, "33163000-0", MEDICAL, false, none, 5, 2, 100),
                item("FUEL-DIESEL", "Diesel fuel EN 590", "LTR", "9140-01-581-7077", "09134220-5", FUEL, false, none,
                        20, 50_000, 5_000_000),
                item("FUEL-JET-A1", "Aviation turbine fuel JET A-1", "LTR", "9130-01-031-5816", "09131100-7", FUEL,
                        false, none, 8, 50_000, 2_000_000),
                item("FUEL-PETROL", "Unleaded petrol", "LTR", "9130-00-160-1818", "09132100-4", FUEL, false, none, 6,
                        20_000, 1_000_000),
                item("FUEL-ENGINE-OIL", "Engine oil, military grade", "LTR", "9150-01-438-5925", "09211000-1", FUEL,
                        false, none, 6, 1_000, 100_000),
                item("SPR-BARREL-155", "155 mm gun barrel L52", "H87", "1025-12-393-8807", "35340000-9", SPARE_PARTS,
                        true, none, 6, 2, 40),
                item("SPR-ENGINE-MIL", "Engine assembly for armoured vehicles", "H87", "2815-01-455-0941",
                        "35421100-2", SPARE_PARTS, false, none, 6, 2, 60),
                item("SPR-TRACK-LEO1", "Track set for Leopard 1", "SET", "2530-12-140-6614", "44464000-0",
                        SPARE_PARTS, false, none, 5, 2, 50),
                item("SPR-TYRE-TRUCK", "Truck tyre 14.00 R20", "H87", "2610-01-460-1720", "34352100-0",
                        SPARE_PARTS, false, none, 8, 50, 2_000),
                item("SPR-RADAR-KIT", "Radar spare parts kit", "SET", null, "32352200-7", SPARE_PARTS, false, none, 4,
                        1, 30),
                item("SPR-BATTERY-LI", "Lithium battery pack for drones", "H87", "6140-15-620-7711", "31434000-7",
                        SPARE_PARTS, false, none, 15, 500, 30_000),
                item("SPR-GENERATOR-30KVA", "Diesel generating set 30 kVA", "H87", "6115-01-274-7392", "31121100-1",
                        SPARE_PARTS, false, none, 10, 5, 300),
                item("COM-RADIO-HANDHELD", "Tactical hand-held radio", "H87", "5820-01-451-8250", "32236000-6",
                        COMMUNICATIONS, false, none, 12, 50, 5_000),
                item("PRT-HELMET", "Ballistic helmet", "H87", "8470-01-506-6149", "35813000-6", PROTECTIVE_EQUIPMENT,
                        false, none, 15, 500, 50_000),
                item("PRT-BODY-ARMOUR", "Plate carrier with ballistic plates", "SET", "8470-01-520-7373",
                        "35113400-3", PROTECTIVE_EQUIPMENT, false, none, 15, 500, 50_000));
    }

    private static ItemSpec item(String code, String name, String unit, String nsn, String cpv, Category category,
                                 boolean lethal, List<Compatibility> links, int demand, long min, long max) {
        return new ItemSpec(code, name, unit, nsn, cpv, category, lethal, links, demand, min, max);
    }

    private static Compatibility link(String serves, int penalty) {
        return new Compatibility(serves, penalty);
    }
}
