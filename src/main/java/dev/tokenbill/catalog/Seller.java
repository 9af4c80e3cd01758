package dev.tokenbill.catalog;

/** The issuer printed on every invoice. */
public record Seller(String name, String address, String taxId, String email) {
}
