package dev.communitysdk.benchmarks.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a ground-truth file: {@code id<TAB>mean_rating<TAB>text}.
 *
 * @param id the row's id, used for the even/odd split
 * @param rating the mean human rating, from -4 to 4
 * @param text the sentence
 */
record LabelledSentence(long id, double rating, String text) {
  /**
   * Reads a ground-truth file; lines without the three fields are rejected rather than silently skipped.
   *
   * @param file a UTF-8 file of {@code id<TAB>mean_rating<TAB>text} lines
   * @return the rows in file order
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is malformed
   */
  static List<LabelledSentence> read(Path file) throws IOException {
    List<LabelledSentence> rows = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t", 3);
      if (fields.length < 3) {
        throw new IllegalArgumentException(file + " line " + number + " is not id<TAB>mean_rating<TAB>text");
      }
      rows.add(new LabelledSentence(
          Long.parseLong(fields[0].strip()), Double.parseDouble(fields[1].strip()), fields[2].strip()));
    }
    return rows;
  }
}
