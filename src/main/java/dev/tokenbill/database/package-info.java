/**
 * The database: schema migrations (Flyway) for the Spring Batch job repository and tokenbill's tables, the SQL
 * that looks a run's rows up by a list of ids, and bulk inserts (COPY on PostgreSQL, a JDBC batch on H2).
 */
package dev.tokenbill.database;
