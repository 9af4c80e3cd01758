/** CSV input and output with opencsv: strict header checks, line numbers, atomic writes, formula neutralising. */
package dev.tokenbill.csv;
