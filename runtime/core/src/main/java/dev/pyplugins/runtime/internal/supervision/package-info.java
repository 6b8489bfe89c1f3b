/** What happens after a plugin fails: restart backoff, the crash-loop breaker, and the visible states. */
package dev.pyplugins.runtime.internal.supervision;
