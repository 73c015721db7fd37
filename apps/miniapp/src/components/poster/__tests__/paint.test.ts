import { layoutPoster } from '../layout';
import { contextMeasure, cssFont, paintPoster, type PosterContext } from '../paint';

function recordingContext(): PosterContext & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic',
    fillRect: (...args) => void calls.push(['fillRect', ...args]),
    strokeRect: (...args) => void calls.push(['strokeRect', ...args]),
    fillText(text, x, y) {
      calls.push(['fillText', text, x, y, this.font, this.fillStyle]);
    },
    measureText(text) {
      const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10);
      return { width: [...text].length * size };
    },
    drawImage: (...args) => void calls.push(['drawImage', ...args]),
    scale: (...args) => void calls.push(['scale', ...args]),
  };
}

describe('paintPoster', () => {
  it('draws every operation in order, text from the top with its font and colour', () => {
    const context = recordingContext();
    const input = {
      kind: 'PRODUCT' as const,
      title: '好医保长期医疗',
      lines: ['6 年保证续保'],
      footer: '来自家保',
      codeImageUrl: 'code.png',
      width: 300,
    };
    const layout = layoutPoster(input, contextMeasure(context));
    const image = { loaded: true };
    paintPoster(context, layout, image);
    expect(context.textBaseline).toBe('top');
    const texts = layout.ops.filter((op) => op.type === 'text');
    expect(context.calls.filter(([name]) => name === 'fillText')).toHaveLength(texts.length);
    expect(context.calls.filter(([name]) => name === 'fillRect')).toHaveLength(
      layout.ops.filter((op) => op.type === 'rect').length,
    );
    const { x, y, width, height } = layout.codeBox;
    expect(context.calls).toContainEqual(['drawImage', image, x, y, width, height]);
    const title = context.calls.find(([name, text]) => name === 'fillText' && text === '好医保长期医疗');
    expect(title?.[4]).toBe(cssFont({ size: 17, weight: 'bold' }));
    expect(title?.[5]).toBe('#1f2329');
  });
});
