import { describe, expect, it } from 'vitest';
import { LEARN_TOPIC_IDS, matchScreenPath, pageFor, roleAreas, screenPath, screens } from './routes.js';

describe('the page for an address', () => {
  it('finds every screen by its path, with or without a trailing slash', () => {
    for (const screen of screens) {
      if (screen.path.includes(':')) continue;
      expect(pageFor(screen.path)).toEqual({ kind: 'screen', screen, params: {} });
      expect(pageFor(`${screen.path}/`)).toEqual({ kind: 'screen', screen, params: {} });
    }
  });

  it('gives every area a home screen open to the same roles as the area', () => {
    for (const area of roleAreas) {
      const home = screens.find((screen) => screen.path === area.path);
      expect(home?.area).toBe(area.id);
      expect(home?.roles).toEqual(area.roles);
    }
  });

  it('keeps the dose calculator to prescribers and designees', () => {
    expect(screens.find((s) => s.id === 'doseCalculator')?.roles).toEqual(['prescriber', 'designee']);
  });

  it('finds the public pages and every education topic', () => {
    expect(pageFor('/')).toEqual({ kind: 'home' });
    expect(pageFor('/sign-in')).toEqual({ kind: 'signIn' });
    expect(pageFor('/learn')).toEqual({ kind: 'learnIndex' });
    for (const topicId of LEARN_TOPIC_IDS) expect(pageFor(`/learn/${topicId}`)).toEqual({ kind: 'learnTopic', topicId });
  });

  it('says not found for an unknown topic or path, keeping the address as typed', () => {
    expect(pageFor('/learn/nothing-here')).toEqual({ kind: 'not_found', path: '/learn/nothing-here' });
    expect(pageFor('/clinic/unknown')).toEqual({ kind: 'not_found', path: '/clinic/unknown' });
  });
});

describe('addresses with parameters', () => {
  it('matches whole segments and decodes each value', () => {
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/courses/abc-123')).toEqual({ courseId: 'abc-123' });
    expect(matchScreenPath('/clinic/courses/:courseId/labs', '/clinic/courses/a%20b/labs')).toEqual({ courseId: 'a b' });
    expect(matchScreenPath('/a/:x/b/:y', '/a/1/b/2')).toEqual({ x: '1', y: '2' });
  });

  it('refuses other lengths, other fixed segments, empty values and malformed escapes', () => {
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/courses')).toBeUndefined();
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/courses/1/more')).toBeUndefined();
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/patients/1')).toBeUndefined();
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/courses/')).toBeUndefined();
    expect(matchScreenPath('/clinic/courses/:courseId', '/clinic/courses/%E0%A4%A')).toBeUndefined();
  });

  it('builds a screen address, and every screen with parameters is found again from it', () => {
    expect(screenPath('doseCalculator')).toBe('/clinic/dose-calculator');
    for (const screen of screens) {
      const names = [...screen.path.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '');
      const params = Object.fromEntries(names.map((name) => [name, `value of ${name}/x`]));
      const page = pageFor(screenPath(screen.id, params));
      expect(page).toEqual({ kind: 'screen', screen, params });
    }
  });
});
