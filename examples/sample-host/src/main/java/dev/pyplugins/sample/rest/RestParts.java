package dev.pyplugins.sample.rest;

import dev.pyplugins.sample.api.SampleHostApi;
import dev.pyplugins.sample.auth.Sessions;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.PostStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;

/** What the route tables work with: the Plugin API (changes fire hooks), reads, sessions, permissions. */
public record RestParts(SampleHostApi api, Sessions sessions, ChatAccess access, UserStore users, TeamStore teams,
    ChannelStore channels, PostStore posts, ServerInfo server) {

  public static RestParts of(SampleHostApi api, Sessions sessions, Database database, ServerInfo server) {
    ChannelStore channels = new ChannelStore(database);
    TeamStore teams = new TeamStore(database);
    return new RestParts(api, sessions, new ChatAccess(channels, teams), new UserStore(database), teams, channels,
        new PostStore(database), server);
  }
}
