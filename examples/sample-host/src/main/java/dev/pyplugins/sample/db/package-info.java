/**
 * JDBC plumbing: the connection pool and schema ({@link dev.pyplugins.sample.db.Database}), statements
 * ({@link dev.pyplugins.sample.db.Sql}), protobuf messages as JSON columns, Mattermost-style ids.
 */
package dev.pyplugins.sample.db;
