package dev.communitysdk.tck.safety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The XSS corpus: Markdown payloads that try to smuggle script into rendered HTML (script tags, event handlers,
 * {@code javascript:} and {@code data:} URLs, SVG, malformed and encoded markup, Markdown link and image tricks). One
 * corpus serves the renderer-level test and the API-level {@code ContentSafetyContract}. The payloads live in
 * {@code xss-payloads.txt} next to this class, whose header describes the format.
 */
public final class XssCorpus {
  private XssCorpus() {}

  private static final String RESOURCE = "xss-payloads.txt";

  /** @return every payload, in file order, escapes decoded */
  public static List<String> payloads() {
    try (InputStream in = XssCorpus.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith(";;"))
          .map(XssCorpus::unescape)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unescape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\' || i + 1 == line.length()) {
        out.append(c);
        continue;
      }
      char next = line.charAt(i + 1);
      switch (next) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case '\\' -> out.append('\\');
        case 'x' -> {
          out.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
          i += 2;
        }
        default -> {
          // Not one of ours: a Markdown escape such as \< stays as written.
          out.append(c);
          continue;
        }
      }
      i++;
    }
    return out.toString();
  }
}
