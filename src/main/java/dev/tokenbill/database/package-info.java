/**
 * The database: schema migrations (Flyway) for the Spring Batch job repository and tokenbill's tables, and the SQL
 * that looks a run's rows up by a list of ids.
 */
package dev.tokenbill.database;
