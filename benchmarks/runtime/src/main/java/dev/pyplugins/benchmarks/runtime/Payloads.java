package dev.pyplugins.benchmarks.runtime;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.pyplugins.protocol.v1.PluginContext;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.protocol.v1.User;

/**
 * The messages every figure sends, the same on the measured path and on its floor: a post as
 * MessageWillBePosted sees one from an integration (Markdown text, a message attachment in its props,
 * two files, about 1.2 KB encoded), a user as GetUser returns one, a 1 KiB KV value.
 */
final class Payloads {
  static final String USER_ID = "k7x3qmw9tjf8bgzdhc1r5ny2pa";
  static final String KV_KEY = "settings/k7x3qmw9tjf8bgzdhc1r5ny2pa";
  static final int KV_VALUE_SIZE = 1024;

  private Payloads() {}

  static PluginContext pluginContext() {
    return PluginContext.newBuilder()
        .setSessionId("9zkq4u7o1bdy8m3wxsfe6tgh5r")
        .setRequestId("qp3w8d1hz7fyxnmbk54tcg9eja")
        .setIpAddress("203.0.113.24")
        .setAcceptLanguage("en-GB,en;q=0.9")
        .setUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")
        .build();
  }

  static Post post() {
    Struct attachment = Struct.newBuilder()
        .putFields("fallback", text("Build #4512 of pyplugins/main failed"))
        .putFields("color", text("#d24b4e"))
        .putFields("pretext", text("CI report"))
        .putFields("title", text("Build #4512 failed"))
        .putFields("title_link", text("https://ci.example.com/pyplugins/builds/4512"))
        .putFields("text", text("`runtime/core` BigTransferIT: upload took 11.4 s (limit 10 s). "
            + "3 other tests were skipped because the venv could not be created."))
        .putFields("fields", Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(field("Branch", "main", true))
            .addValues(field("Commit", "5de78e4", true))
            .addValues(field("Duration", "7 min 12 s", true))).build())
        .build();
    Struct props = Struct.newBuilder()
        .putFields("attachments", Value.newBuilder().setListValue(ListValue.newBuilder()
            .addValues(Value.newBuilder().setStructValue(attachment))).build())
        .putFields("from_webhook", text("true"))
        .putFields("override_username", text("ci-bot"))
        .putFields("disable_group_highlight", Value.newBuilder().setBoolValue(true).build())
        .build();
    return Post.newBuilder()
        .setCreateAt(1_767_225_600_123L)
        .setUpdateAt(1_767_225_600_123L)
        .setUserId(USER_ID)
        .setChannelId("c1w6ztq8sxk3hdn9mbf7ruy5ea")
        .setRootId("r4m8gk2pwzx6tqb1nhj9fc3sdo")
        .setMessage("@channel heads-up: the nightly build of **pyplugins** failed on `runtime/core` "
            + "(BigTransferIT, see https://ci.example.com/pyplugins/builds/4512). I'm rerunning it now; "
            + "if it fails again I'll revert the last two merges. #ci #release-0.1 :warning:")
        .setProps(props)
        .setHashtags("#ci #release-0.1")
        .addFileIds("f2h7kd9wqx3zmb5tcn8jy1gpea")
        .addFileIds("f9s3nq6vdk1xwb7mze4ht2ycra")
        .setPendingPostId(USER_ID + ":1767225600123")
        .build();
  }

  static User user() {
    return User.newBuilder()
        .setId(USER_ID)
        .setCreateAt(1_700_000_000_000L)
        .setUpdateAt(1_767_000_000_000L)
        .setUsername("alice.moreau")
        .setAuthService("")
        .setEmail("alice.moreau@example.com")
        .setEmailVerified(true)
        .setNickname("Alice")
        .setFirstName("Alice")
        .setLastName("Moreau")
        .setPosition("Staff engineer, platform")
        .setRoles("system_user team_user channel_user")
        .putProps("customStatus", "{\"emoji\":\"calendar\",\"text\":\"In a meeting\",\"duration\":\"one_hour\"}")
        .putNotifyProps("channel", "true")
        .putNotifyProps("comments", "root")
        .putNotifyProps("desktop", "mention")
        .putNotifyProps("desktop_sound", "true")
        .putNotifyProps("email", "true")
        .putNotifyProps("first_name", "false")
        .putNotifyProps("mention_keys", "alice,@alice.moreau")
        .putNotifyProps("push", "mention")
        .putNotifyProps("push_status", "away")
        .setLastPasswordUpdate(1_700_000_000_000L)
        .setLastPictureUpdate(1_710_000_000_000L)
        .setLocale("en")
        .putTimezone("automaticTimezone", "Europe/Paris")
        .putTimezone("manualTimezone", "")
        .putTimezone("useAutomaticTimezone", "true")
        .setLastActivityAt(1_767_225_000_000L)
        .setLastLogin(1_767_200_000_000L)
        .build();
  }

  static ByteString kvValue() {
    byte[] value = new byte[KV_VALUE_SIZE];
    for (int i = 0; i < value.length; i++) {
      value[i] = (byte) ('a' + i % 26);
    }
    return ByteString.copyFrom(value);
  }

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value field(String title, String value, boolean isShort) {
    return Value.newBuilder().setStructValue(Struct.newBuilder()
        .putFields("title", text(title))
        .putFields("value", text(value))
        .putFields("short", Value.newBuilder().setBoolValue(isShort).build())).build();
  }
}
