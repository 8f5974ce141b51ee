import { describe, expect, it } from 'vitest';
import { normaliseWord, parseQuery, wordsOf } from '../../../shared/search/words';

describe('how search matches words', () => {
  it('meets British and American spellings, plurals and possessives in one form', () => {
    const same = (a: string, b: string) => expect(normaliseWord(a)).toBe(normaliseWord(b));
    same('organisation', 'organization');
    same('organisations', 'Organizations');
    same('organisation', 'organisations');
    same('behaviour', 'behavior');
    same('centre', 'center');
    same('paediatric', 'pediatric');
    same('haematology', 'hematology');
    same('anaemia', 'anemia');
    same('programme', 'program');
    same('licence', 'license');
    same('analyse', 'analyze');
    same('policies', 'policy');
    same('churches', 'church');
    same('partnership’s', 'partnership');
    same('Café', 'cafe');
    expect(normaliseWord('analysis')).toBe('analysis');
    expect(normaliseWord('process')).toBe('process');
  });

  it('keeps references whole: s.11, 12A, s.100A(4)', () => {
    expect(wordsOf('a section 11 audit (s.11) under Schedule 12A, LGA 1972 s.100A(4)')).toEqual(['a', 'section', '11', 'audit', 's11', 'under', 'schedule', '12a', 'lga', '1972', 's100a', '4']);
  });

  it('reads a query as words, quoted phrases, and a last word that may be partly typed', () => {
    expect(parseQuery('safegu')).toEqual({ words: ['safegu'], phrases: [], lastIsPrefix: true });
    expect(parseQuery('"front door" decisions')).toEqual({ words: ['decision'], phrases: [['front', 'door']], lastIsPrefix: true });
    expect(parseQuery('front "door"')).toEqual({ words: ['front'], phrases: [['door']], lastIsPrefix: false });
  });
});
