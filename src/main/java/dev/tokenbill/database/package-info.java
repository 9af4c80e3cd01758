/** The database: schema migrations (Flyway) for the Spring Batch job repository and tokenbill's tables. */
package dev.tokenbill.database;
