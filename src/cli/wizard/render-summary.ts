/**
 * A run's summary as the CLI shows it (PRODUCT.md W10): the JSON document of the README,
 * and the text: the counts, then every failure and warning with the contact, its folder
 * and the reason.
 */
import type { RunSummary } from '../../tracking/index.js';

const UNREADABLE_PREFIX = 'unreadable:';

export function summaryToJson(summary: RunSummary) {
  const { runId, status, added, linked, skipped, parentSet, accountsCreated, failed, failures, warnings } = summary;
  return { runId, status, added, linked, skipped, parentSet, accountsCreated, failed, failures, warnings };
}

export function renderSummary(summary: RunSummary, options: { skipped?: boolean } = {}): string {
  const s = summary;
  const lines = [
    `Run #${s.runId} (${s.status}): ${s.added} added, ${s.linked} linked, ${s.skipped} skipped${s.parentSet ? `, ${s.parentSet} given a parent` : ''}, ${s.accountsCreated} accounts created, ${s.failed} failed.`,
  ];
  if (s.failures.length > 0) lines.push('Failed:');
  for (const f of s.failures) {
    // A record that could not be read has no item id: its name is already its file and line.
    if (f.id.startsWith(UNREADABLE_PREFIX)) lines.push(`  ${f.name}: ${f.reason}`);
    else lines.push(`  ${f.name} [${f.id}]${f.folder ? ` in ${f.folder}` : ''}: ${f.reason}`);
  }
  if (s.warnings.length > 0) lines.push('Warnings:');
  for (const w of s.warnings) lines.push(`  ${w.name}${w.id ? ` [${w.id}]` : ''}${w.folder ? ` in ${w.folder}` : ''}: ${w.message}`);
  if (options.skipped && s.skippedItems.length > 0) {
    lines.push('Skipped:');
    for (const k of s.skippedItems) lines.push(`  ${k.name} [${k.id}]${k.folder ? ` in ${k.folder}` : ''}: ${k.reason}`);
  }
  return lines.join('\n');
}
