import fc from 'fast-check';
import { parseClasses } from './scope';

describe('classes as schools write them', () => {
  it.each([
    ['1-6', ['1', '2', '3', '4', '5', '6']],
    ['3,4', ['3', '4']],
    ['4А', ['4А']],
    ['4 «а»', ['4А']],
    ['1-4, 7б', ['1', '2', '3', '4', '7Б']],
    ['4,5', ['4', '5']],
    ['1-11', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']],
    ['4-11', ['4', '5', '6', '7', '8', '9', '10', '11']],
  ])('«%s» → %j', (text, classes) => {
    expect(parseClasses(text)).toEqual(classes);
  });

  it.each(['', 'все', '12', '6-1', '0'])('«%s» is not a list of classes', (text) => {
    expect(parseClasses(text)).toBeNull();
  });

  it('a range a-b of grades 1–11 lists exactly b-a+1 classes, in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 11 }), (x, y) => {
        const [a, b] = [Math.min(x, y), Math.max(x, y)];
        const got = parseClasses(`${a}-${b}`);
        expect(got).toEqual(Array.from({ length: b - a + 1 }, (_, i) => String(a + i)));
      }),
    );
  });
});
