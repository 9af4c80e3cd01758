/**
 * The run's outputs besides the invoice PDFs: charges.csv (the ledger), rejects.csv, summary.csv, margin.csv,
 * plans-whatif.csv, summary.pdf (rendered by {@code report.pdf}) and run.json, with the reconciliation that checks
 * every usage row is accounted for.
 */
package dev.tokenbill.report;
