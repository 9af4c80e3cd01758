/**
 * The Spring Batch wiring of a billing run: one job, its steps in order (validate, load customers,
 * read usage, aggregate, rate, number, render, report), and the tasklets that adapt domain code.
 */
package dev.tokenbill.job;
