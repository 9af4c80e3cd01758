/**
 * Money: a decimal amount in one currency at its minor-unit scale, rounded HALF_UP in exactly one
 * place ({@link dev.tokenbill.money.Money#rounded}), and its display format. Plain Java.
 */
package dev.tokenbill.money;
