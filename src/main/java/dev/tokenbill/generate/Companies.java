package dev.tokenbill.generate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fictional company names, billing e-mails ({@code .example} domains, RFC 2606) and postal
 * addresses in each country's usual layout. Addresses contain commas and, most of the time, line
 * breaks; some names and addresses are non-ASCII UTF-8 and a few names contain double quotes,
 * so that readers must handle RFC 4180 quoting.
 */
final class Companies {

    private static final String[] STEMS = {"Cobalt", "Helixa", "Kestrel", "Northwind", "Orbit", "Parrot", "Pixel",
        "Quill", "Saffron", "Tidewater", "Granite", "Lumen", "Nimbus", "Vector", "Aurora", "Basalt", "Cedar", "Delta",
        "Ember", "Fjord", "Harbor", "Indigo", "Juniper", "Keystone", "Lattice", "Meridian", "Nova", "Onyx", "Prism",
        "Quartz", "Riverbend", "Summit", "Tundra", "Grüntal", "Élan", "Willow", "Zephyr", "Atlas", "Beacon", "Corvid"};
    private static final String[] WORDS = {"Labs", "Analytics", "Systems", "AI", "Voice", "Robotics", "Health", "Data",
        "Learning", "Software", "Networks", "Insights", "Bio", "Logistics", "Media", "Security", "Finance", "Works",
        "Studio", "Dynamics"};
    private static final String[] MAILBOXES = {"billing", "accounts", "finance", "ap", "invoices"};
    private static final String[] STREETS = {"Larkin", "Mercer", "Harrow", "Alder", "Tamarind", "Quayside", "Canal",
        "Harbour", "Elm", "Maple", "Station", "Church", "Mill", "Bridge", "Orchard"};
    private static final String[][] US_CITIES = {{"Austin", "TX"}, {"Seattle", "WA"}, {"Denver", "CO"},
        {"New York", "NY"}, {"Cambridge", "MA"}, {"San Francisco", "CA"}, {"Chicago", "IL"}, {"Atlanta", "GA"}};
    private static final String[][] GB_CITIES = {{"London", "E2 7HX"}, {"Manchester", "M1 3HE"}, {"Leeds", "LS1 4AP"},
        {"Bristol", "BS1 5TR"}, {"Edinburgh", "EH2 4AD"}};
    private static final String[][] IE_CITIES = {{"Dublin 2", "D02"}, {"Cork", "T12"}, {"Galway", "H91"}, {"Limerick", "V94"}};
    private static final String[] DE_STREETS = {"Linden", "Tor", "Haupt", "Garten", "Schiller", "Goethe", "Berg"};
    private static final String[] DE_CITIES = {"Berlin", "München", "Köln", "Hamburg", "Düsseldorf", "Leipzig", "Mannheim"};
    private static final String[] FR_STREETS = {"de la Paix", "Victor Hugo", "des Lilas", "du Commerce", "de la Charité"};
    private static final String[][] FR_CITIES = {{"Paris", "75011"}, {"Lyon", "69002"}, {"Orléans", "45000"},
        {"Marseille", "13001"}, {"Toulouse", "31000"}, {"Nantes", "44000"}};

    private Companies() {
    }

    /** A country for a customer invoiced in {@code currency}, among those with a tax rate in the catalog. */
    static String country(String currency, SplittableRandom rng) {
        double u = rng.nextDouble();
        if (currency.equals("EUR")) {
            return u < 0.45 ? "DE" : u < 0.80 ? "FR" : "IE";
        }
        return u < 0.62 ? "US" : u < 0.80 ? "GB" : u < 0.88 ? "IE" : u < 0.95 ? "DE" : "FR";
    }

    /** {name, billing_email, address} for a company in {@code country}. */
    static String[] company(String country, SplittableRandom rng) {
        String stem = pick(STEMS, rng);
        String word = pick(WORDS, rng);
        String name = stem + " " + word + suffix(country, rng);
        if (rng.nextDouble() < 0.02) {
            name += " (t/a \"" + stem + "\")";
        }
        String email = pick(MAILBOXES, rng) + "@" + slug(stem) + slug(word) + ".example";
        List<String> lines = new ArrayList<>();
        if (rng.nextDouble() < 0.2) {
            lines.add("Attn: Accounts Payable");
        }
        address(country, rng, lines);
        String address = String.join(rng.nextDouble() < 0.6 ? "\n" : ", ", lines);
        return new String[] {name, email, address};
    }

    private static String suffix(String country, SplittableRandom rng) {
        String[] options = switch (country) {
            case "US" -> new String[] {", Inc.", " LLC", " Corp."};
            case "GB" -> new String[] {" Ltd", " PLC", " Limited"};
            case "IE" -> new String[] {" Ltd", " DAC", " Teoranta"};
            case "DE" -> new String[] {" GmbH", " AG", " UG (haftungsbeschränkt)"};
            case "FR" -> new String[] {" SAS", " SARL", " SA"};
            default -> throw new IllegalArgumentException("no company format for " + country);
        };
        return pick(options, rng);
    }

    private static void address(String country, SplittableRandom rng, List<String> lines) {
        int number = 1 + rng.nextInt(2400);
        switch (country) {
            case "US" -> {
                String[] city = US_CITIES[rng.nextInt(US_CITIES.length)];
                lines.add(number + " " + pick(STREETS, rng) + " Avenue, Suite " + (100 + rng.nextInt(2300)));
                lines.add(city[0] + ", " + city[1] + " " + (10_000 + rng.nextInt(89_999)));
                lines.add("United States");
            }
            case "GB" -> {
                String[] city = GB_CITIES[rng.nextInt(GB_CITIES.length)];
                lines.add("Unit " + (1 + rng.nextInt(20)) + ", " + (1 + number % 200) + " " + pick(STREETS, rng) + " Lane");
                lines.add(city[0] + " " + city[1]);
                lines.add("United Kingdom");
            }
            case "IE" -> {
                String[] city = IE_CITIES[rng.nextInt(IE_CITIES.length)];
                lines.add((1 + number % 150) + " " + pick(STREETS, rng) + " Road, Block " + (char) ('A' + rng.nextInt(6)));
                lines.add(city[0]);
                lines.add(city[1] + " " + Integer.toString(36 * 36 * 36 + rng.nextInt(35 * 36 * 36 * 36), 36).toUpperCase(Locale.ROOT));
                lines.add("Ireland");
            }
            case "DE" -> {
                lines.add(pick(DE_STREETS, rng) + "straße " + (1 + number % 180) + ", " + (1 + rng.nextInt(5)) + ". OG");
                lines.add((10_000 + rng.nextInt(89_999)) + " " + pick(DE_CITIES, rng));
                lines.add("Germany");
            }
            case "FR" -> {
                String[] city = FR_CITIES[rng.nextInt(FR_CITIES.length)];
                lines.add("Bâtiment " + (char) ('A' + rng.nextInt(4)) + ", " + (1 + number % 120) + " rue " + pick(FR_STREETS, rng));
                lines.add(city[1] + " " + city[0]);
                lines.add("France");
            }
            default -> throw new IllegalArgumentException("no address format for " + country);
        }
    }

    private static String pick(String[] options, SplittableRandom rng) {
        return options[rng.nextInt(options.length)];
    }

    private static String slug(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
