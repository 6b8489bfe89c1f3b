/** Logins, sessions and who calls: Argon2id password hashes, session tokens (kept hashed), Mattermost's cookies and CSRF rule. */
package dev.pyplugins.sample.auth;
