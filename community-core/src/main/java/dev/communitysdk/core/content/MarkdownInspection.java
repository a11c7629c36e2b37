package dev.communitysdk.core.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * One walk over a parsed document: counts links, collects mentions, marks up the mentions of mentionable handles,
 * and unwraps links and images whose URL the
 * allow-list refuses (their text stays, the link goes), so the author sees their words instead of a dead link.
 *
 * <p>Recursion depth is bounded by the parser's nesting limits, which is why this may be a plain recursive visitor.
 * Not thread-safe: one instance per document.
 */
final class MarkdownInspection extends AbstractVisitor {
  /**
   * A handle: 1–40 ASCII letters, digits, {@code _}, {@code .} or {@code -}, starting and ending with a letter, digit or
   * underscore, so that a sentence's full stop after {@code @anna.} is not part of the handle. The look-behind keeps
   * e-mail addresses ({@code bob@example.com}) and doubled signs from counting as mentions.
   */
  private static final Pattern MENTION =
      Pattern.compile("(?<![A-Za-z0-9_.+@-])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,38}[A-Za-z0-9_])?)(?![A-Za-z0-9_@])");

  private final Set<String> mentionable;
  private int linkCount;
  private final Set<String> mentions = new LinkedHashSet<>();
  private final List<Node> refused = new ArrayList<>();
  /** Text nodes holding a mentionable handle, split into text and {@link MentionNode}s after the walk. */
  private final List<Text> withMentions = new ArrayList<>();
  /** Greater than zero while inside a link or image, whose text is not scanned for mentions. */
  private int insideLink;

  private MarkdownInspection(Set<String> mentionable) {
    this.mentionable = mentionable;
  }

  /**
   * Inspects {@code document}, unwrapping refused links and images in place, and turning each mention of a handle in
   * {@code mentionable} into a {@link MentionNode}.
   */
  static MarkdownInspection inspect(Node document, Set<String> mentionable) {
    MarkdownInspection inspection = new MarkdownInspection(mentionable);
    document.accept(inspection);
    // Rewriting after the walk, never during it, keeps the visitor's sibling iteration valid.
    for (Node node : inspection.refused) {
      unwrap(node);
    }
    for (Text text : inspection.withMentions) {
      inspection.splitMentions(text);
    }
    return inspection;
  }

  int linkCount() {
    return linkCount;
  }

  List<String> mentions() {
    return List.copyOf(mentions);
  }

  @Override
  public void visit(Link link) {
    linkCount++;
    if (!SafeUrls.isAllowedLink(link.getDestination())) {
      refused.add(link);
    }
    visitInsideLink(link);
  }

  @Override
  public void visit(Image image) {
    if (!SafeUrls.isAllowedImage(image.getDestination())) {
      refused.add(image);
    }
    // An image's children are its description; a link nested there still counts and is still checked.
    visitInsideLink(image);
  }

  private void visitInsideLink(Node node) {
    insideLink++;
    try {
      visitChildren(node);
    } finally {
      insideLink--;
    }
  }

  @Override
  public void visit(Text text) {
    if (insideLink == 0) {
      Matcher matcher = MENTION.matcher(text.getLiteral());
      boolean mentionsSomeone = false;
      while (matcher.find()) {
        String handle = matcher.group(1).toLowerCase(Locale.ROOT);
        mentions.add(handle);
        mentionsSomeone |= mentionable.contains(handle);
      }
      if (mentionsSomeone) {
        withMentions.add(text);
      }
    }
  }

  // Code and raw HTML are shown literally: an @name there is an example, not a mention.
  @Override
  public void visit(Code code) {}

  @Override
  public void visit(FencedCodeBlock codeBlock) {}

  @Override
  public void visit(IndentedCodeBlock codeBlock) {}

  @Override
  public void visit(HtmlInline htmlInline) {}

  @Override
  public void visit(HtmlBlock htmlBlock) {}

  /** Replaces a text node with its text around the {@link MentionNode}s of its mentionable handles. */
  private void splitMentions(Text text) {
    String literal = text.getLiteral();
    Matcher matcher = MENTION.matcher(literal);
    int done = 0;
    while (matcher.find()) {
      String handle = matcher.group(1).toLowerCase(Locale.ROOT);
      if (!mentionable.contains(handle)) {
        continue;
      }
      if (matcher.start() > done) {
        text.insertBefore(new Text(literal.substring(done, matcher.start())));
      }
      text.insertBefore(new MentionNode(handle, matcher.group(1)));
      done = matcher.end();
    }
    if (done < literal.length()) {
      text.insertBefore(new Text(literal.substring(done)));
    }
    text.unlink();
  }

  private static void unwrap(Node node) {
    Node child = node.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      node.insertBefore(child);
      child = next;
    }
    node.unlink();
  }
}
