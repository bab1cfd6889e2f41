import type { LearnTopic } from '../../learn-types.js';

// Sources: clinical-rules.md s1 (dosing, course length, food, missed dose, flare, target) and s7
// (relapse and retreatment figures); s2 and s5 for the check-ups.
export const aboutIsotretinoin: LearnTopic = {
  id: 'about-isotretinoin',
  title: 'What isotretinoin does and how long a course lasts',
  summary: 'How the medicine works on acne, how long treatment usually takes, and how to take your capsules.',
  sections: [
    {
      id: 'what-it-is',
      heading: 'What isotretinoin is',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Isotretinoin is a medicine for severe acne, or for acne that has not cleared with other treatments. ' +
            'It is related to vitamin A and comes as capsules that you swallow.',
        },
      ],
    },
    {
      id: 'what-it-does',
      heading: 'What it does',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'It makes the oil glands in your skin smaller and less active, so your skin makes much less oil. Less oil ' +
            'means fewer blocked pores and less of the swelling and redness that cause spots, lumps and scars.',
        },
        {
          kind: 'paragraph',
          text:
            'For most people the acne stays clear or much better after the course. In a large study of almost 20,000 ' +
            'people, acne came back for about 1 in 5 (22.5 %), and about 1 in 12 (8.2 %) had a second course.',
        },
      ],
    },
    {
      id: 'how-long',
      heading: 'How long a course lasts',
      blocks: [
        {
          kind: 'paragraph',
          text: 'A course usually lasts about 4 to 6 months: 15 to 20 weeks in the US, 16 to 24 weeks in the UK and Europe.',
        },
        {
          kind: 'list',
          items: [
            'Your prescriber works out your daily dose from your weight.',
            'The aim is a total amount of medicine over the whole course, often 120 to 150 mg for each kilogram you weigh. ' +
              'A lower daily dose means a longer course.',
            'The course ends when you reach that total, not on a fixed date. Missed days move the end later.',
          ],
        },
      ],
    },
    {
      id: 'taking-it',
      heading: 'Taking your capsules',
      blocks: [
        {
          kind: 'list',
          items: [
            'Take them exactly as your prescriber says, usually once or twice a day.',
            'Most isotretinoin capsules are taken with food. Some brands can be taken with or without food: check the leaflet that comes with yours.',
            'Swallow the capsules whole with a full glass of water.',
          ],
        },
        {
          kind: 'callout',
          tone: 'important',
          title: 'If you miss a dose',
          text: 'Skip it and take the next one at the usual time. Never take two doses to make up for a missed one.',
        },
      ],
    },
    {
      id: 'what-to-expect',
      heading: 'What to expect',
      blocks: [
        {
          kind: 'list',
          items: [
            'Your acne may get worse in the first weeks before it gets better. This is common. Tell your prescriber if it is severe.',
            'Dry lips and dry skin usually start in the first weeks. A simple skin-care routine helps a lot.',
            'You will have regular check-ups: blood tests for your liver and blood fats before you start and during the course, ' +
              'questions about your mood and side effects, and pregnancy tests if you can get pregnant.',
          ],
        },
        {
          kind: 'links',
          links: [
            { topic: 'side-effects', text: 'Side effects and what to do' },
            { topic: 'skin-care', text: 'Looking after your skin, lips and eyes' },
          ],
        },
      ],
    },
  ],
  sources: [
    'Isotretinoin medicine labels (US, UK and EU): dose, course length, food, missed doses.',
    'A cohort study of 19,907 patients on acne coming back and second courses.',
  ],
};
