/**
 * Discounts: applies the catalog's coupons (percent or fixed; once, for N periods or forever; on all
 * charges or on named kinds) and spend-threshold volume discounts in a documented order. Plain Java.
 */
package dev.tokenbill.discount;
