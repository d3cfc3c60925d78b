import { describe, expect, it } from 'vitest';
import { daysInMonth, makeDay, parts } from '../../src/nlp/dates/calendar.js';

// The calendar is plain arithmetic; the Date object is the reference it must agree with.
const MS_DAY = 86_400_000;

function dateMakeDay(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > dateDaysInMonth(year, month)) return null;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function dateDaysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

function dateParts(day: number) {
  const d = new Date(day);
  const wd = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: wd === 0 ? 7 : wd,
  };
}

describe('calendar arithmetic agrees with the Date object', () => {
  it('names every day from the year -1000 to 3000 alike', () => {
    const from = dateMakeDay(-1000, 1, 1)!;
    const to = dateMakeDay(3000, 12, 31)!;
    const differing: number[] = [];
    for (let t = from; t <= to; t += MS_DAY) {
      const a = parts(t);
      const b = dateParts(t);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day || a.weekday !== b.weekday)
        differing.push(t);
    }
    expect(differing).toEqual([]);
  });

  it('makes the same day, or none, from any year, month and day around the calendar', () => {
    const years = [
      -400, -101, -100, -4, -1, 0, 1, 4, 99, 100, 1600, 1700, 1900, 1999, 2000, 2023, 2024, 2100, 9999,
    ];
    for (const year of years)
      for (let month = -1; month <= 14; month++)
        for (let day = -1; day <= 33; day++) {
          expect(makeDay(year, month, day)).toBe(dateMakeDay(year, month, day));
          if (month >= 1 && month <= 12) expect(daysInMonth(year, month)).toBe(dateDaysInMonth(year, month));
        }
  });

  const odd: Array<[string, number, number, number]> = [
    ['a fractional day', 2023, 5, 1.5],
    ['a fractional month', 2023, 2.5, 1],
    ['a year past the Date range', 300_000, 2, 30],
    ['a year far past the Date range', 1e9, 1, 1],
    ['a year before the Date range', -300_000, 1, 1],
    ['a year near the edge of the arithmetic', 200_001, 2, 29],
    ['not a number', Number.NaN, 1, 1],
  ];
  it.each(odd)('answers as the Date object for %s', (_, year, month, day) => {
    expect(makeDay(year, month, day)).toBe(dateMakeDay(year, month, day));
    expect(daysInMonth(year, month)).toBe(dateDaysInMonth(year, month));
  });

  const oddDays: Array<[string, number]> = [
    ['a time that is not midnight', 1_700_000_000_123],
    ['half a millisecond before the epoch', -0.5],
    ['minus zero', -0],
    ['the last day the Date object knows', 8.64e15],
    ['past the Date range', 8.64e15 + MS_DAY],
    ['not a number', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
  ];
  it.each(oddDays)('gives the parts of %s as the Date object does', (_, day) => {
    expect(parts(day)).toEqual(dateParts(day));
  });
});
