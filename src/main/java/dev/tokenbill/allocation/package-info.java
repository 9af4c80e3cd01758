/**
 * Cost allocation: splitting a period's infrastructure cost pools over customers by resource use,
 * performance tier and usage volume, adding up to the total exactly. Plain Java.
 */
package dev.tokenbill.allocation;
