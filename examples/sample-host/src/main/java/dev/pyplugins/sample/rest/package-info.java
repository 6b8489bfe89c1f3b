/**
 * The sample host's REST subset, shaped like Mattermost's {@code /api/v4}: JSON in and out (protobuf
 * messages with snake_case names), AppErrors as JSON with their status code. No authentication: the host
 * listens on localhost and trusts its callers.
 */
package dev.pyplugins.sample.rest;
