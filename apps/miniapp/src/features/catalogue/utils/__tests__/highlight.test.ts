import { splitHighlights } from '../highlight';

describe('splitHighlights', () => {
  it('cuts a name into plain and marked parts', () => {
    expect(
      splitHighlights('康宁宝贝安心 少儿意外险', [
        { start: 2, length: 2 },
        { start: 7, length: 4 },
      ]),
    ).toEqual([
      { text: '康宁', marked: false },
      { text: '宝贝', marked: true },
      { text: '安心 ', marked: false },
      { text: '少儿意外', marked: true },
      { text: '险', marked: false },
    ]);
  });

  it('shows the whole name plain without ranges, and clips bad ranges', () => {
    expect(splitHighlights('重疾险', [])).toEqual([{ text: '重疾险', marked: false }]);
    expect(splitHighlights('重疾险', null)).toEqual([{ text: '重疾险', marked: false }]);
    expect(
      splitHighlights('重疾险', [
        { start: 1, length: 10 },
        { start: 0, length: 2 },
      ]),
    ).toEqual([
      { text: '重疾', marked: true },
      { text: '险', marked: true },
    ]);
  });
});
