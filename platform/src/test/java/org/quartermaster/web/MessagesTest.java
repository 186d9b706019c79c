package org.quartermaster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quartermaster.catalog.model.Category;
import org.quartermaster.needs.model.NeedStatus;
import org.quartermaster.needs.model.Priority;
import org.quartermaster.offers.model.Offer;
import org.quartermaster.offers.model.OfferStatus;
import org.quartermaster.parties.model.LocationKind;
import org.quartermaster.parties.model.OrganisationKind;
import org.quartermaster.server.Messages;

/** Every UI text exists in English, Ukrainian and French. */
class MessagesTest {
    private static final Pattern LITERAL_KEY = Pattern.compile("t\\.get\\(\"([a-zA-Z0-9_.]+)\"\\s*[),]");

    @Test
    void everyLanguageDefinesExactlyTheEnglishKeys() {
        Set<String> english = Messages.of("en").keys();
        for (String language : Messages.LANGUAGES) {
            assertThat(new TreeSet<>(Messages.of(language).keys())).as(language)
                    .isEqualTo(new TreeSet<>(english));
        }
    }

    @Test
    void everyKeyTheTemplatesNameIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Paths.get("src", "main", "jte"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        // keys built from a prefix and a value (category, status, kind, event type) are checked below
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(Messages.of("en").keys()).containsAll(used);
    }

    @Test
    void everyDomainValueShownInTheUiHasATextInEveryLanguage() {
        List<String> keys = new java.util.ArrayList<>();
        for (Category c : Category.values()) keys.add("category." + c.name());
        for (String s : NeedStatus.ALL) keys.add("needStatus." + s);
        for (String s : OfferStatus.ALL) keys.add("offerStatus." + s);
        for (Priority p : Priority.values()) keys.add("priority." + p.name());
        for (OrganisationKind k : OrganisationKind.values()) keys.add("kind." + k.name());
        for (LocationKind k : LocationKind.values()) keys.add("locationKind." + k.name());
        for (Offer.Condition c : Offer.Condition.values()) keys.add("condition." + c.name());
        for (Offer.Terms t : Offer.Terms.values()) keys.add("terms." + t.name());
        for (String e : List.of("NeedFiled", "NeedChanged", "NeedStatusChanged", "OfferMade", "OfferStatusChanged")) {
            keys.add("event." + e);
        }
        for (String m : List.of("asked", "covered", "delivered")) keys.add("measure." + m);
        for (String language : Messages.LANGUAGES) {
            assertThat(Messages.of(language).keys()).as(language).containsAll(keys);
        }
    }

    @Test
    void translationsAreNotLeftInEnglish() {
        // a translated page must actually change: these headings differ in every language
        for (String key : List.of("nav.needs", "nav.offers", "dashboard.title", "needStatus.OPEN")) {
            assertThat(Messages.of("uk").get(key)).as(key).isNotEqualTo(Messages.of("en").get(key));
            assertThat(Messages.of("fr").get(key)).as(key).isNotEqualTo(Messages.of("en").get(key));
        }
    }
}
