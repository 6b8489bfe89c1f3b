// Mattermost's own JavaScript client (Client4 and WebSocketClient from @mattermost/client) against the sample
// host: log in, list teams and channels, post, read posts, watch WebSocket events (posted, post_edited as a
// plugin's reply grows, reaction_added, ephemeral_message, a plugin's custom event), slash commands with
// autocomplete, Mattermost's error shape, the operator routes, logout. Usage:
//   node --experimental-websocket client_test.mjs <base url> <admin user> <admin password>
// Prints one "ok - ..." line per check; exits 1 at the first failure.
import assert from 'node:assert/strict';
import clientPackage from '@mattermost/client';

const {Client4, WebSocketClient} = clientPackage;
const [base, username, password] = process.argv.slice(2);

function check(name, fn) {
  return Promise.resolve().then(fn).then(() => console.log(`ok - ${name}`), (e) => {
    console.log(`not ok - ${name}: ${e && e.stack ? e.stack : e}`);
    process.exit(1);
  });
}

function waitFor(events, predicate, what, ms = 10000) {
  return new Promise((resolve, reject) => {
    const found = events.find(predicate);
    if (found) {
      resolve(found);
      return;
    }
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms; got ${events.map((e) => e.event)}`)), ms);
    events.waiters.push((event) => {
      if (predicate(event)) {
        clearTimeout(timer);
        resolve(event);
        return true;
      }
      return false;
    });
  });
}

const client = new Client4();
client.setUrl(base);
const events = [];
events.waiters = [];
let ws;
let me;
let team;
let channel;
let post;

await check('login returns the user and a token (Token header)', async () => {
  me = await client.login(username, password);
  assert.equal(me.username, username);
  assert.ok(client.getToken().length >= 26, 'a session token');
  assert.equal(typeof me.create_at, 'number', 'create_at is a number, as in Mattermost');
  assert.equal(me.password, undefined);
});

await check('getMe', async () => {
  assert.equal((await client.getMe()).id, me.id);
});

await check('getMyTeams and getMyChannels list the demo team and its channels', async () => {
  team = (await client.getMyTeams()).find((t) => t.name === 'demo');
  assert.ok(team, 'team demo');
  const channels = await client.getMyChannels(team.id);
  channel = channels.find((c) => c.name === 'town-square');
  assert.ok(channel, `town-square among ${channels.map((c) => c.name)}`);
  assert.equal(channel.type, 'O');
});

await check('createDirectChannel opens a DM that getMyChannels lists with the team\'s channels', async () => {
  const ann = await client.getUserByUsername('ann');
  const dm = await client.createDirectChannel([me.id, ann.id]);
  assert.equal(dm.type, 'D');
  assert.ok((await client.getMyChannels(team.id)).some((c) => c.id === dm.id), 'the DM among my channels');
  assert.ok((await client.getProfilesByIds([ann.id]))[0].username === 'ann');
});

await check('the WebSocket authenticates by challenge and says hello', async () => {
  ws = new WebSocketClient({newWebSocketFn: (url) => new WebSocket(url)});
  ws.addMessageListener((event) => {
    events.push(event);
    events.waiters = events.waiters.filter((waiter) => !waiter(event));
  });
  ws.initialize(base.replace(/^http/, 'ws') + '/api/v4/websocket', client.getToken());
  const hello = await waitFor(events, (e) => e.event === 'hello', 'hello');
  assert.ok(hello.data.connection_id);
  assert.equal(hello.seq, 0);
});

await check('a new direct channel arrives as direct_added', async () => {
  const bob = await client.createUser({username: `bob${Date.now() % 100000}`, email: '', password: 'bob-password'});
  const dm = await client.createDirectChannel([me.id, bob.id]);
  const added = await waitFor(events, (e) => e.event === 'direct_added' && e.broadcast.channel_id === dm.id, 'direct_added');
  assert.equal(added.data.teammate_id, bob.id);
});

await check('createPost goes through the plugins (hello fixes "teh") and getPosts reads it back', async () => {
  post = await client.createPost({channel_id: channel.id, message: 'posted by teh official client'});
  assert.equal(post.message, 'posted by the official client');
  assert.equal(post.user_id, me.id);
  const list = await client.getPosts(channel.id, 0, 30);
  assert.ok(list.order.includes(post.id), 'the post is in order');
  assert.equal(list.posts[post.id].message, post.message);
});

await check('the WebSocket delivers posted with the post as JSON', async () => {
  const posted = await waitFor(events, (e) => e.event === 'posted' && JSON.parse(e.data.post).id === post.id, 'posted');
  assert.equal(posted.data.channel_name, 'town-square');
  assert.equal(posted.broadcast.channel_id, channel.id);
});

await check('patchPost and addReaction arrive as post_edited and reaction_added', async () => {
  await client.patchPost({id: post.id, message: 'edited by the official client'});
  await client.addReaction(me.id, post.id, 'thumbsup');
  await waitFor(events, (e) => e.event === 'post_edited' && JSON.parse(e.data.post).message === 'edited by the official client', 'post_edited');
  await waitFor(events, (e) => e.event === 'reaction_added' && JSON.parse(e.data.reaction).emoji_name === 'thumbsup', 'reaction_added');
  const reactions = await client.getReactionsForPost(post.id);
  assert.deepEqual(reactions.map((r) => r.emoji_name), ['thumbsup']);
});

await check('getPostThread answers a PostList', async () => {
  const reply = await client.createPost({channel_id: channel.id, root_id: post.id, message: 'a reply'});
  const thread = await client.getPostThread(post.id);
  assert.deepEqual(new Set(thread.order), new Set([post.id, reply.id]));
});

await check('autocomplete suggests the commands plugins registered', async () => {
  const suggestions = await client.getCommandAutocompleteSuggestionsList('/he', team.id, {channel_id: channel.id});
  assert.ok(suggestions.some((s) => s.Suggestion === '/hello'), JSON.stringify(suggestions));
});

await check('executeCommand runs /hello; its ephemeral answer arrives over the WebSocket', async () => {
  const answer = await client.executeCommand('/hello Node', {channel_id: channel.id, team_id: team.id});
  assert.match(answer.text, /^Hello, Node!/);
  const ephemeral = await waitFor(events, (e) => e.event === 'ephemeral_message', 'ephemeral_message');
  assert.match(JSON.parse(ephemeral.data.post).message, /^Hello, Node!/);
});

await check('a plugin reply edited word by word is seen growing, then the plugin event arrives', async () => {
  await client.executeCommand('/grow alpha beta gamma delta', {channel_id: channel.id, team_id: team.id});
  const grown = await waitFor(events, (e) => e.event === 'custom_test.events_grown', 'custom_test.events_grown');
  const edits = events.filter((e) => e.event === 'post_edited' && JSON.parse(e.data.post).id === grown.data.post_id)
    .map((e) => JSON.parse(e.data.post).message);
  assert.deepEqual(edits, ['alpha', 'alpha beta', 'alpha beta gamma', 'alpha beta gamma delta']);
  assert.equal(grown.data.words, 4);
});

await check('errors have Mattermost\'s shape (ClientError with server_error_id and status_code)', async () => {
  await assert.rejects(client.getUser('nosuchuserxxxxxxxxxxxxxxxx'), (e) => {
    assert.equal(e.status_code, 404);
    assert.equal(e.server_error_id, 'app.user.missing_account.const');
    return true;
  });
});

await check('ping and the operator routes (plugin statuses)', async () => {
  assert.equal((await client.ping()).status, 'OK');
  const statuses = await client.getPluginStatuses();
  const hello = statuses.find((s) => s.plugin_id === 'com.example.hello');
  assert.equal(hello.state, 2, 'Mattermost\'s PluginStateRunning');
});

await check('logout ends the session', async () => {
  ws.close();
  const token = client.getToken();
  await client.logout();
  const other = new Client4();
  other.setUrl(base);
  other.setToken(token);
  await assert.rejects(other.getMe(), (e) => e.status_code === 401);
});

console.log('all checks passed');
process.exit(0);
