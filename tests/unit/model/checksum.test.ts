import { describe, expect, it } from 'vitest';
import checksums from '../../fixtures/checksums.json';
import { PRESETS } from '../../../src/scenario/presets';
import { runModel, checksum } from '../../../src/model';

// The browser suite (tests/browser/runner.test.ts) checks the worker against the same fixture: Node and worker agree.
describe('run fingerprints in Node', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s at 1,000 samples matches the fixture', (id, p) => {
    expect(checksum(runModel(p.scenario, 1000))).toBe((checksums as Record<string, string>)[`${id}@1000`]);
  });

  it('changes when a single parameter moves', () => {
    const s = PRESETS[0].scenario;
    const moved = { ...s, params: { ...s.params, bassQ: { ...s.params.bassQ, value: s.params.bassQ.value + 0.001 } } };
    expect(checksum(runModel(moved, 1000))).not.toBe(checksum(runModel(s, 1000)));
  });
});
