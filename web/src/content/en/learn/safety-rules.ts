import type { LearnTopic } from '../../learn-types.js';

// program-rules.md s3 US12 (no blood donation during and 1 month after; never share), clinical-rules.md
// s3 (night vision: take care driving at night) and s4 (tell every prescriber).
export const safetyRules: LearnTopic = {
  id: 'safety-rules',
  title: 'Safety rules for everyone',
  summary: 'Rules for everyone who takes isotretinoin, whether or not they can get pregnant.',
  sections: [
    {
      id: 'never-share',
      heading: 'Never share your medicine',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Isotretinoin is prescribed for you only. Never give or sell it to anyone else, even someone with acne: it could ' +
            'seriously harm an unborn baby, and it needs check-ups that only a prescriber can arrange.',
        },
        {
          kind: 'list',
          items: ['Take any capsules you do not use back to your pharmacy.', 'Keep them where children cannot reach them.'],
        },
      ],
    },
    {
      id: 'blood',
      heading: 'Do not donate blood',
      blocks: [
        {
          kind: 'callout',
          tone: 'important',
          title: 'No blood donation during your course and for 1 month after your last dose',
          text: 'Your blood could be given to someone who is pregnant, and the medicine in it could harm their baby.',
        },
      ],
    },
    {
      id: 'care-team',
      heading: 'Keep your care team in the loop',
      blocks: [
        {
          kind: 'list',
          items: [
            'Go to every check-up and blood test.',
            'Tell them about any new medicine, supplement or herbal remedy.',
            'Tell them before any surgery or skin treatment.',
            'Take care driving at night: some people see less well in the dark while taking isotretinoin. Tell your prescriber if it happens to you.',
          ],
        },
      ],
    },
  ],
  sources: ['iPLEDGE REMS (US): no blood donation, never share the medicine.', 'Isotretinoin medicine labels.'],
};
