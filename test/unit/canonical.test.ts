import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/domain/canonical.js';

describe('canonicalJson: the one text that is hashed', () => {
  it('keys in code-point order at every depth, arrays in their order, no whitespace, numbers as JavaScript writes them', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: 0.1, c: 'x' }], Z: null, é: true })).toBe(
      '{"Z":null,"a":[3,{"c":"x","d":0.1}],"b":1,"é":true}',
    );
    expect(canonicalJson({ version: 2, code: 'P2WKSS-PROV' })).toBe(canonicalJson({ code: 'P2WKSS-PROV', version: 2 }));
    expect(canonicalJson({ x: 8.4499999995, y: 1e21, u: undefined })).toBe('{"x":8.4499999995,"y":1e+21}');
  });
});
