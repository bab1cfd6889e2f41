import { describe, expect, it } from 'vitest';
import { LEARN_TOPIC_IDS, pageFor, roleAreas, screens } from './routes.js';

describe('the page for an address', () => {
  it('finds every screen by its path, with or without a trailing slash', () => {
    for (const screen of screens) {
      expect(pageFor(screen.path)).toEqual({ kind: 'screen', screen });
      expect(pageFor(`${screen.path}/`)).toEqual({ kind: 'screen', screen });
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
