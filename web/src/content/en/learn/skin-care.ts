import type { LearnTopic } from '../../learn-types.js';

// clinical-rules.md s3 (the common side effects) and s7 (SPF 30+ as general advice [U]); the issue
// text asks for the routine: gentle cleanser, moisturizer, lip balm, broad-spectrum sunscreen.
export const skinCare: LearnTopic = {
  id: 'skin-care',
  title: 'Looking after your skin, lips and eyes',
  summary: 'A simple daily routine for the dryness isotretinoin causes, and what to skip for now.',
  sections: [
    {
      id: 'routine',
      heading: 'A simple daily routine',
      blocks: [
        {
          kind: 'steps',
          items: [
            'Wash your face with a gentle, fragrance-free cleanser and lukewarm water. Pat it dry; do not rub or scrub.',
            'Put on a moisturizer while your skin is still a little damp, in the morning and at night, and more often if your skin feels tight.',
            'Use lip balm many times a day, and before you go to sleep.',
            'Every morning, put a broad-spectrum sunscreen of SPF 30 or higher on your face and on any skin the sun will reach, even when it is cloudy.',
          ],
        },
        {
          kind: 'callout',
          tone: 'tip',
          title: 'Start on day one',
          text: 'Dryness is easier to prevent than to fix. Keep lip balm in your pocket or bag.',
        },
      ],
    },
    {
      id: 'skip',
      heading: 'Things to skip for now',
      blocks: [
        {
          kind: 'list',
          items: [
            'Face scrubs, peeling acids and other acne creams or gels, unless your prescriber says they are fine: your skin is easily irritated now.',
            'Waxing, while you take isotretinoin and for 6 months after.',
            'Picking or squeezing spots, which can leave marks.',
          ],
        },
        { kind: 'links', links: [{ topic: 'sun-and-procedures', text: 'Sun, waxing and skin procedures' }] },
      ],
    },
    {
      id: 'eyes-nose-body',
      heading: 'Eyes, nose and body',
      blocks: [
        {
          kind: 'list',
          items: [
            'Dry eyes: lubricating eye drops (artificial tears) help. Wear glasses if contact lenses become uncomfortable.',
            'Dry nose or nosebleeds: a little petroleum jelly just inside the nostrils helps.',
            'Dry or itchy body skin: take short, lukewarm showers and use a body moisturizer afterwards.',
          ],
        },
      ],
    },
  ],
  sources: [
    'Isotretinoin medicine labels: the common side effects (dry lips, skin and eyes, nosebleeds).',
    'Sunscreen of SPF 30 or higher is general advice for people taking isotretinoin.',
  ],
};
