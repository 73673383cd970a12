/**
 * A one-line progress bar on stderr for long work, redrawn at most ten times a second;
 * on a stream that is not a terminal it prints nothing (scripts read the result).
 */
export class ProgressBar {
  #last = 0;
  readonly #stream: NodeJS.WriteStream;
  readonly #label: string;

  constructor(label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.#label = label;
    this.#stream = stream;
  }

  update(done: number, total: number): void {
    if (!this.#stream.isTTY) return;
    const now = Date.now();
    if (done < total && now - this.#last < 100) return;
    this.#last = now;
    const width = 30;
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    this.#stream.write(`\r${this.#label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} (${Math.floor(ratio * 100)}%)`);
  }

  done(): void {
    if (this.#stream.isTTY) this.#stream.write('\n');
  }
}
