// Progress on stderr: a bar redrawn in place on a terminal, a plain line every tenth otherwise (logs).
export interface Output { write(text: string): unknown; isTTY?: boolean; columns?: number }

export class Progress {
  private lastTenth = -1;
  private readonly started = Date.now();

  constructor(private readonly out: Output, private readonly total: number, private readonly label = 'ads') {}

  update(done: number): void {
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const rate = Math.round(done / Math.max(0.001, (Date.now() - this.started) / 1000));
    if (this.out.isTTY) {
      const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - 50));
      const filled = Math.round(fraction * width);
      this.out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${this.label} ${Math.floor(fraction * 100)}% ${rate}/s `);
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.out.write(`${done}/${this.total} ${this.label} (${tenth * 10}%), ${rate}/s\n`);
    }
  }

  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }
}
