/**
 * A uniform grid over points (the customers), for "which customer is nearest the pointer" in
 * constant time instead of a hit test per particle. Built once per layout; points can be left
 * out by a mask (customers turned into key accounts).
 */
export class SpatialGrid {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  /** Start of each cell's run in `items` (cells + 1 entries). */
  private readonly start: Int32Array;
  private readonly items: Int32Array;

  constructor(
    private readonly xs: ArrayLike<number>,
    private readonly ys: ArrayLike<number>,
    private readonly cell: number,
    include?: ArrayLike<number>,
  ) {
    const n = xs.length;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      minX = Math.min(minX, xs[i]!);
      maxX = Math.max(maxX, xs[i]!);
      minY = Math.min(minY, ys[i]!);
      maxY = Math.max(maxY, ys[i]!);
    }
    if (n === 0) minX = minY = maxX = maxY = 0;
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.max(1, Math.floor((maxX - minX) / cell) + 1);
    this.rows = Math.max(1, Math.floor((maxY - minY) / cell) + 1);
    const cells = this.cols * this.rows;
    const start = new Int32Array(cells + 1);
    const cellOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (include && !include[i]) continue;
      const c = this.cellIndex(this.col(xs[i]!), this.row(ys[i]!));
      cellOf[i] = c;
      start[c + 1]!++;
    }
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, cells);
    const items = new Int32Array(start[cells]!);
    for (let i = 0; i < n; i++) if (cellOf[i]! >= 0) items[fill[cellOf[i]!]!++] = i;
    this.start = start;
    this.items = items;
  }

  private col(x: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.minX) / this.cell)));
  }

  private row(y: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.minY) / this.cell)));
  }

  private cellIndex(col: number, row: number): number {
    return row * this.cols + col;
  }

  /** Index of the point nearest (x, y) within maxDistance (inclusive), or −1 when there is none. */
  nearest(x: number, y: number, maxDistance = Infinity): number {
    if (this.items.length === 0) return -1;
    let best = -1;
    let bestD2 = maxDistance * maxDistance;
    const c0 = Math.floor((x - this.minX) / this.cell);
    const r0 = Math.floor((y - this.minY) / this.cell);
    const maxRing = Math.max(this.cols, this.rows) + Math.max(Math.abs(c0), Math.abs(r0));
    for (let ring = 0; ring <= maxRing; ring++) {
      // Every point in ring k is at least (k − 1) cells away from (x, y).
      const gap = (ring - 1) * this.cell;
      if (ring > 0 && gap > 0 && gap * gap > bestD2) break;
      for (let row = r0 - ring; row <= r0 + ring; row++) {
        if (row < 0 || row >= this.rows) continue;
        const edge = row === r0 - ring || row === r0 + ring;
        for (let col = c0 - ring; col <= c0 + ring; col += edge || ring === 0 ? 1 : 2 * ring) {
          if (col < 0 || col >= this.cols) continue;
          const c = this.cellIndex(col, row);
          for (let k = this.start[c]!; k < this.start[c + 1]!; k++) {
            const i = this.items[k]!;
            const dx = this.xs[i]! - x;
            const dy = this.ys[i]! - y;
            const d2 = dx * dx + dy * dy;
            if (d2 < bestD2 || (d2 === bestD2 && (best < 0 || i < best))) {
              bestD2 = d2;
              best = i;
            }
          }
        }
      }
    }
    return best;
  }
}
