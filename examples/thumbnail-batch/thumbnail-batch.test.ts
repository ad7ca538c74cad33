import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStateMachine } from '../../src/index.js';

const definition = readFileSync(new URL('./thumbnail-batch.asl.json', import.meta.url), 'utf8');

describe('thumbnail batch example', () => {
  it('resizes every image with at most 5 in flight and publishes them in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const machine = createStateMachine(definition, {
      clock: 'simulated',
      handlers: {
        Resize: async (input) => {
          const { key } = input as { key: string };
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, 1));
          inFlight -= 1;
          return `thumb/${key}`;
        },
      },
    });
    const images = Array.from({ length: 12 }, (_, i) => `img-${i}.png`);
    const result = await machine.execute({ bucket: 'uploads', images });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      bucket: 'uploads',
      count: 12,
      thumbnails: images.map((key) => `thumb/${key}`),
    });
    expect(peak).toBe(5);
  });

  it('passes each iteration the bucket, the item and its index', async () => {
    const seen: unknown[] = [];
    const machine = createStateMachine(definition, {
      clock: 'simulated',
      handlers: { Resize: (input) => (seen.push(input), 'ok') },
    });
    await machine.execute({ bucket: 'b', images: ['x.png', 'y.png'] });
    expect(seen).toEqual([
      { bucket: 'b', key: 'x.png', index: 0 },
      { bucket: 'b', key: 'y.png', index: 1 },
    ]);
  });
});
