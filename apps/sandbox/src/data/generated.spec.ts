import { SANDBOX_INSURERS } from './catalogue.js';
import { MAX_GENERATED_INSURERS, generateInsurers, generatedSettingsOf, generatedSigningSecret } from './generated.js';

describe('generated insurers (SANDBOX_GENERATED_INSURERS)', () => {
  const handWritten = SANDBOX_INSURERS.slice(0, 12);

  it('are off unless asked for, and read their settings strictly', () => {
    expect(generatedSettingsOf({})).toEqual({ insurers: 0, productsPerInsurer: 100 });
    expect(generatedSettingsOf({ SANDBOX_GENERATED_INSURERS: '50', SANDBOX_PRODUCTS_PER_INSURER: '20' })).toEqual({
      insurers: 50,
      productsPerInsurer: 20,
    });
    expect(() => generatedSettingsOf({ SANDBOX_GENERATED_INSURERS: 'many' })).toThrow(/SANDBOX_GENERATED_INSURERS/);
    expect(() => generatedSettingsOf({ SANDBOX_GENERATED_INSURERS: String(MAX_GENERATED_INSURERS + 1) })).toThrow();
    expect(generateInsurers(12, handWritten)).toEqual([]);
  });

  it('fill up to the number asked, deterministic, unique, over three formats, passing the gate', () => {
    const generated = generateInsurers(100, handWritten);
    expect(generated).toHaveLength(88);
    expect(generateInsurers(100, handWritten)).toEqual(generated);
    expect(generated[0]?.code).toBe('gen013');
    const all = [...handWritten, ...generated];
    for (const field of ['code', 'name', 'brand', 'codePrefix'] as const)
      expect(new Set(all.map((insurer) => insurer[field])).size).toBe(100);
    expect(new Set(generated.map((insurer) => insurer.format))).toEqual(new Set(['json', 'xml', 'signed-json']));
    for (const insurer of generated) {
      expect(insurer.facts.registeredCapitalYuan).toBeGreaterThanOrEqual(1e9);
      expect(insurer.facts.complaintRate).toBeLessThanOrEqual(0.0015);
    }
    expect(generatedSigningSecret('gen015')).toBe(generatedSigningSecret('gen015'));
    expect(generatedSigningSecret('gen015')).not.toBe(generatedSigningSecret('gen018'));
  });
});
