package dev.pyplugins.runtime.support;

import com.google.protobuf.ByteString;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the request messages of one body-streaming RPC carry the body ({@code bytes body_chunk},
 * {@code bool body_complete}). Generated code supplies one per RPC, from method references on the message
 * class; the head fields of the first message are the generated code's business. Immutable.
 *
 * @param chunkOf the body piece a message carries (empty when none)
 * @param completeOf whether a message ends the body
 * @param chunkMessage a message carrying one body piece
 * @param completeMessage the message that ends the body
 * @param <Q> the request message type
 */
public record RequestBodyFormat<Q>(
    Function<Q, ByteString> chunkOf,
    Predicate<Q> completeOf,
    Function<ByteString, Q> chunkMessage,
    Q completeMessage) {

  public RequestBodyFormat {
    Objects.requireNonNull(chunkOf, "chunkOf");
    Objects.requireNonNull(completeOf, "completeOf");
    Objects.requireNonNull(chunkMessage, "chunkMessage");
    Objects.requireNonNull(completeMessage, "completeMessage");
  }
}
