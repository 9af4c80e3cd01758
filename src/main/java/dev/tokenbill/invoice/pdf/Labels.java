package dev.tokenbill.invoice.pdf;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the invoice page in one language, from the bundle {@code dev/tokenbill/invoice/pdf/invoice_<lang>}.
 * The template reads the same bundle ({@code $R{key}}); the texts composed here fill {@code {0}}, {@code {1}}, ... by
 * plain replacement (not MessageFormat, whose quoting would eat the apostrophes of French).
 */
public final class Labels {

    static final String BUNDLE = "dev.tokenbill.invoice.pdf.invoice";
    /** No fallback to the JVM's default locale: an English page stays English on a German machine. */
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;

    private Labels(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The labels of {@code language} ({@code en}, {@code de}, {@code fr}; anything else is English). */
    public static Labels of(String language) {
        String lang = language != null && (language.equals("de") || language.equals("fr")) ? language : "en";
        return new Labels(ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang), Labels.class.getClassLoader(),
                EXACT));
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}. */
    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The text of {@code key}, or null when the bundle has none (an optional translation, e.g. of a meter). */
    public String find(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
