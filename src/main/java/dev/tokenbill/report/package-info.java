/**
 * The run's outputs besides the PDFs: charges.csv (the ledger), rejects.csv, summary.csv and
 * run.json, with the reconciliation that checks every usage row is accounted for.
 */
package dev.tokenbill.report;
