// The annotation list's filter and excerpts, and the mirror's code point arithmetic:
// plain functions, run under Node without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilter, matches, excerpt, fold } from '../../web/annotation-list.mjs';
import { cpLength, unitIndex } from '../../web/mirror.mjs';

const annotation = (over) => ({ quote: { exact: 'President Vučić of Serbia' }, note: '', tags: [], color: 'yellow', ...over });

test('filter terms: words, "phrases", #tags, colour names and color:/colour: prefixes, ANDed', () => {
  assert.deepEqual(parseFilter('#Tag "two words" color:pink colour:Blue yellow Vučić'), [
    { kind: 'tag', value: 'tag' }, { kind: 'text', value: 'two words' }, { kind: 'color', value: 'pink' },
    { kind: 'color', value: 'blue' }, { kind: 'color', value: 'yellow' }, { kind: 'text', value: 'vucic' }]);
  assert.deepEqual(parseFilter('   '), []);
  const a = annotation({ note: 'Србија и Косово', tags: ['Balkans', 'nato'], color: 'pink' });
  assert.ok(matches(a, parseFilter('vucic')), 'diacritics do not matter');
  assert.ok(matches(a, parseFilter('СРБИЈА')), 'the note is searched, case-insensitively');
  assert.ok(matches(a, parseFilter('#balk pink serbia')));
  assert.ok(!matches(a, parseFilter('#balk yellow')), 'every term must match');
  assert.ok(!matches(a, parseFilter('#kosovo')), 'tags are not words of the note');
  assert.ok(!matches(annotation(), parseFilter('"yellow"')), 'a quoted colour name is text');
  assert.ok(matches(annotation(), parseFilter('')), 'an empty filter keeps everything');
  assert.equal(fold('Ćirilica Ž'), 'cirilica z');
});

test('excerpts cut whole graphemes and mark the cut', () => {
  assert.equal(excerpt('short', 10), 'short');
  assert.equal(excerpt('a  \n b', 10), 'a b');
  assert.equal(excerpt('a 🇷🇸 b c d', 4), 'a 🇷🇸\u2026');
  assert.equal(excerpt('one two three', 5), 'one\u2026');
});

test('code points and UTF-16 units: a flag is 2 code points and 4 units', () => {
  const s = 'Serbia 🇷🇸 Vučić';
  assert.equal(cpLength(s), [...s].length);
  assert.equal(cpLength('🇷🇸'), 2);
  assert.equal(unitIndex(s, 7), 7);
  assert.equal(unitIndex(s, 9), 11);
  assert.equal(unitIndex(s, 100), s.length);
  assert.equal(cpLength('\ud83c'), 1, 'a lone surrogate counts as one');
});
