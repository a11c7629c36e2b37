package dev.communitysdk.core.sentiment;

import java.util.Set;

/**
 * Splits text into words, emoticons and emoji in one pass over its characters, without regular expressions, so the
 * cost is linear in the length of the text whatever it contains.
 *
 * <p>Markdown is read as a writer means it: emphasis markers and link brackets are stripped like other punctuation,
 * fenced and inline code is skipped (code is not sentiment: {@code kill -9} or {@code fail()} says nothing about the
 * writer's mood), and URLs are skipped. A blank line ends a sentence, a line break ends a clause.
 */
final class Tokenizer {
  private final Set<String> emoticons;
  private final int maxEmoticonLength;

  Tokenizer(Set<String> emoticons) {
    this.emoticons = Set.copyOf(emoticons);
    int max = 0;
    for (String e : emoticons) {
      max = Math.max(max, e.length());
    }
    this.maxEmoticonLength = max;
  }

  Tokens tokenize(String text) {
    int n = text.length();
    // About one token per six characters of English; the arrays grow if not.
    Tokens tokens = new Tokens(Math.min(n / 6 + 1, 1024));
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        tokens.endClause();
        int next = i + 1;
        while (next < n && isSpace(text.charAt(next)) && text.charAt(next) != '\n') {
          next++;
        }
        if (next < n && text.charAt(next) == '\n') {
          tokens.endSentence();
        }
        i = next;
        continue;
      }
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (c == '`') {
        i = skipCode(text, i);
        tokens.endClause();
        continue;
      }
      int end = i + 1;
      while (end < n && !isSpace(text.charAt(end)) && text.charAt(end) != '`') {
        end++;
      }
      chunk(text, i, end, tokens);
      i = end;
    }
    return tokens;
  }

  /** Skips a code span or fenced block; an unclosed fence runs to the end of the text, as in CommonMark. */
  private static int skipCode(String text, int start) {
    int n = text.length();
    int run = 0;
    while (start + run < n && text.charAt(start + run) == '`') {
      run++;
    }
    int from = start + run;
    if (run >= 3) {
      int close = text.indexOf("```", from);
      return close < 0 ? n : close + 3;
    }
    int close = text.indexOf('`', from);
    // No closing backtick means no more backticks at all, so this search cannot repeat: the scan stays linear.
    return close < 0 ? from : close + 1;
  }

  private void chunk(String text, int from, int to, Tokens tokens) {
    if (to - from <= maxEmoticonLength + 1 && hasSymbol(text, from, to)) {
      if (emoticon(text, from, to, tokens)) {
        return;
      }
    }
    if (startsWith(text, from, to, "www.") || startsWith(text, from, to, "http://")
        || startsWith(text, from, to, "https://")) {
      return;
    }
    int j = from;
    while (j < to) {
      char c = text.charAt(j);
      if (Character.isLetterOrDigit(c)) {
        j = word(text, j, to, tokens);
        continue;
      }
      switch (c) {
        case '!' -> {
          tokens.exclamations++;
          tokens.endSentence();
        }
        case '?' -> {
          tokens.questions++;
          tokens.endSentence();
        }
        case '.' -> tokens.endSentence();
        case ',', ';', ':', '(', ')', '[', ']', '"', '\u201C', '\u201D', '\u2014', '\u2013' -> tokens.endClause();
        default -> {
          if (Character.isSurrogate(c) || c >= 0x2190) {
            int cp = text.codePointAt(j);
            if (isEmoji(cp)) {
              tokens.addSymbol(new String(Character.toChars(cp)));
            }
            j += Character.charCount(cp);
            continue;
          }
        }
      }
      j++;
    }
  }

  /** A whole chunk such as {@code :-)} or {@code </3}, possibly followed by sentence punctuation. */
  private boolean emoticon(String text, int from, int to, Tokens tokens) {
    int end = to;
    while (end > from) {
      if (end - from <= maxEmoticonLength && emoticons.contains(lowerCase(text, from, end))) {
        for (int k = end; k < to; k++) {
          if (text.charAt(k) == '!') {
            tokens.exclamations++;
          } else if (text.charAt(k) == '?') {
            tokens.questions++;
          }
        }
        tokens.addSymbol(lowerCase(text, from, end));
        if (end < to) {
          tokens.endSentence();
        }
        return true;
      }
      if (!isSentencePunctuation(text.charAt(end - 1))) {
        return false;
      }
      end--;
    }
    return false;
  }

  /** Reads one word: letters and digits, joined by inner apostrophes and hyphens. Returns the index after it. */
  private static int word(String text, int start, int to, Tokens tokens) {
    int j = start;
    int upper = 0;
    int lower = 0;
    boolean plain = true;
    while (j < to) {
      char c = text.charAt(j);
      if (Character.isLetterOrDigit(c)) {
        if (Character.isUpperCase(c)) {
          upper++;
          plain = false;
        } else if (Character.isLowerCase(c)) {
          lower++;
        }
        j++;
      } else if ((c == '\'' || c == '\u2019' || c == '-') && j + 1 < to && Character.isLetterOrDigit(text.charAt(j + 1))) {
        if (c != '\'') {
          plain = false;
        }
        j++;
      } else {
        break;
      }
    }
    if (j + 2 < to && text.charAt(j) == ':' && text.charAt(j + 1) == '/' && text.charAt(j + 2) == '/') {
      return to; // a URL inside a chunk, e.g. a Markdown link target: skip the rest
    }
    String word = plain ? text.substring(start, j) : lowerCase(text, start, j);
    // Capitals mark emphasis only on real words: "I" and "A" do not shout.
    tokens.addWord(word, upper >= 2 && lower == 0, lower > 0);
    return j;
  }

  private static String lowerCase(String text, int from, int to) {
    char[] chars = new char[to - from];
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      chars[k - from] = c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }
    return new String(chars);
  }

  /**
   * Whether the chunk, without its sentence punctuation, holds a character that words never do: only such chunks can
   * be emoticons, which spares a lookup for every "word." and "don't".
   */
  private static boolean hasSymbol(String text, int from, int to) {
    int end = to;
    while (end > from && isSentencePunctuation(text.charAt(end - 1))) {
      end--;
    }
    if (end == from) {
      return false;
    }
    for (int k = from; k < end; k++) {
      char c = text.charAt(k);
      if (!Character.isLetterOrDigit(c) && c != '-' && c != '\'' && c != '\u2019') {
        return true;
      }
    }
    return false;
  }

  private static boolean isSentencePunctuation(char c) {
    return c == '.' || c == '!' || c == '?' || c == ',';
  }

  private static boolean startsWith(String text, int from, int to, String prefix) {
    return to - from > prefix.length() && text.regionMatches(true, from, prefix, 0, prefix.length());
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\f';
  }

  /** Pictographs and dingbats; skin tones, variation selectors and joiners are dropped so the base emoji is scored. */
  private static boolean isEmoji(int cp) {
    if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
      return false;
    }
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2B55;
  }
}
