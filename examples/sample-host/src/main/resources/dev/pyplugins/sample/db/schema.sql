-- The sample host's schema, created on start when missing. Plain SQL for H2 and PostgreSQL.
--
-- Each entity keeps the columns its queries need, plus `data`: the whole protobuf message as JSON
-- (ProtoJson), so every field survives a round trip (props, notify_props, metadata) without a column each.
-- Times are milliseconds since the epoch, as in Mattermost; delete_at = 0 means not deleted.

CREATE TABLE IF NOT EXISTS users (
  id        VARCHAR(26)  PRIMARY KEY,
  username  VARCHAR(64)  NOT NULL UNIQUE,
  email     VARCHAR(128) NOT NULL UNIQUE,
  delete_at BIGINT       NOT NULL,
  data      VARCHAR      NOT NULL
);

CREATE TABLE IF NOT EXISTS teams (
  id        VARCHAR(26) PRIMARY KEY,
  name      VARCHAR(64) NOT NULL UNIQUE,
  delete_at BIGINT      NOT NULL,
  data      VARCHAR     NOT NULL
);

CREATE TABLE IF NOT EXISTS team_members (
  team_id   VARCHAR(26) NOT NULL,
  user_id   VARCHAR(26) NOT NULL,
  delete_at BIGINT      NOT NULL,
  data      VARCHAR     NOT NULL,
  PRIMARY KEY (team_id, user_id)
);

-- Direct message channels have type 'D', no team, and the name '<user id>__<user id>' (ids sorted).
CREATE TABLE IF NOT EXISTS channels (
  id        VARCHAR(26) PRIMARY KEY,
  team_id   VARCHAR(26) NOT NULL,
  name      VARCHAR(64) NOT NULL,
  type      VARCHAR(1)  NOT NULL,
  delete_at BIGINT      NOT NULL,
  data      VARCHAR     NOT NULL,
  UNIQUE (team_id, name)
);

CREATE TABLE IF NOT EXISTS channel_members (
  channel_id VARCHAR(26) NOT NULL,
  user_id    VARCHAR(26) NOT NULL,
  data       VARCHAR     NOT NULL,
  PRIMARY KEY (channel_id, user_id)
);

-- root_id is '' for a thread's root post, the root's id for its replies.
CREATE TABLE IF NOT EXISTS posts (
  id         VARCHAR(26) PRIMARY KEY,
  channel_id VARCHAR(26) NOT NULL,
  root_id    VARCHAR(26) NOT NULL,
  create_at  BIGINT      NOT NULL,
  update_at  BIGINT      NOT NULL,
  delete_at  BIGINT      NOT NULL,
  data       VARCHAR     NOT NULL
);
CREATE INDEX IF NOT EXISTS posts_by_channel ON posts (channel_id, create_at);
CREATE INDEX IF NOT EXISTS posts_by_root ON posts (root_id);

CREATE TABLE IF NOT EXISTS reactions (
  post_id    VARCHAR(26) NOT NULL,
  user_id    VARCHAR(26) NOT NULL,
  emoji_name VARCHAR(64) NOT NULL,
  create_at  BIGINT      NOT NULL,
  data       VARCHAR     NOT NULL,
  PRIMARY KEY (post_id, user_id, emoji_name)
);

-- Each plugin's key-value store; expire_at = 0 means the key never expires.
CREATE TABLE IF NOT EXISTS plugin_kv (
  plugin_id VARCHAR(190) NOT NULL,
  pkey      VARCHAR(150) NOT NULL,
  pvalue    BYTEA        NOT NULL,
  expire_at BIGINT       NOT NULL,
  PRIMARY KEY (plugin_id, pkey)
);

CREATE TABLE IF NOT EXISTS bots (
  user_id   VARCHAR(26)  PRIMARY KEY,
  owner_id  VARCHAR(190) NOT NULL,
  delete_at BIGINT       NOT NULL,
  data      VARCHAR      NOT NULL
);

CREATE TABLE IF NOT EXISTS preferences (
  user_id  VARCHAR(26) NOT NULL,
  category VARCHAR(32) NOT NULL,
  name     VARCHAR(32) NOT NULL,
  val      VARCHAR     NOT NULL,
  PRIMARY KEY (user_id, category, name)
);

-- Each plugin's configuration (PluginSettings.Plugins[id] in Mattermost), a JSON object.
CREATE TABLE IF NOT EXISTS plugin_configs (
  plugin_id VARCHAR(190) PRIMARY KEY,
  data      VARCHAR      NOT NULL
);

-- Password hashes (Argon2id, PHC strings), apart from the users' JSON so that no hash ever travels with a User.
CREATE TABLE IF NOT EXISTS user_passwords (
  user_id VARCHAR(26)  PRIMARY KEY,
  hash    VARCHAR(255) NOT NULL
);

-- Login sessions. Only the SHA-256 of a session's token is kept: a copy of the database logs no one in.
CREATE TABLE IF NOT EXISTS sessions (
  id         VARCHAR(26) PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  user_id    VARCHAR(26) NOT NULL,
  expires_at BIGINT      NOT NULL,
  data       VARCHAR     NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);
