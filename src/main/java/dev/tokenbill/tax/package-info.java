/**
 * Who pays which tax: the EU VAT place-of-supply rules for electronically supplied services ({@link TaxRules}), the
 * member states ({@link EuMemberStates}) and the offline format check of VAT numbers ({@link VatNumbers}). Plain Java:
 * no Spring, JDBC or CSV types.
 */
package dev.tokenbill.tax;
