/** Mattermost's WebSocket (/api/v4/websocket): authentication, hello, and the events clients hear (posted, post_edited, reactions, ephemeral posts, plugin events). */
package dev.pyplugins.sample.live;
