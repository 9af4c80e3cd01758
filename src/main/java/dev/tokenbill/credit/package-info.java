/** Prepaid credits: grants, balances carried between periods, applied after tax earliest expiry first. Plain Java. */
package dev.tokenbill.credit;
