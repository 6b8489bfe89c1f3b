package dev.pyplugins.benchmarks.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of one run, rendered as a Markdown table (readable as plain text too). */
final class ResultTable {
  private final List<Row> rows = new ArrayList<>();
  private final List<CpuRow> cpu = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  void addAll(List<Row> more) {
    rows.addAll(more);
  }

  void add(CpuRow row) {
    cpu.add(row);
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  List<CpuRow> cpuRows() {
    return List.copyOf(cpu);
  }

  List<Row> missed() {
    return rows.stream().filter(r -> r.met().filter(m -> !m).isPresent()).toList();
  }

  String markdown() {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"figure", "ours", "floor / reference", "ours ÷ floor", "target", "met"});
    for (Row r : rows) {
      cells.add(new String[] {
          r.figure(),
          value(r.ours(), r.unit()),
          r.reference().map(v -> value(v, r.unit())).orElse("-"),
          r.ratio().map(v -> String.format(Locale.ROOT, "%.2f", v)).orElse("-"),
          r.target().map(Row.Target::toString).orElse("-"),
          r.met().map(m -> m ? "yes" : "**no**").orElse("-")});
    }
    return render(cells);
  }

  /** Where the CPU time went, per operation: host JVM and Python process, ours and the floor's. */
  String cpuMarkdown() {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"CPU time per operation", "ours: host JVM", "ours: Python", "floor: host JVM",
        "floor: Python"});
    for (CpuRow r : cpu) {
      cells.add(new String[] {r.figure() + " (" + r.unit() + ")", cpuValue(r.oursJava()), cpuValue(r.oursPython()),
          cpuValue(r.floorJava()), cpuValue(r.floorPython())});
    }
    return render(cells);
  }

  private static String cpuValue(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v);
  }

  private static String render(List<String[]> cells) {
    int[] width = new int[cells.get(0).length];
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) {
        width[i] = Math.max(width[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < cells.size(); n++) {
      out.append(line(cells.get(n), width));
      if (n == 0) {
        String[] rule = new String[width.length];
        for (int i = 0; i < rule.length; i++) {
          rule[i] = i == 0 ? "-".repeat(width[i]) : "-".repeat(width[i] - 1) + ":";
        }
        out.append(line(rule, width));
      }
    }
    return out.toString();
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      String pad = " ".repeat(width[i] - c.length());
      b.append(' ').append(i == 0 ? c + pad : pad + c).append(" |");
    }
    return b.append('\n').toString();
  }

  static String value(double v, String unit) {
    return switch (unit) {
      case "ms" -> String.format(Locale.ROOT, "%.1f ms", v);
      default -> String.format(Locale.ROOT, "%,.0f %s", v, unit);
    };
  }
}
