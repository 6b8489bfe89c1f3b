/** Guards in front of every route: Host and Origin checks (DNS rebinding, cross-site requests), the plugin routes' user header. */
package dev.pyplugins.sample.security;
