package dev.tokenbill.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mustangproject.validator.ZUGFeRDValidator;

/** Every kind of document tokenbill issues is a valid EN 16931 CII document (Mustang's validator: XSD + schematron). */
class CrossIndustryInvoiceTest {

    static Stream<Arguments> documents() {
        return EDocuments.all().stream().flatMap(d -> Stream.of(
                Arguments.of(d.number(), d, CrossIndustryInvoice.Format.FACTUR_X),
                Arguments.of(d.number(), d, CrossIndustryInvoice.Format.XRECHNUNG)));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("documents")
    void testTheXmlIsValid(String number, EDocument document, CrossIndustryInvoice.Format format) {
        byte[] xml = CrossIndustryInvoice.xml(document, format);

        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(xml, number + ".xml");
        assertThat(validator.wasCompletelyValid()).as(new String(xml, StandardCharsets.UTF_8) + "\n" + report).isTrue();
    }
}
