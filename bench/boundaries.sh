#!/usr/bin/env bash
# The boundary index (docs/benchmarks.md, Placing a point by the units' boundaries): synthetic
# boundaries tiling a rectangle the size of Chongqing (4.5° by 3.6°, about 82,000 km²): 38
# districts, 912 streets and 10,944 communities, whose shared edges wiggle the same way on both
# sides, 50 to 200 vertices a community, 200 a street, 2,000 a district. Times decoding them from
# WKB (what a rebuild does after reading the rows), building the index (BoundaryTree: STR-tree and
# prepared shapes) and placing 100,000 random points in it twice (the first pass also builds each
# shape's edge index on its first use), on one thread. Needs: ./mvnw -q -o compile first.
set -euo pipefail
cd "$(dirname "$0")/.."
JTS=$(ls ~/.m2/repository/org/locationtech/jts/jts-core/1.20.0/jts-core-1.20.0.jar)
POINTS=${POINTS:-100000}
cat > /tmp/grassroots-boundaries-bench.jsh <<JSH
import org.locationtech.jts.geom.*;
import org.locationtech.jts.io.*;
import org.grassroots.units.internal.BoundaryTree;
GeometryFactory f = new GeometryFactory(new PrecisionModel(), 4326);
double W = 105.5, S = 28.4, COLS = 114, ROWS = 96, CW = 4.5 / COLS, RH = 3.6 / ROWS;
// a point along the edge from (x0,y0) to (x1,y1): the same for the two tiles that share the edge
void edge(List<Coordinate> ring, double x0, double y0, double x1, double y1, int n, double amplitude) {
  for (int i = 0; i < n; i++) {
    double t = (double) i / n, x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
    double wiggle = amplitude * Math.sin(Math.PI * t) * Math.sin(37 * (x + y) + 11 * (x0 + y0 + x1 + y1));
    ring.add(x0 == x1 ? new Coordinate(x + wiggle, y) : new Coordinate(x, y + wiggle));
  }
}
int parts(double x0, double y0, double x1, double y1, int min, int max) {
  long h = Double.doubleToLongBits(x0 + x1) * 31 + Double.doubleToLongBits(y0 + y1);
  return min + (int) Math.floorMod(h ^ (h >>> 29), (long) (max - min + 1));
}
Polygon tile(double x0, double y0, double x1, double y1, int min, int max, double amplitude) {
  List<Coordinate> ring = new ArrayList<>();
  double[][] corners = { { x0, y0 }, { x1, y0 }, { x1, y1 }, { x0, y1 } };
  for (int c = 0; c < 4; c++) {
    double[] a = corners[c], b = corners[(c + 1) % 4];
    // the edge is cut the same way from both sides: by its ends in a fixed order
    boolean forward = a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
    double[] p = forward ? a : b, q = forward ? b : a;
    List<Coordinate> part = new ArrayList<>();
    edge(part, p[0], p[1], q[0], q[1], parts(p[0], p[1], q[0], q[1], min, max), amplitude);
    part.add(new Coordinate(q[0], q[1]));
    if (!forward) Collections.reverse(part);
    ring.addAll(part.subList(0, part.size() - 1));
  }
  ring.add(ring.get(0));
  return f.createPolygon(ring.toArray(Coordinate[]::new));
}
List<BoundaryTree.Entry> entries = new ArrayList<>();
long id = 0; long vertices = 0;
for (int dc = 0; dc < 19; dc++) for (int dr = 0; dr < 2; dr++) {
  Polygon d = tile(W + dc * 6 * CW, S + dr * 48 * RH, W + (dc + 1) * 6 * CW, S + (dr + 1) * 48 * RH, 500, 500, 0);
  entries.add(new BoundaryTree.Entry(++id, 1, 1, d)); vertices += d.getNumPoints();
}
for (int sc = 0; sc < 38; sc++) for (int sr = 0; sr < 24; sr++) {
  Polygon s = tile(W + sc * 3 * CW, S + sr * 4 * RH, W + (sc + 1) * 3 * CW, S + (sr + 1) * 4 * RH, 50, 50, 0);
  entries.add(new BoundaryTree.Entry(++id, 2, 1, s)); vertices += s.getNumPoints();
}
for (int c = 0; c < COLS; c++) for (int r = 0; r < ROWS; r++) {
  Polygon p = tile(W + c * CW, S + r * RH, W + (c + 1) * CW, S + (r + 1) * RH, 12, 50, Math.min(CW, RH) / 12);
  if (!p.isValid()) throw new IllegalStateException("invalid tile " + c + "," + r);
  entries.add(new BoundaryTree.Entry(++id, 3, 1, p)); vertices += p.getNumPoints();
}
System.out.printf("boundaries: %d (38 districts, 912 streets, %d communities), %d vertices%n", entries.size(), (int) (COLS * ROWS), vertices);
List<byte[]> wkb = new ArrayList<>();
for (BoundaryTree.Entry e : entries) wkb.add(new WKBWriter().write(e.shape()));
long start = System.nanoTime();
WKBReader reader = new WKBReader(f);
for (byte[] bytes : wkb) reader.read(bytes);
System.out.printf("decode WKB: %.0f ms%n", (System.nanoTime() - start) / 1e6);
for (int warm = 0; warm < 2; warm++) new BoundaryTree(entries);
start = System.nanoTime();
BoundaryTree tree = new BoundaryTree(entries);
System.out.printf("build index: %.0f ms%n", (System.nanoTime() - start) / 1e6);
Random random = new Random(21);
double[][] points = new double[$POINTS][];
for (int i = 0; i < points.length; i++) points[i] = new double[] { S + random.nextDouble() * 3.6, W + random.nextDouble() * 4.5 };
for (String pass : List.of("first pass (edge indexes built on first use)", "second pass")) {
  long placed = 0, communities = 0;
  start = System.nanoTime();
  for (double[] p : points) { var unit = tree.place(p[0], p[1]); if (unit.isPresent()) { placed++; if (unit.getAsLong() > 950) communities++; } }
  double micros = (System.nanoTime() - start) / 1000.0 / points.length;
  System.out.printf("%s: %.2f µs a point, %d of %d placed, %d in a community%n", pass, micros, placed, points.length, communities);
}
/exit
JSH
jshell --class-path "target/classes:$JTS" -R-Xmx1g /tmp/grassroots-boundaries-bench.jsh
