package dev.tokenbill.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.customer.internal.CustomerFiles.CustomerBook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * customers.csv and subscriptions.csv are master data: any bad record fails the file with an
 * {@link InputFileException} naming the file, the line of the record and the problem. The
 * catalog is the sample input/catalog.yaml (plans payg-usd, pro-usd, pro-eur, ...; taxes for
 * IE, DE, FR, US, GB, JP; coupons WELCOME20, LAUNCH100, LOYAL10).
 */
class CustomerFilesTest {

    private static final String CUSTOMERS_HEADER = "customer_id,name,billing_email,address,country,currency,tax_exempt\n";
    private static final String SUBSCRIPTIONS_HEADER =
            "subscription_id,customer_id,plan_id,start_date,end_date,quantity,coupon_code\n";
    private static final String ACME = "acme,Acme Inc.,ap@acme.example,\"1 Main St\nSpringfield\",US,USD,false\n";
    private static final String ACME_SUB = "s1,acme,payg-usd,2026-01-01,,1,\n";

    private static Catalog catalog;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCatalog() {
        catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));
    }

    private void files(String customers, String subscriptions) throws IOException {
        if (customers != null) {
            Files.writeString(dir.resolve("customers.csv"), customers, StandardCharsets.UTF_8);
        }
        if (subscriptions != null) {
            Files.writeString(dir.resolve("subscriptions.csv"), subscriptions, StandardCharsets.UTF_8);
        }
    }

    private CustomerBook read() {
        return CustomerFiles.read(dir, catalog);
    }

    private void assertProblem(String messageStart, String problem) {
        assertThatThrownBy(this::read)
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageContaining(problem);
    }

    @Test
    void testSampleInput_IsValid() {
        CustomerBook book = CustomerFiles.read(Path.of("input"), catalog);

        // 13 customers with lotte-devries, the EU consumer of issue 17, and her subscription sub-0014
        assertThat(book.customers()).hasSize(13);
        assertThat(book.subscriptions()).hasSize(14);
        assertThat(book.customers()).filteredOn(c -> c.id().equals("cobalt-voice")).singleElement()
                .satisfies(c -> assertThat(c.address()).contains("\n").contains("Floor 3"));
    }

    @Test
    void testOptionalColumns_AreReadWithTheirDefaults() throws IOException {
        files("customer_id,name,billing_email,address,country,currency,tax_exempt,language,payment_terms_days,einvoice\n"
                + "acme,Acme Inc.,ap@acme.example,1 Main St,US,USD,false,,,\n"
                + "beta,Beta GmbH,ap@beta.example,Berlin,DE,EUR,false,de,14,xrechnung\n",
                SUBSCRIPTIONS_HEADER + ACME_SUB);

        CustomerBook book = read();

        Customer acme = book.customers().get(0);
        Customer beta = book.customers().get(1);
        assertThat(acme.language()).isEqualTo("en");
        assertThat(acme.paymentTermsDays()).isNull();
        assertThat(acme.einvoice()).isNull();
        assertThat(beta.language()).isEqualTo("de");
        assertThat(beta.locale()).isEqualTo(java.util.Locale.GERMANY);
        assertThat(beta.paymentTermsDays()).isEqualTo(14);
        assertThat(beta.einvoice()).isEqualTo("xrechnung");
    }

    @ParameterizedTest
    @ValueSource(strings = {"language=es:language 'es' must be one of en, de, fr",
            "payment_terms_days=-1:payment_terms_days must be a whole number of days from 0 to 365, got '-1'",
            "payment_terms_days=366:payment_terms_days must be a whole number of days from 0 to 365, got '366'",
            "payment_terms_days=30.5:payment_terms_days must be a whole number",
            "einvoice=ubl:einvoice 'ubl' must be one of facturx, xrechnung, none"})
    void testOptionalColumns_BadValueIsALineError(String caseText) throws IOException {
        String column = caseText.substring(0, caseText.indexOf('='));
        String value = caseText.substring(caseText.indexOf('=') + 1, caseText.indexOf(':'));
        files("customer_id,name,billing_email,address,country,currency,tax_exempt," + column + "\n"
                + "acme,Acme Inc.,ap@acme.example,1 Main St,US,USD,false," + value + "\n", SUBSCRIPTIONS_HEADER + ACME_SUB);

        assertProblem("customers.csv:2:", caseText.substring(caseText.indexOf(':') + 1));
    }

    @Test
    void testEInvoice_WhatTheDocumentNeedsIsCheckedUpFront() throws IOException {
        String header = "customer_id,name,billing_email,address,country,currency,tax_exempt,einvoice\n";
        // the sample catalog has seller.country IE and seller.phone: Factur-X and XRechnung in EUR pass
        files(header + "acme,Acme GmbH,ap@acme.example,Berlin,DE,EUR,false,xrechnung\n", SUBSCRIPTIONS_HEADER);
        assertThat(read().customers().get(0).einvoice()).isEqualTo("xrechnung");

        // JPY has no minor unit; the e-invoice library writes 2 decimals
        files(header + "acme,Acme KK,ap@acme.example,Tokyo,JP,JPY,false,facturx\n", SUBSCRIPTIONS_HEADER);
        assertProblem("customers.csv:2:", "einvoice 'facturx' of customer acme is written with amounts of 2 decimals,"
                + " but JPY has 0");
    }

    @Test
    void testEInvoice_NeedsTheSellersCountryAndPhone(@TempDir Path catalogDir) throws IOException {
        Path file = catalogDir.resolve("catalog.yaml");
        Files.writeString(file, Files.readString(Path.of("input/catalog.yaml")).replace("  country: IE\n", "")
                .replace("  phone: \"+353 1 555 0100\"\n", ""));
        Catalog old = CatalogLoader.load(file);
        String header = "customer_id,name,billing_email,address,country,currency,tax_exempt,einvoice\n";

        files(header + "acme,Acme GmbH,ap@acme.example,Berlin,DE,EUR,false,facturx\n", SUBSCRIPTIONS_HEADER);
        assertThatThrownBy(() -> CustomerFiles.read(dir, old)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("customers.csv:2:")
                .hasMessageContaining("needs the seller's country (seller.country in the catalog)");

        Files.writeString(file, Files.readString(Path.of("input/catalog.yaml"))
                .replace("  phone: \"+353 1 555 0100\"\n", ""));
        Catalog noPhone = CatalogLoader.load(file);
        files(header + "acme,Acme GmbH,ap@acme.example,Berlin,DE,EUR,false,xrechnung\n", SUBSCRIPTIONS_HEADER);
        assertThatThrownBy(() -> CustomerFiles.read(dir, noPhone)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("customers.csv:2:")
                .hasMessageContaining("needs the seller's telephone (seller.phone in the catalog; XRechnung rule BR-DE-6)");
    }

    @Test
    void testValidFiles_MultiLineAddressAndBom() throws IOException {
        files("\uFEFF" + CUSTOMERS_HEADER + ACME, "\uFEFF" + SUBSCRIPTIONS_HEADER + ACME_SUB);

        CustomerBook book = read();

        assertThat(book.customers()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("acme");
            assertThat(c.address()).isEqualTo("1 Main St\nSpringfield");
        });
        assertThat(book.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.end()).isNull();
            assertThat(s.quantity()).isEqualTo(1);
            assertThat(s.couponCode()).isNull();
        });
    }

    @Test
    void testMissingCustomersFile() throws IOException {
        files(null, SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv: ", "file not found");
    }

    @Test
    void testMissingSubscriptionsFile() throws IOException {
        files(CUSTOMERS_HEADER + ACME, null);

        assertProblem("subscriptions.csv: ", "file not found");
    }

    @Test
    void testEmptyCustomersFile_ZeroBytes() throws IOException {
        files("", SUBSCRIPTIONS_HEADER);

        assertThatThrownBy(this::read).isInstanceOf(InputFileException.class)
                .hasMessage("customers.csv: file is empty: expected a header line");
    }

    @Test
    void testHeaderOnlyCustomersFile() throws IOException {
        files(CUSTOMERS_HEADER, SUBSCRIPTIONS_HEADER);

        assertThatThrownBy(this::read).isInstanceOf(InputFileException.class)
                .hasMessage("customers.csv: file has a header but no customer");
    }

    @Test
    void testHeaderOnlySubscriptionsFile_IsValid() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER);

        assertThat(read().subscriptions()).isEmpty();
    }

    @Test
    void testUnknownHeaderColumn() throws IOException {
        files("customer_id,name,billing_email,address,country,currency,tax_exempt,vat_id\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:1: ", "unknown column 'vat_id'");
    }

    @Test
    void testMissingHeaderColumn() throws IOException {
        files("customer_id,name,billing_email,address,country,currency\n" + "acme,Acme,a@b,x,US,USD\n",
                SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:1: ", "missing column 'tax_exempt' in the header");
    }

    @Test
    void testDuplicatedHeaderColumn() throws IOException {
        files(CUSTOMERS_HEADER + ACME,
                "subscription_id,customer_id,plan_id,plan_id,start_date,end_date,quantity,coupon_code\n");

        assertProblem("subscriptions.csv:1: ", "column 'plan_id' appears twice in the header");
    }

    @Test
    void testCustomersNotUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((CUSTOMERS_HEADER + ACME).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("grau,Grauwald GmbH,r@g.example,\"Lindenallee 41\n50968 K".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("ln\",DE,USD,false\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("customers.csv"), bytes.toByteArray());
        files(null, SUBSCRIPTIONS_HEADER);

        // the bad byte is on line 5, the second physical line of the record that starts on line 4
        assertThatThrownBy(this::read).isInstanceOf(InputFileException.class)
                .hasMessage("customers.csv:5: bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void testCustomersInLatin1() throws IOException {
        Files.write(dir.resolve("customers.csv"), (CUSTOMERS_HEADER + "koeln,K\u00f6ln AG,a@k.example,x,DE,EUR,false\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        files(null, SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "bytes that are not valid UTF-8");
    }

    @Test
    void testWrongCellCount_NamesTheLineAfterAMultiLineAddress() throws IOException {
        files(CUSTOMERS_HEADER + ACME + "bolt,Bolt,b@b.example,x,US,USD\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:4: ", "expected 7 columns, found 6");
    }

    @ParameterizedTest(name = "customer_id \"{0}\"")
    @ValueSource(strings = {"../etc/passwd", "a/b", "..\\x", "acme corp", "caf\u00e9", "x\u202Ey", "semi;colon",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void testInvalidCustomerId_IsRefusedByThePattern(String id) {
        assertThat(CustomerFiles.CUSTOMER_ID.matcher(id).matches()).as(id).isFalse();
    }

    @ParameterizedTest(name = "customer_id \"{0}\"")
    @ValueSource(strings = {"acme", "cobalt-voice", "th-rheinau.nlp_2", "A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void testValidCustomerId_MatchesThePattern(String id) {
        assertThat(CustomerFiles.CUSTOMER_ID.matcher(id).matches()).as(id).isTrue();
    }

    @Test
    void testPathTraversalCustomerId_FailsTheFile() throws IOException {
        files(CUSTOMERS_HEADER + ACME + "../etc/passwd,Evil,e@e.example,x,US,USD,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:4: ", "customer_id '../etc/passwd' must be 1-64 characters of A-Z, a-z, 0-9");
    }

    @Test
    void testEmptyCustomerId_FailsTheFile() throws IOException {
        files(CUSTOMERS_HEADER + ",Nobody,n@n.example,x,US,USD,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "customer_id '' must be 1-64 characters");
    }

    @Test
    void testCustomerIdTwice() throws IOException {
        files(CUSTOMERS_HEADER + ACME + ACME.replace("Acme Inc.", "Acme again"), SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:4: ", "customer_id 'acme' appears twice");
    }

    @Test
    void testVatNumber_MalformedForItsCountry() throws IOException {
        files("customer_id,name,billing_email,address,country,currency,tax_exempt,tax_id\n"
                + "beta,Beta GmbH,ap@beta.example,Berlin,DE,EUR,false,DE12345678\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "tax_id 'DE12345678' is not a valid DE VAT number (expected DE + 9 digits)");
    }

    @Test
    void testVatNumber_OfAnotherCountry() throws IOException {
        files("customer_id,name,billing_email,address,country,currency,tax_exempt,tax_id\n"
                + "beta,Beta GmbH,ap@beta.example,Berlin,DE,EUR,false,FR40303265045\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "tax_id 'FR40303265045' is not a valid DE VAT number (it must start with DE");
    }

    @Test
    void testVatNumber_SpacesAreDropped_AndAValidOneIsKept() throws IOException {
        // DE136695976: a published valid example (MOD 11,10 check digit 6)
        files("customer_id,name,billing_email,address,country,currency,tax_exempt,tax_id\n"
                + "beta,Beta GmbH,ap@beta.example,Berlin,DE,EUR,false,DE 136 695 976\n", SUBSCRIPTIONS_HEADER);

        assertThat(read().customers()).singleElement().satisfies(c -> {
            assertThat(c.taxId()).isEqualTo("DE136695976");
            assertThat(c.isBusiness()).isTrue();
        });
    }

    @Test
    void testCountryWithoutTaxRate() throws IOException {
        files(CUSTOMERS_HEADER + "zurich,Zurich AG,z@z.example,x,CH,USD,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "customer zurich is in CH but the catalog has no tax rate for CH");
    }

    @Test
    void testCountryWithoutTaxRate_TaxExemptIsFine() throws IOException {
        files(CUSTOMERS_HEADER + "zurich,Zurich AG,z@z.example,x,CH,USD,TRUE\n", SUBSCRIPTIONS_HEADER);

        assertThat(read().customers()).singleElement().satisfies(c -> assertThat(c.taxExempt()).isTrue());
    }

    @Test
    void testCountryNotAlpha2() throws IOException {
        files(CUSTOMERS_HEADER + "us,US Co,u@u.example,x,USA,USD,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "country 'USA' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void testUnknownCurrency() throws IOException {
        files(CUSTOMERS_HEADER + "us,US Co,u@u.example,x,US,XYZ1,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "currency 'XYZ1' is not an ISO 4217 code");
    }

    @Test
    void testTaxExemptNotABoolean() throws IOException {
        files(CUSTOMERS_HEADER + "us,US Co,u@u.example,x,US,USD,yes\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:2: ", "tax_exempt must be true or false, got 'yes'");
    }

    @Test
    void testOverlappingSubscriptionsOfOneCustomer() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER
                + "s1,acme,payg-usd,2026-01-01,2026-10-16,1,\n"
                + "s2,acme,pro-usd,2026-10-15,,1,\n");

        assertProblem("subscriptions.csv:3: ", "subscription s2 of customer acme overlaps subscription s1");
    }

    @Test
    void testSubscriptionEndingFarInTheFuture_StillOverlaps() throws IOException {
        // +11761247-01-21 is 2^32 + 20,454 days after 1970-01-01: cut to an int, 20,454 days, 2026-01-01, before s2
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER
                + "s1,acme,payg-usd,2025-01-01,+11761247-01-21,1,\n"
                + "s2,acme,pro-usd,2027-01-01,,1,\n");

        assertProblem("subscriptions.csv:3: ", "subscription s2 of customer acme overlaps subscription s1");
    }

    @Test
    void testAdjacentSubscriptions_DoNotOverlap() throws IOException {
        // end_date is exclusive: s1 ends on the day s2 starts; s3 ends on the day s1 starts
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER
                + "s1,acme,payg-usd,2026-01-01,2026-10-15,1,\n"
                + "s2,acme,pro-usd,2026-10-15,,1,\n"
                + "s3,acme,pro-usd,2025-06-01,2026-01-01,1,\n");

        assertThat(read().subscriptions()).extracting(Subscription::id).containsExactly("s3", "s1", "s2");
    }

    @Test
    void testOpenEndedSubscriptionOverlapsALaterOne() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER
                + "s1,acme,pro-usd,2026-11-01,,1,\n"
                + "s2,acme,payg-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:3: ", "subscription s2 of customer acme overlaps subscription s1");
    }

    @Test
    void testPlanChangeOnTheSameDay_DoesNotOverlap() throws IOException {
        // end_date is exclusive: s1 ends on the day s2 starts
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER
                + "s2,acme,pro-usd,2026-10-15,,1,LAUNCH100\n"
                + "s1,acme,payg-usd,2026-01-01,2026-10-15,1,\n");

        CustomerBook book = read();

        assertThat(book.subscriptions()).extracting(Subscription::id).containsExactly("s1", "s2");
        assertThat(book.subscriptions().get(0).activeOn(LocalDate.parse("2026-10-14"))).isTrue();
        assertThat(book.subscriptions().get(0).activeOn(LocalDate.parse("2026-10-15"))).isFalse();
        assertThat(book.subscriptions().get(1).activeOn(LocalDate.parse("2026-10-15"))).isTrue();
    }

    @Test
    void testSubscriptionOfUnknownCustomer() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + ACME_SUB + "s2,ghost,payg-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:3: ", "subscription s2 refers to unknown customer 'ghost'");
    }

    @Test
    void testSubscriptionOfUnknownPlan() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,gold-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:2: ", "subscription s1 refers to plan 'gold-usd', which the catalog does not define");
    }

    @Test
    void testCouponNotInTheCatalog() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,payg-usd,2026-01-01,,1,FREE100\n");

        assertProblem("subscriptions.csv:2: ", "subscription s1 uses coupon 'FREE100', which the catalog does not define");
    }

    @Test
    void testFixedCouponInAnotherCurrency() throws IOException {
        files(CUSTOMERS_HEADER + "eu,EU GmbH,e@e.example,x,DE,EUR,false\n",
                SUBSCRIPTIONS_HEADER + "s1,eu,pro-eur,2026-01-01,,1,LAUNCH100\n");

        assertProblem("subscriptions.csv:2: ", "coupon LAUNCH100 is a fixed USD amount but plan pro-eur is priced in EUR");
    }

    @Test
    void testPlanCurrencyDiffersFromCustomerCurrency() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,pro-eur,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:2: ", "plan pro-eur is priced in EUR but customer acme is billed in USD");
    }

    @Test
    void testSubscriptionEndsOnItsStartDate() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,payg-usd,2026-10-01,2026-10-01,1,\n");

        assertProblem("subscriptions.csv:2: ", "ends (2026-10-01) on or before it starts (2026-10-01)");
    }

    @Test
    void testStartDateNotADate() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,payg-usd,01/10/2026,,1,\n");

        assertProblem("subscriptions.csv:2: ", "start_date '01/10/2026' is not a date (YYYY-MM-DD)");
    }

    @ParameterizedTest(name = "quantity \"{0}\"")
    @ValueSource(strings = {"0", "-1", "1.5", "many", "99999999999"})
    void testQuantityNotAWholeNumberAtLeast1(String quantity) throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s1,acme,payg-usd,2026-01-01,," + quantity + ",\n");

        assertProblem("subscriptions.csv:2: ", "quantity must be a whole number >= 1, got '" + quantity + "'");
    }

    @Test
    void testSubscriptionIdTwice() throws IOException {
        files(CUSTOMERS_HEADER + ACME + "bolt,Bolt,b@b.example,x,US,USD,false\n",
                SUBSCRIPTIONS_HEADER + ACME_SUB + "s1,bolt,payg-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:3: ", "subscription_id 's1' appears twice");
    }

    // the stored lengths (StoredLength): customer 64 / 1000 / 1000 / 4000, subscription 64

    @Test
    void testCustomerIdLongerThanStored() throws IOException {
        files(CUSTOMERS_HEADER + ACME + "c".repeat(65) + ",Long Id Ltd,l@l.example,x,US,USD,false\n", SUBSCRIPTIONS_HEADER);

        assertProblem("customers.csv:4: ", "customer_id is 65 characters, at most 64 are stored");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"name:1000", "billing_email:1000", "address:4000"})
    void testCustomerTextLongerThanStored(String columnAndMax) throws IOException {
        String column = columnAndMax.split(":")[0];
        int max = Integer.parseInt(columnAndMax.split(":")[1]);
        String[] cells = {"bluefin", "Bluefin", "ap@bluefin.example", "2 Main St", "US", "USD", "false"};
        int index = java.util.List.of(CUSTOMERS_HEADER.strip().split(",")).indexOf(column);
        cells[index] = "x".repeat(max + 1);
        files(CUSTOMERS_HEADER + ACME + String.join(",", cells) + "\n", SUBSCRIPTIONS_HEADER);

        // ACME's address takes lines 2 and 3
        assertProblem("customers.csv:4: ", column + " is " + (max + 1) + " characters, at most " + max + " are stored");
    }

    @Test
    void testCustomerTextOfTheStoredLength_IsAccepted() throws IOException {
        files(CUSTOMERS_HEADER + "acme," + "n".repeat(1000) + ",ap@acme.example," + "a".repeat(4000) + ",US,USD,false\n",
                SUBSCRIPTIONS_HEADER);

        assertThat(read().customers()).singleElement().satisfies(c -> assertThat(c.name()).hasSize(1000));
    }

    @Test
    void testSubscriptionIdLongerThanStored() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s".repeat(65) + ",acme,payg-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:2: ", "subscription_id is 65 characters, at most 64 are stored");
    }

    @Test
    void testEmptySubscriptionId() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + ",acme,payg-usd,2026-01-01,,1,\n");

        assertProblem("subscriptions.csv:2: ", "subscription_id is empty");
    }

    @Test
    void testTheBookKnowsEachSubscriptionsLine() throws IOException {
        files(CUSTOMERS_HEADER + ACME, SUBSCRIPTIONS_HEADER + "s2,acme,payg-usd,2026-05-01,,1,\n"
                + "s1,acme,payg-usd,2026-01-01,2026-05-01,1,\n");

        CustomerBook book = read();

        // sorted by start date, but each keeps the line it was read from
        assertThat(book.subscriptions()).extracting(s -> s.id()).containsExactly("s1", "s2");
        assertThat(book.lineOf("s2")).isEqualTo(2);
        assertThat(book.lineOf("s1")).isEqualTo(3);
    }
}
