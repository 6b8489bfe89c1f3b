/** The operator console over the runtime: statuses, enable/disable/restart, bundle install (checked unpacking, venv) and removal, log tails, settings with secrets masked. */
package dev.pyplugins.sample.admin;
