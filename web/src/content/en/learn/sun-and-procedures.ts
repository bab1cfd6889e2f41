import type { LearnTopic } from '../../learn-types.js';

// clinical-rules.md s7: ASDS 2017 consensus [C] (what need not wait; what still waits 6 months),
// the label's waxing warning kept, sun and tanning devices [S], SPF 30+ [U].
export const sunAndProcedures: LearnTopic = {
  id: 'sun-and-procedures',
  title: 'Sun, waxing and skin procedures',
  summary: 'How to protect your skin from the sun, and which beauty or skin treatments can or cannot wait.',
  sections: [
    {
      id: 'sun',
      heading: 'The sun',
      blocks: [
        { kind: 'paragraph', text: 'Isotretinoin can make your skin burn more easily.' },
        {
          kind: 'list',
          items: [
            'Avoid long hours in strong sun, and do not use sunbeds or tanning lamps.',
            'Use a broad-spectrum sunscreen of SPF 30 or higher every day. Put it on again after swimming or sweating.',
            'When the sun is strong, wear a hat, sunglasses and clothes that cover your skin.',
          ],
        },
      ],
    },
    {
      id: 'waxing',
      heading: 'Waxing',
      blocks: [
        {
          kind: 'callout',
          tone: 'important',
          title: 'Do not wax',
          text:
            'Do not use wax to remove hair while you take isotretinoin, or for at least 6 months after your last dose. ' +
            'The medicine’s label warns that waxing can tear the skin or leave scars.',
        },
      ],
    },
    {
      id: 'procedures',
      heading: 'Treatments at a clinic or salon',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Skin surgery experts (the American Society for Dermatologic Surgery, 2017) looked at the evidence. They found no need to wait until after your course for:',
        },
        {
          kind: 'list',
          items: [
            'light (superficial) chemical peels;',
            'lasers that do not remove skin (non-ablative lasers), including laser hair removal;',
            'dermabrasion of a small area (focal dermabrasion).',
          ],
        },
        {
          kind: 'callout',
          tone: 'important',
          title: 'Wait 6 months after your last dose for:',
          items: [
            'full dermabrasion (sanding off the top layers of skin);',
            'full ablative laser resurfacing (a laser that removes the top layers of skin).',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Before any treatment, ask your prescriber, and tell the person doing it that you take isotretinoin or took it in the last 6 months.',
        },
      ],
    },
  ],
  sources: [
    'American Society for Dermatologic Surgery consensus on procedures during and after isotretinoin (2017).',
    'Isotretinoin medicine labels: the waxing warning and sun sensitivity.',
  ],
};
