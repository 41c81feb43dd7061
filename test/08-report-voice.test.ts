// Distancing marks: scare quotes and distancing labels, not quoted sentences.
import { describe, expect, it } from 'vitest';
import { distancingMarks } from '../src/08-report/voice.js';

describe('distancing marks', () => {
  it.each([
    ['the attack was carried out by “radical Islamists” but', ['“radical Islamists”']],
    ['where "a window" had been prepared', ['"a window"']],
    ['the so-called referendum in the self-proclaimed republic', ['so-called', 'self-proclaimed']],
    ['according to state media', ['state media']],
    ['“I do not know anything about this,” he told reporters.', []],
    ['He said: "We have no reason to doubt the claim of the group today."', []],
  ])('%j', (text, marks) => expect(distancingMarks(text)).toEqual(marks));
});
