import { describe, expect, it } from 'vitest';
import { applyFormat, markdownOnlyFeatures } from '../../renderer/src/components/richText';

describe('choosing the editor for a text', () => {
  it('keeps text with tables, pictures, raw HTML or task lists in the Markdown editor, so nothing is dropped', () => {
    expect(markdownOnlyFeatures('Plain **bold** and a [link](https://www.gov.uk).\n\n- one\n- two')).toEqual([]);
    expect(markdownOnlyFeatures('| A | B |\n|---|---|\n| 1 | 2 |')).toEqual(['table']);
    expect(markdownOnlyFeatures('See ![Chart](images/chart.png).')).toEqual(['image']);
    expect(markdownOnlyFeatures('<div>raw</div>')).toEqual(['html']);
    expect(markdownOnlyFeatures('- [ ] Agree the plan\n- [x] Circulate it')).toEqual(['task list']);
  });

  it('formats the selection in the Markdown editor as Word’s buttons would', () => {
    expect(applyFormat('The plan is agreed', 4, 8, 'bold')).toEqual({ text: 'The **plan** is agreed', start: 6, end: 10 });
    expect(applyFormat('one\ntwo', 0, 7, 'numbers').text).toBe('1. one\n2. two');
    expect(applyFormat('- one\n- two', 0, 11, 'numbers').text).toBe('1. one\n2. two');
  });
});
