/**
 * A chain of 100 Pass states: one assigns `far` at `assignAt`, one reads it at `readAt`, longer
 * than the short searches of the variable rules, so that their fallbacks are tested.
 */
export function longChain(assignAt: number, readAt: number): string {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 100; i++) {
    const state: Record<string, unknown> = { Type: 'Pass' };
    if (i === assignAt) state['Assign'] = { far: i };
    if (i === readAt) state['InputPath'] = '$far';
    if (i === 99) state['End'] = true;
    else state['Next'] = `S${i + 1}`;
    states[`S${i}`] = state;
  }
  return JSON.stringify({ StartAt: 'S0', States: states });
}
