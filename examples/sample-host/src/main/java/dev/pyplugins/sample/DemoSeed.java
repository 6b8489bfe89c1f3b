package dev.pyplugins.sample;

import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Channel;
import dev.pyplugins.protocol.v1.Team;
import dev.pyplugins.protocol.v1.User;
import dev.pyplugins.sample.api.SampleHostApi;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * What a person needs to log in on a new database: a system administrator {@code admin}, a user
 * {@code ann}, the team {@code demo} with {@code town-square} and {@code off-topic}, both users in both.
 * Passwords are random, made once, and kept in {@code <data dir>/demo-login.properties} (0600) so that later
 * starts can print them again.
 */
public final class DemoSeed {
  static final String FILE = "demo-login.properties";
  private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private DemoSeed() {
  }

  /**
   * The demo's logins, once they exist.
   *
   * @param adminPassword empty when the file that held it is gone
   */
  public record DemoLogin(String admin, String adminPassword, String user, String userPassword, String team,
      String channel) {
  }

  public static DemoLogin ensure(SampleHostApi api, Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE);
    if (exists(api, "admin")) {
      return read(file);
    }
    DemoLogin login = new DemoLogin("admin", randomPassword(), "ann", randomPassword(), "demo", "town-square");
    User admin = api.directory().createUser(User.newBuilder().setUsername(login.admin()).setEmail("admin@localhost")
        .setFirstName("Ada").setLastName("Admin").setRoles("system_admin system_user")
        .setPassword(login.adminPassword()).build());
    User ann = exists(api, login.user()) ? api.getUserByUsername(login.user())
        : api.directory().createUser(User.newBuilder().setUsername(login.user()).setEmail("ann@localhost")
            .setFirstName("Ann").setPassword(login.userPassword()).build());
    if (!ann.getId().isEmpty()) {
      api.directory().setPassword(ann.getId(), login.userPassword());
    }
    Team team = findTeam(api, login.team());
    for (User user : new User[] {admin, ann}) {
      api.createTeamMember(team.getId(), user.getId());
    }
    for (String[] name : new String[][] {{"town-square", "Town Square"}, {"off-topic", "Off-Topic"}}) {
      Channel channel = findChannel(api, team, name[0], name[1]);
      for (User user : new User[] {admin, ann}) {
        api.addChannelMember(channel.getId(), user.getId());
      }
    }
    write(file, login);
    return login;
  }

  private static boolean exists(SampleHostApi api, String username) {
    try {
      api.getUserByUsername(username);
      return true;
    } catch (AppErrorException e) {
      return false;
    }
  }

  private static Team findTeam(SampleHostApi api, String name) {
    try {
      return api.getTeamByName(name);
    } catch (AppErrorException e) {
      return api.createTeam(Team.newBuilder().setName(name).setDisplayName("Demo").setType("O").build());
    }
  }

  private static Channel findChannel(SampleHostApi api, Team team, String name, String displayName) {
    try {
      return api.getChannelByName(team.getId(), name, false);
    } catch (AppErrorException e) {
      return api.createChannel(Channel.newBuilder().setTeamId(team.getId()).setName(name)
          .setDisplayName(displayName).setType("O").build());
    }
  }

  private static DemoLogin read(Path file) throws IOException {
    Properties saved = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      }
    }
    return new DemoLogin("admin", saved.getProperty("admin.password", ""), "ann",
        saved.getProperty("ann.password", ""), "demo", "town-square");
  }

  private static void write(Path file, DemoLogin login) throws IOException {
    Properties saved = new Properties();
    saved.setProperty("admin.password", login.adminPassword());
    saved.setProperty("ann.password", login.userPassword());
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file)) {
      saved.store(out, "The sample host's demo logins (made with its database; delete both to start afresh)");
    }
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 14; i++) {
      password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return password.toString();
  }
}
