package dev.pyplugins.sample.api;

import dev.pyplugins.protocol.v1.AppError;
import dev.pyplugins.protocol.v1.AppErrorException;
import dev.pyplugins.protocol.v1.Post;
import dev.pyplugins.sample.db.ProtoJson;
import dev.pyplugins.sample.store.PostStore;

/**
 * Mattermost's size limits on a post: its message at most 16,383 characters (runes, counted as code points:
 * PostMessageMaxRunesV2) and its props at most 800,000 characters of JSON (PostPropsMaxRunes). Checked for
 * every post from REST or the Plugin API, and again after the "Will be" hooks changed it, so that neither a
 * client nor a plugin can store a 50 MB post.
 */
public final class PostLimits {
  /** The store refuses longer messages too (its last line of defence); one number for both. */
  public static final int MESSAGE_MAX_RUNES = PostStore.MAX_MESSAGE_LENGTH;
  public static final int PROPS_MAX_RUNES = 800_000;

  private PostLimits() {
  }

  /**
   * @param when said in the error, such as {@code " after plugin changes"}
   * @throws AppErrorException 400 naming the limit and the size found
   */
  public static void check(Post post, String when) {
    String message = post.getMessage();
    // A cheap bound first: a string of n chars holds at least n/2 code points.
    if (message.length() > MESSAGE_MAX_RUNES && message.codePointCount(0, message.length()) > MESSAGE_MAX_RUNES) {
      throw tooLong("model.post.is_valid.message_length.app_error", "message",
          message.codePointCount(0, message.length()), MESSAGE_MAX_RUNES, when);
    }
    if (post.hasProps() && post.getProps().getSerializedSize() > PROPS_MAX_RUNES) {
      String props = ProtoJson.write(post.getProps());
      int runes = props.codePointCount(0, props.length());
      if (runes > PROPS_MAX_RUNES) {
        throw tooLong("model.post.is_valid.props.app_error", "props", runes, PROPS_MAX_RUNES, when);
      }
    }
  }

  private static AppErrorException tooLong(String id, String what, int found, int limit, String when) {
    return new AppErrorException(AppError.newBuilder().setStatusCode(400).setId(id).setMessage("The post's " + what
        + " is " + found + " characters long" + when + "; Mattermost's limit is " + limit + ".").build());
  }
}
