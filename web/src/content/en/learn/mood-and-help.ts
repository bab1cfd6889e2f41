import type { LearnTopic } from '../../learn-types.js';

// clinical-rules.md s3 (mental-health symptoms: stop, contact the prescriber, referral) and s5
// (PHQ-9 at the start and at every monthly visit). The crisis pointers come from the catalogue.
export const moodAndHelp: LearnTopic = {
  id: 'mood-and-help',
  title: 'Mood, and where to get help',
  summary: 'Mood changes to watch for while taking isotretinoin, what to do, and who to call if you need help now.',
  sections: [
    {
      id: 'get-help',
      heading: 'If you need help now',
      blocks: [{ kind: 'crisisHelp' }],
    },
    {
      id: 'why',
      heading: 'Why your care team asks about mood',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Some people taking isotretinoin have had changes in their mood: feeling low, anxious or irritable, and, rarely, ' +
            'thoughts of suicide. No one can tell in advance who will be affected, so your care team asks everyone about ' +
            'their mood before the course and at every monthly visit.',
        },
        { kind: 'paragraph', text: 'Acne itself can also affect how you feel. Talking about it helps.' },
      ],
    },
    {
      id: 'signs',
      heading: 'Signs to watch for',
      blocks: [
        {
          kind: 'list',
          items: [
            'Feeling sad, low or hopeless, or crying more than usual.',
            'Losing interest in things you usually enjoy.',
            'Feeling unusually angry, aggressive or irritable.',
            'Seeing or hearing things that other people do not, or having strong beliefs that others find strange.',
            'Thoughts of ending your life or of hurting yourself.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'Family and friends sometimes notice changes first. It can help to tell someone you trust that you are taking isotretinoin.',
        },
        {
          kind: 'callout',
          tone: 'urgent',
          title: 'If you notice any of these',
          text: 'Stop taking isotretinoin and contact your prescriber today. They may refer you to a mental-health professional.',
        },
      ],
    },
    {
      id: 'check-in',
      heading: 'The mood check-in',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'The mood check-in is the PHQ-9, a short set of 9 questions that doctors use around the world. It is a check-in, ' +
            'not a diagnosis. Patients can fill it in here after signing in.',
        },
        { kind: 'links', links: [{ path: '/patient/mood-check', text: 'Mood check-in (PHQ-9), for patients after signing in' }] },
      ],
    },
  ],
  sources: [
    'Isotretinoin medicine labels: psychiatric side effects and what to do.',
    'The PHQ-9 questionnaire, free to use.',
    '988 Suicide & Crisis Lifeline (US) and Samaritans (UK).',
  ],
};
