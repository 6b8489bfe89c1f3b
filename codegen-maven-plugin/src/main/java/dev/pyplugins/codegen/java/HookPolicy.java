package dev.pyplugins.codegen.java;

import dev.pyplugins.codegen.model.FieldKind;
import dev.pyplugins.codegen.model.FieldModel;
import java.util.List;
import java.util.Optional;

/**
 * Mattermost's rules for calling hooks, as the hooks client applies them: the hook that lists the others
 * ({@code Implemented}) and the hooks that fail open.
 */
final class HookPolicy {

  /** The RPC a plugin answers with the names of the hooks it implements. */
  static final String IMPLEMENTED = "Implemented";

  private HookPolicy() {}

  /**
   * A "Will" hook (MessageWillBePosted, FileWillBeUploaded, ...) asks the plugin to allow or change
   * something about to happen. Mattermost lets it through unchanged when the plugin cannot be reached, so
   * one broken plugin does not stop posts or uploads: the failure is logged, the neutral result returned.
   */
  static boolean failsOpen(JavaRpc hook) {
    return hook.rpcName().contains("Will");
  }

  /**
   * A "Will" hook that can refuse only through its error (ConfigurationWillBeSaved: Go returns
   * {@code (*Config, error)}): it has a single message result and no rejection reason. Its AppError is the
   * plugin's refusal and reaches the caller; only a failed call (plugin gone, deadline) fails open. Every
   * other "Will" hook refuses through its result fields, so an AppError there is a broken plugin.
   */
  static boolean refusesWithError(JavaRpc hook) {
    List<FieldModel> results = hook.signature().results();
    return failsOpen(hook) && !hook.streams() && results.size() == 1 && results.get(0).isMessage()
        && results.get(0).cardinality() == FieldModel.Cardinality.SINGULAR;
  }

  /** The service's Implemented RPC, when it has one answering with a list of names. */
  static Optional<JavaRpc> implemented(List<JavaRpc> hooks) {
    return hooks.stream()
        .filter(h -> h.rpcName().equals(IMPLEMENTED))
        .filter(h -> h.singleResult().filter(HookPolicy::isListOfNames).isPresent() && !h.streams())
        .findFirst();
  }

  private static boolean isListOfNames(FieldModel field) {
    return field.isRepeated() && field.kind() == FieldKind.STRING;
  }
}
