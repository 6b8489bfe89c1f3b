/** The host's web page: its built assets (the Maven build puts them in the jar under {@code webapp/}), served. */
package dev.pyplugins.sample.webapp;
