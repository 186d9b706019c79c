package org.quartermaster;

import org.quartermaster.audit.Journal;
import org.quartermaster.audit.web.FeedApi;
import org.quartermaster.catalog.Catalog;
import org.quartermaster.catalog.web.CatalogApi;
import org.quartermaster.funds.ExchangeRates;
import org.quartermaster.funds.Funds;
import org.quartermaster.funds.Ledger;
import org.quartermaster.funds.OfferLookup;
import org.quartermaster.funds.web.FundsApi;
import org.quartermaster.needs.Needs;
import org.quartermaster.needs.web.NeedsApi;
import org.quartermaster.offers.Offers;
import org.quartermaster.offers.web.OffersApi;
import org.quartermaster.parties.Parties;
import org.quartermaster.parties.web.PartiesApi;
import org.quartermaster.server.RouteTable;
import org.quartermaster.server.Server;
import org.quartermaster.store.Database;

/**
 * The platform, wired by hand: one database, the journal, each context's facade, and the route
 * table of every context. No scanning: what runs is what is written here.
 */
public final class Quartermaster implements AutoCloseable {
    private final Database db;
    private final Journal journal;
    private final Catalog catalog;
    private final Parties parties;
    private final Needs needs;
    private final Offers offers;
    private final Ledger ledger;
    private final Funds funds;
    private final ExchangeRates rates;

    public Quartermaster(Database db) {
        this.db = db;
        this.journal = new Journal(db);
        this.catalog = new Catalog(db, journal);
        this.parties = new Parties(db, journal);
        this.needs = new Needs(db, journal, catalog, parties);
        this.offers = new Offers(db, journal, catalog, parties, needs);
        this.ledger = new Ledger(db, journal);
        this.funds = new Funds(db, journal, ledger, id -> {
            var offer = offers.get(id);
            return new OfferLookup.DonatedOffer(offer.publicId(), offer.donor(), offer.status().name(),
                    offer.terms().name());
        });
        this.rates = new ExchangeRates(db, journal);
    }

    /** Every route of the platform. */
    public RouteTable routes() {
        RouteTable table = new RouteTable();
        CatalogApi.routes(table, catalog);
        PartiesApi.routes(table, parties);
        NeedsApi.routes(table, needs);
        OffersApi.routes(table, offers);
        FundsApi.routes(table, ledger, funds, rates);
        FeedApi.routes(table, journal);
        return table;
    }

    /** Starts the HTTP server on {@code host:port}. */
    public Server serve(String host, int port) {
        return Server.start(db, routes(), host, port, Server.HealthProbe.of(db));
    }

    public Database db() {
        return db;
    }

    public Journal journal() {
        return journal;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Parties parties() {
        return parties;
    }

    public Needs needs() {
        return needs;
    }

    public Offers offers() {
        return offers;
    }

    public Ledger ledger() {
        return ledger;
    }

    public Funds funds() {
        return funds;
    }

    public ExchangeRates rates() {
        return rates;
    }

    @Override
    public void close() {
        db.close();
    }
}
