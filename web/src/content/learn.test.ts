import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { LEARN_TOPIC_IDS } from '../routing/routes.js';
import type { LearnBlock } from './learn-types.js';
import { learnTopics } from './learn.js';

/** Every piece of text of a block, to check wording across all pages. */
function blockTexts(block: LearnBlock): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text];
    case 'list':
    case 'steps':
      return [...block.items];
    case 'terms':
      return block.items.flatMap((item) => [item.term, item.text]);
    case 'callout':
      return [block.title, block.text ?? '', ...(block.items ?? [])];
    case 'byCountry':
      return block.entries.flatMap((entry) => [entry.name, ...entry.items]);
    case 'crisisHelp':
      return [];
    case 'links':
      return block.links.map((link) => link.text);
    default: {
      const unreachable: never = block;
      return unreachable;
    }
  }
}

const allPageTexts = LEARN_TOPIC_IDS.flatMap((id) => {
  const topic = learnTopics[id];
  return [topic.title, topic.summary, ...topic.sources, ...topic.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockTexts)])];
});

// gender-inclusive wording: people, you, they; a body part is named where it matters, a gender never
const GENDERED = /\b(he|she|his|her|hers|him|himself|herself|woman|women|man|men|girl|girls|boy|boys|female|male|mother|father)\b/i;

describe('the education pages', () => {
  it('are filed under their own id', () => {
    for (const id of LEARN_TOPIC_IDS) expect(learnTopics[id].id).toBe(id);
  });

  it('give every section of a page its own anchor', () => {
    for (const id of LEARN_TOPIC_IDS) {
      const anchors = learnTopics[id].sections.map((section) => section.id);
      expect(new Set(anchors).size, id).toBe(anchors.length);
    }
  });

  it('name their sources', () => {
    for (const id of LEARN_TOPIC_IDS) expect(learnTopics[id].sources.length, id).toBeGreaterThan(0);
  });

  it('use gender-inclusive wording, as does the message catalogue', () => {
    for (const text of [...allPageTexts, ...Object.values(en)]) expect(text).not.toMatch(GENDERED);
  });

  it('keep the facts the references fix: 1 month without blood donation, 6 months for waxing, SPF 30, 7-day windows', () => {
    const text = allPageTexts.join('\n');
    expect(text).toContain('No blood donation during your course and for 1 month after your last dose');
    expect(text).toContain('for at least 6 months after your last dose');
    expect(text).toContain('SPF 30 or higher');
    expect(text).toContain('the window closes at 11:59 pm New York time on day 7');
    expect(text).toContain('Collect it within 7 days; the prescription date counts as day 1.');
  });
});

describe('the mood check-in words', () => {
  it('never call a PHQ-9 range "depression"', () => {
    const moodTexts = Object.entries(en).filter(([key]) => key.startsWith('phq9.')).map(([, text]) => text);
    expect(moodTexts.length).toBeGreaterThan(10);
    for (const text of moodTexts) expect(text).not.toMatch(/depression/i);
  });
});
