/**
 * A one-line progress counter for long batches, drawn only on a terminal.
 *
 * @example const p = new Progress(process.stderr, process.stderr.isTTY); p.tick(2048); p.done(0);
 */
export class Progress {
  private count = 0;
  private bytes = 0;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly enabled: boolean,
  ) {}

  tick(bytes: number): void {
    this.count++;
    this.bytes += bytes;
    const now = Date.now();
    if (this.enabled && now - this.lastDraw > 200) {
      this.lastDraw = now;
      this.stream.write(`\r${this.line()}`);
    }
  }

  done(failed: number): void {
    if (!this.enabled) return;
    this.stream.write(`\r${this.line()}${failed > 0 ? `, ${failed} failed` : ''}\n`);
  }

  private line(): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    return `analyzed ${this.count} documents (${(this.count / seconds).toFixed(1)}/s, ${(this.bytes / 1e6 / seconds).toFixed(2)} MB/s)`;
  }
}
