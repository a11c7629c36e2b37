package dev.communitysdk.core.content;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A resolved {@code @handle} in a parsed document, and the renderer that writes it as
 * {@code <span class="mention" data-handle="handle">@Handle</span>}: the text as the author wrote it, the handle
 * lower-cased (the final policy then writes the {@code @} as {@code &#64;}). Handles are {@code [a-z0-9_]}, so the
 * attribute never needs escaping; the writer escapes it anyway.
 */
final class MentionNode extends CustomNode {
  private final String handle;
  private final String written;

  MentionNode(String handle, String written) {
    this.handle = handle;
    this.written = written;
  }

  /** Writes {@link MentionNode}s; the renderer's other nodes keep their default rendering. */
  static final class Renderer implements NodeRenderer {
    private final HtmlWriter html;

    Renderer(HtmlNodeRendererContext context) {
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(MentionNode.class);
    }

    @Override
    public void render(Node node) {
      MentionNode mention = (MentionNode) node;
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("class", "mention");
      attributes.put("data-handle", mention.handle);
      html.tag("span", attributes);
      html.text("@" + mention.written);
      html.tag("/span");
    }
  }
}
