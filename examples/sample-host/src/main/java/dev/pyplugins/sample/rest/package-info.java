/**
 * The REST API, Mattermost's {@code /api/v4} as its own clients use it: JSON in Mattermost's shapes, its
 * error body, sessions or tokens on every route but login and ping (see {@link dev.pyplugins.sample.rest.RestApi}).
 */
package dev.pyplugins.sample.rest;
