package dev.pyplugins.runtime.internal.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;

/**
 * Parses a manifest's text with Jackson under limits a real manifest never reaches (keys and values,
 * nesting, string and name lengths), duplicate keys an error, and error messages that say where and what
 * kind of mistake, never quoting the text (Jackson's own messages quote tokens and source snippets).
 * Thread-safe.
 */
final class ManifestJson {
  /** Tokens in one manifest: a large settings schema has a few thousand. */
  static final int MAX_TOKENS = 100_000;
  static final int MAX_NESTING = 32;

  private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxDocumentLength(ManifestFile.MAX_BYTES)
              .maxTokenCount(MAX_TOKENS)
              .maxNestingDepth(MAX_NESTING)
              .maxStringLength(ManifestFile.MAX_BYTES)
              .maxNameLength(1024)
              .maxNumberLength(100)
              .build())
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .build();

  private ManifestJson() {
  }

  static JsonNode parse(Path file, String text) {
    try {
      return JSON.readTree(text);
    } catch (StreamConstraintsException e) {
      // Jackson's constraint messages name the limit and the count, not the content.
      throw ManifestFile.fail(file, "is too large or too deeply nested" + at(e) + ": " + e.getOriginalMessage());
    } catch (JsonEOFException e) {
      throw ManifestFile.fail(file, "not valid JSON" + at(e) + ": the text ends inside an object, array or string");
    } catch (JsonProcessingException e) {
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      String what = original.startsWith("Duplicate field") ? "a key appears twice in one object"
          : "a syntax error (unexpected character or token)";
      throw ManifestFile.fail(file, "not valid JSON" + at(e) + ": " + what);
    }
  }

  private static String at(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
