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
    this.#stream.write(`\r${progressText(this.#label, done, total)}`);
  }

  done(): void {
    if (this.#stream.isTTY) this.#stream.write('\n');
  }
}

/** "Adding contacts [#########---------------------] 300/1000 (30%)": a bar as text, for any line that shows progress. */
export function progressText(label: string, done: number, total: number, width = 30): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} (${Math.floor(ratio * 100)}%)`;
}
