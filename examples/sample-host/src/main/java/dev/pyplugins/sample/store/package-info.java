/**
 * Persistence by area, one store per table or two: plain JDBC through {@link dev.pyplugins.sample.db.Sql}.
 * Stores check their input and answer problems as {@link dev.pyplugins.protocol.v1.AppErrorException}s
 * (400 bad input, 404 missing); they fire no hooks.
 */
package dev.pyplugins.sample.store;
