package dev.pyplugins.sample.api;

import dev.pyplugins.sample.auth.Credentials;
import dev.pyplugins.sample.auth.Passwords;
import dev.pyplugins.sample.auth.SessionStore;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.store.BotStore;
import dev.pyplugins.sample.store.ChannelStore;
import dev.pyplugins.sample.store.KvStore;
import dev.pyplugins.sample.store.PluginConfigStore;
import dev.pyplugins.sample.store.PostStore;
import dev.pyplugins.sample.store.PreferenceStore;
import dev.pyplugins.sample.store.ReactionStore;
import dev.pyplugins.sample.store.TeamStore;
import dev.pyplugins.sample.store.UserStore;
import java.time.Clock;

/** Every store of the sample host over one database, opened together for {@link SampleHostApi}. */
record Stores(UserStore users, TeamStore teams, ChannelStore channels, PostStore posts, ReactionStore reactions,
    KvStore kv, BotStore bots, PreferenceStore preferences, PluginConfigStore pluginConfigs,
    Credentials credentials, SessionStore sessions) {

  static Stores open(Database database, Clock clock) {
    UserStore users = new UserStore(database);
    return new Stores(users, new TeamStore(database), new ChannelStore(database), new PostStore(database),
        new ReactionStore(database), new KvStore(database, clock), new BotStore(database, users),
        new PreferenceStore(database), new PluginConfigStore(database),
        new Credentials(database, new Passwords()), new SessionStore(database, clock));
  }
}
