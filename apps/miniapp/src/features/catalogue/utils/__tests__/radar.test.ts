import { base64Utf8, buildRadar, radarPoint, svgDataUri, utf8Bytes } from '../radar';

const five = [
  { key: 'VALUE', label: '性价比', score: 92 },
  { key: 'ELIGIBILITY', label: '投保门槛', score: 78 },
  { key: 'COVERAGE', label: '保障范围', score: 84 },
  { key: 'CLAIMS', label: '服务理赔', score: 60 },
  { key: 'INSURER', label: '公司经营', score: 100 },
];

function polygons(svg: string): string[] {
  return [...svg.matchAll(/<polygon points="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('radarPoint', () => {
  it('puts the first axis straight up and goes clockwise', () => {
    expect(radarPoint(0, 4, 50)).toEqual({ x: 100, y: 50 });
    expect(radarPoint(1, 4, 50)).toEqual({ x: 150, y: 100 });
    expect(radarPoint(2, 4, 50)).toEqual({ x: 100, y: 150 });
    expect(radarPoint(3, 4, 50)).toEqual({ x: 50, y: 100 });
  });
});

describe('buildRadar', () => {
  it('draws the grid rings, one spoke per axis and the score polygon', () => {
    const { svg } = buildRadar(five);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    // 4 grid rings + the value polygon
    expect(polygons(svg)).toHaveLength(5);
    expect(svg.match(/<line /g)).toHaveLength(5);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    for (const points of polygons(svg)) expect(points.split(' ')).toHaveLength(5);
  });

  it('places each score on its axis in proportion to the outer ring', () => {
    const { svg } = buildRadar(five);
    const outer = polygons(svg)[3]!.split(' ');
    const values = polygons(svg)[4]!.split(' ');
    // Axis 4 scores 100: the point lies on the outer ring.
    expect(values[4]).toBe(outer[4]);
    // Axis 0 points up from the centre (100, 100): y shrinks by 92% of the radius.
    const [, outerY] = outer[0]!.split(',').map(Number);
    const [x, y] = values[0]!.split(',').map(Number);
    expect(x).toBe(100);
    expect(100 - y!).toBeCloseTo((100 - outerY!) * 0.92, 1);
  });

  it('clamps scores outside 0–100 and treats non-numbers as 0', () => {
    const { svg } = buildRadar([
      { key: 'a', label: 'A', score: 150 },
      { key: 'b', label: 'B', score: -20 },
      { key: 'c', label: 'C', score: Number.NaN },
    ]);
    const outer = polygons(svg)[3]!.split(' ');
    const values = polygons(svg)[4]!.split(' ');
    expect(values[0]).toBe(outer[0]);
    expect(values[1]).toBe('100,100');
    expect(values[2]).toBe('100,100');
  });

  it('returns label positions around the chart, in percent, the first at the top centre', () => {
    const { labels } = buildRadar(five);
    expect(labels.map((l) => l.key)).toEqual(['VALUE', 'ELIGIBILITY', 'COVERAGE', 'CLAIMS', 'INSURER']);
    expect(labels[0]).toMatchObject({ label: '性价比', score: 92, xPercent: 50 });
    expect(labels[0]!.yPercent).toBeLessThan(10);
    for (const label of labels) {
      expect(label.xPercent).toBeGreaterThanOrEqual(0);
      expect(label.xPercent).toBeLessThanOrEqual(100);
      expect(label.yPercent).toBeGreaterThanOrEqual(0);
      expect(label.yPercent).toBeLessThanOrEqual(100);
    }
    // Axis 1 is on the right, axis 4 on the left.
    expect(labels[1]!.xPercent).toBeGreaterThan(50);
    expect(labels[4]!.xPercent).toBeLessThan(50);
  });

  it('keeps text out of the SVG and escapes colours given as options', () => {
    const { svg } = buildRadar(five, { strokeColor: '#f00" onload="x' });
    expect(svg).not.toContain('性价比');
    expect(svg).not.toContain('" onload="');
    expect(svg).toContain('#f00&quot; onload=&quot;x');
  });

  it('draws nothing for fewer than three axes', () => {
    expect(buildRadar(five.slice(0, 2))).toEqual({
      svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200"></svg>',
      labels: [],
    });
  });
});

describe('svgDataUri', () => {
  it('encodes UTF-8 as base64 like Node does', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg>性价比</svg>', '😀 emoji', 'é']) {
      expect(base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      expect(utf8Bytes(text)).toEqual([...Buffer.from(text, 'utf8')]);
    }
  });

  it('makes a data URI that decodes back to the SVG', () => {
    const { svg } = buildRadar(five);
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8')).toBe(svg);
  });
});
