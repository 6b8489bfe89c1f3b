package dev.pyplugins.sample.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.AddChannelMemberRequest;
import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.Bot;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Command;
import dev.pyplugins.protocol.v1.CommandArgs;
import dev.pyplugins.protocol.v1.CommandResponse;
import dev.pyplugins.protocol.v1.CreateBotRequest;
import dev.pyplugins.protocol.v1.CreatePostRequest;
import dev.pyplugins.protocol.v1.CreateUserRequest;
import dev.pyplugins.protocol.v1.ExecuteSlashCommandRequest;
import dev.pyplugins.protocol.v1.GetLicenseRequest;
import dev.pyplugins.protocol.v1.GetPluginConfigRequest;
import dev.pyplugins.protocol.v1.HookName;
import dev.pyplugins.protocol.v1.KVGetRequest;
import dev.pyplugins.protocol.v1.KVSetRequest;
import dev.pyplugins.protocol.v1.LogInfoRequest;
import dev.pyplugins.protocol.v1.MessageWillBePostedResponse;
import dev.pyplugins.protocol.v1.PluginAPIGrpc;
import dev.pyplugins.protocol.v1.PluginAPIGrpc.PluginAPIBlockingStub;
import dev.pyplugins.protocol.v1.PluginApiServer;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.RegisterCommandRequest;
import dev.pyplugins.protocol.v1.SavePluginConfigRequest;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.runtime.support.PluginCaller;
import dev.pyplugins.sample.db.Database;
import dev.pyplugins.sample.db.TestDatabases;
import dev.pyplugins.sample.hooks.FakePlugins;
import io.grpc.Contexts;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample host's API as plugins reach it: over gRPC, through the generated PluginApiServer, with a caller. */
class SampleHostApiTest {
  private final Database database = TestDatabases.h2();
  private final FakePlugins plugins = new FakePlugins();
  private final SampleHostApi api = new SampleHostApi(database, plugins, Clock.systemUTC());
  private final List<Server> servers = new ArrayList<>();
  private final List<ManagedChannel> channels = new ArrayList<>();

  @AfterEach
  void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    servers.forEach(Server::shutdownNow);
    database.close();
  }

  @Test
  void eachPluginHasItsOwnKeyValueStore() throws IOException {
    PluginAPIBlockingStub a = connect("com.example.a");
    PluginAPIBlockingStub b = connect("com.example.b");

    a.kVSet(KVSetRequest.newBuilder().setKey("k").setValue(ByteString.copyFromUtf8("a's")).build());

    assertThat(a.kVGet(KVGetRequest.newBuilder().setKey("k").build()).getValue().toStringUtf8()).isEqualTo("a's");
    assertThat(b.kVGet(KVGetRequest.newBuilder().setKey("k").build()).getValue()).isEqualTo(ByteString.EMPTY);
  }

  @Test
  void aCallerTheRuntimeDidNotAuthenticateIsRefusedTheKeyValueStore() throws IOException {
    PluginAPIBlockingStub anonymous = connect(null);

    AppError error = anonymous.kVGet(KVGetRequest.newBuilder().setKey("k").build()).getError();

    assertThat(error.getStatusCode()).isEqualTo(403);
  }

  @Test
  void aMethodTheSampleHostLacksAnswers501NamingIt() throws IOException {
    AppError error = connect("com.example.a").getLicense(GetLicenseRequest.getDefaultInstance()).getError();

    assertThat(error.getStatusCode()).isEqualTo(501);
    assertThat(error.getWhere()).isEqualTo("GetLicense");
    assertThat(error.getMessage()).isEqualTo("GetLicense is not supported by the sample host.");
  }

  @Test
  void aRegisteredCommandRunsInItsPluginAndItsTextReachesTheUser() throws IOException {
    PluginAPIBlockingStub a = connect("com.example.a");
    plugins.add("com.example.a").on(HookName.EXECUTE_COMMAND, args -> CommandResponse.newBuilder()
        .setResponseType("ephemeral").setText("hi " + ((CommandArgs) args[1]).getCommand()).build());
    a.registerCommand(RegisterCommandRequest.newBuilder().setCommand(Command.newBuilder().setTrigger("greet")).build());
    User user = api.createUser(User.newBuilder().setUsername("ann").build());

    CommandResponse response = connect("com.example.b").executeSlashCommand(ExecuteSlashCommandRequest.newBuilder()
        .setCommandArgs(CommandArgs.newBuilder().setCommand("/greet you").setUserId(user.getId())).build())
        .getCommandResponse();

    assertThat(response.getText()).isEqualTo("hi /greet you");
    assertThat(api.ephemeralPosts().forUser(user.getId())).extracting(Post::getMessage)
        .containsExactly("hi /greet you");
    AppError taken = connect("com.example.b").registerCommand(RegisterCommandRequest.newBuilder()
        .setCommand(Command.newBuilder().setTrigger("greet")).build()).getError();
    assertThat(taken.getStatusCode()).isEqualTo(400);
    assertThat(taken.getMessage()).contains("com.example.a");
  }

  @Test
  void aPostRejectedByAPluginComesBackAsItsError() throws IOException {
    plugins.add("censor").on(HookName.MESSAGE_WILL_BE_POSTED,
        args -> MessageWillBePostedResponse.newBuilder().setRejectionReason("not today").build());
    PluginAPIBlockingStub a = connect("com.example.a");
    User user = a.createUser(CreateUserRequest.newBuilder().setUser(User.newBuilder().setUsername("ann")).build())
        .getUser();
    String channelId = api.getDirectChannel(user.getId(), user.getId()).getId();

    AppError error = a.createPost(CreatePostRequest.newBuilder().setPost(Post.newBuilder().setChannelId(channelId)
        .setUserId(user.getId()).setMessage("hello")).build()).getError();

    assertThat(error.getStatusCode()).isEqualTo(400);
    assertThat(error.getMessage()).isEqualTo("Post rejected by plugin. not today");
    assertThat(api.getPostsForChannel(channelId, 0, 10).getOrderCount()).isZero();
  }

  @Test
  void savingAConfigurationTellsThatPluginAndReadsBack() throws IOException {
    FakePlugins.FakePlugin a = plugins.add("com.example.a").on(HookName.ON_CONFIGURATION_CHANGE);
    PluginAPIBlockingStub stub = connect("com.example.a");
    Struct config = Struct.newBuilder().putFields("Greeting", Value.newBuilder().setStringValue("hey").build()).build();

    stub.savePluginConfig(SavePluginConfigRequest.newBuilder().setConfig(config).build());

    assertThat(a.calls(HookName.ON_CONFIGURATION_CHANGE)).hasSize(1);
    assertThat(stub.getPluginConfig(GetPluginConfigRequest.getDefaultInstance()).getConfig()).isEqualTo(config);
    assertThat(connect("com.example.b").getPluginConfig(GetPluginConfigRequest.getDefaultInstance()).getConfig()
        .getFieldsCount()).isZero();
  }

  @Test
  void aBotBelongsToThePluginThatCreatedIt() throws IOException {
    Bot bot = connect("com.example.a").createBot(CreateBotRequest.newBuilder().setBot(Bot.newBuilder()
        .setUsername("helper")).build()).getBot();

    assertThat(bot.getOwnerId()).isEqualTo("com.example.a");
    assertThat(api.getUser(bot.getUserId()).getIsBot()).isTrue();
  }

  @Test
  void joiningAChannelNeedsTheTeamAndFiresTheHookOnce() throws IOException {
    FakePlugins.FakePlugin watcher = plugins.add("w").on(HookName.USER_HAS_JOINED_CHANNEL).on(HookName.USER_HAS_JOINED_TEAM);
    User user = api.createUser(User.newBuilder().setUsername("ann").build());
    Team team = api.createTeam(Team.newBuilder().setName("eng").build());
    Channel channel = api.createChannel(Channel.newBuilder().setTeamId(team.getId()).setName("general").setType("O")
        .build());
    PluginAPIBlockingStub stub = connect("com.example.a");
    AddChannelMemberRequest join = AddChannelMemberRequest.newBuilder().setChannelId(channel.getId())
        .setUserId(user.getId()).build();

    assertThat(stub.addChannelMember(join).getError().getStatusCode()).isEqualTo(403);
    api.createTeamMember(team.getId(), user.getId());
    stub.addChannelMember(join);
    stub.addChannelMember(join);

    assertThat(watcher.calls(HookName.USER_HAS_JOINED_TEAM)).hasSize(1);
    assertThat(watcher.calls(HookName.USER_HAS_JOINED_CHANNEL)).hasSize(1);
  }

  @Test
  void loggingNeedsNoMoreThanACaller() throws IOException {
    LogInfoRequest request = LogInfoRequest.newBuilder().setMessage("hello")
        .addKeyValuePairs(Value.newBuilder().setStringValue("n")).addKeyValuePairs(Value.newBuilder().setNumberValue(3))
        .build();

    AppError error = connect("com.example.a").logInfo(request).getError();

    assertThat(error).isEqualTo(AppError.getDefaultInstance());
  }

  /** A client of the API as the runtime serves it to one plugin (null: no authenticated caller). */
  private PluginAPIBlockingStub connect(String pluginId) throws IOException {
    String name = "api-" + UUID.randomUUID();
    ServerInterceptor authenticate = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        io.grpc.Context context = io.grpc.Context.current();
        return Contexts.interceptCall(pluginId == null ? context : new PluginCaller(pluginId).attachTo(context), call,
            headers, next);
      }
    };
    servers.add(InProcessServerBuilder.forName(name).directExecutor()
        .addService(ServerInterceptors.intercept(new PluginApiServer(api), authenticate)).build().start());
    ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    channels.add(channel);
    return PluginAPIGrpc.newBlockingStub(channel);
  }
}
