import type { LearnTopic } from '../../learn-types.js';

// program-rules.md s2 (who can get pregnant, contraception methods), s3 (US: US3-US9, US11, US12,
// US14), s4 (EU/UK: EU1-EU6, UK1, UK2) and the DECISIONS of s5 (a window counts its first day as
// day 1). The 2026 US changes are described without dates that may still move (open question E).
// program-rules.md s2: the EU and UK contraception criteria are the same [S]
const EU_UK_CONTRACEPTION = [
  'Use at least one highly effective method that does not depend on you remembering it, such as an IUD or an implant.',
  'Or use two methods that work together, one of them a barrier such as a condom.',
] as const;

export const pregnancyAndContraception: LearnTopic = {
  id: 'pregnancy-and-contraception',
  title: 'Pregnancy, contraception and the monthly rules',
  summary: 'Why the pregnancy rules exist, the basics of contraception, and what happens each month in your country.',
  sections: [
    {
      id: 'why',
      heading: 'Why the rules exist',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'Isotretinoin can cause severe birth defects: serious problems with how a baby’s face, brain and heart form. It also ' +
            'makes miscarriage more likely. Harm can happen even after a short time on the medicine.',
        },
        {
          kind: 'paragraph',
          text:
            'So anyone who can get pregnant, whatever their gender, must not be pregnant when they start, and must not get ' +
            'pregnant during the course or for 1 month after the last dose. The tests and questions each month are there to make sure of that.',
        },
        {
          kind: 'paragraph',
          text: 'People who cannot get pregnant have rules too: never share the medicine, and do not donate blood.',
        },
        { kind: 'links', links: [{ topic: 'safety-rules', text: 'Safety rules for everyone' }] },
      ],
    },
    {
      id: 'who',
      heading: 'Who counts as able to get pregnant',
      blocks: [
        {
          kind: 'byCountry',
          entries: [
            {
              country: 'US',
              name: 'United States (iPLEDGE)',
              items: [
                'You count as able to get pregnant unless you have had surgery to remove your womb (uterus) and ovaries, or you have had no periods for at least 12 months in a row because of menopause.',
                'Having your tubes tied (tubal ligation) still counts as able to get pregnant: it is one of your two contraception methods.',
              ],
            },
            {
              country: 'EU',
              name: 'European Union',
              items: [
                'You count as able to get pregnant unless your womb or both ovaries have been removed, or you have had no periods for at least 24 months in a row because of natural menopause.',
              ],
            },
            {
              country: 'UK',
              name: 'United Kingdom',
              items: ['Having your tubes tied, or menopause confirmed by a health professional, means you are not counted as able to get pregnant.'],
            },
          ],
        },
        { kind: 'paragraph', text: 'Your prescriber decides this with you and records it.' },
      ],
    },
    {
      id: 'contraception',
      heading: 'Contraception basics',
      blocks: [
        {
          kind: 'paragraph',
          text:
            'If you can get pregnant, you need effective contraception from at least 1 month before your first dose, all through ' +
            'the course, and for 1 month after your last dose. This applies even if your periods have stopped or you are not ' +
            'having sex, unless your prescriber has agreed otherwise with you.',
        },
        {
          kind: 'byCountry',
          entries: [
            {
              country: 'US',
              name: 'United States (iPLEDGE)',
              items: [
                'Use two methods together, at least one of them a primary method. Or commit to not having sex at all (continuous abstinence); your prescriber records that choice.',
                'Primary methods: an IUD (copper or hormonal), an implant, an injection, the combined pill (with oestrogen), the patch, the vaginal ring, having your tubes tied, or a partner’s vasectomy.',
                'The progestin-only “mini-pill” is not enough as a primary method.',
                'Secondary methods: an external latex condom (the kind worn on the penis), a diaphragm with spermicide, a cervical cap with spermicide, or a vaginal sponge with spermicide.',
              ],
            },
            { country: 'EU', name: 'European Union', items: EU_UK_CONTRACEPTION },
            { country: 'UK', name: 'United Kingdom', items: EU_UK_CONTRACEPTION },
          ],
        },
        {
          kind: 'callout',
          tone: 'urgent',
          title: 'If something goes wrong',
          items: [
            'Sex without your agreed contraception, or contraception that failed (a missed pill, a split condom): stop taking isotretinoin, contact your prescriber today, and ask about emergency contraception straight away. It works best the sooner it is taken.',
            'A late or missed period, or you think you might be pregnant: stop taking isotretinoin and contact your prescriber today.',
          ],
        },
        {
          kind: 'paragraph',
          text: 'St John’s wort, a herbal remedy, can make hormonal contraception work less well. Ask before taking it.',
        },
      ],
    },
    {
      id: 'each-month',
      heading: 'What happens each month',
      blocks: [
        {
          kind: 'byCountry',
          entries: [
            {
              country: 'US',
              name: 'United States (iPLEDGE)',
              items: [
                'Before your first prescription, if you can get pregnant: two negative pregnancy tests. The second (confirmation) test is at least 19 days after the first, once you have used your two methods for 1 month.',
                'Every month, if you can get pregnant: a negative pregnancy test before each prescription. Your prescriber records the result and your two methods, and you answer the programme’s questions.',
                'You then have 7 days to collect your capsules. The day of the test counts as day 1, and the window closes at 11:59 pm New York time on day 7.',
                'Each prescription is for at most 30 days, with no refills.',
                'If you miss the window, a new test starts a new window. Your care team will tell you exactly what to do.',
                'At the end: a pregnancy test when you finish, and another 30 days after your last dose.',
                'If you cannot get pregnant, you do not need pregnancy tests. The collection rules changed with the 2026 update of iPLEDGE; your care team will tell you which apply to you.',
              ],
            },
            {
              country: 'EU',
              name: 'European Union',
              items: [
                'Before your first prescription: a negative pregnancy test under medical supervision, at least 1 month after you started contraception.',
                'Then a test, ideally every month, on the day of your prescription or in the 3 days before it.',
                'Each prescription covers at most 30 days of treatment. Collect it within 7 days; the prescription date counts as day 1.',
                'A last test 1 month after you stop (in France, 5 weeks after).',
                'You and your prescriber sign an acknowledgement form, you get a reminder card, and the pharmacist checks a list each time you collect.',
                'In France and Italy, the first prescription comes from a dermatologist.',
              ],
            },
            {
              country: 'UK',
              name: 'United Kingdom',
              items: [
                'The same pattern as in the EU: a supervised negative test before you start, then tests usually every month, prescriptions of at most 30 days (28 in some places), collection within 7 days of the prescription date, and a last test 1 month after you stop.',
                'You and your prescriber sign an Acknowledgement of Risk Form.',
                'Your mood and your sexual health are asked about before you start and during treatment.',
                'Your first appointment is in person. Later check-ups and supervised pregnancy tests may be remote.',
              ],
            },
          ],
        },
      ],
    },
  ],
  sources: [
    'iPLEDGE REMS (US Food and Drug Administration), including the 2026 modification.',
    'European Medicines Agency pregnancy prevention programme for retinoids (2018) and the 2024 update.',
    'MHRA (UK) Drug Safety Updates of 2023, 2025 and 2026.',
  ],
};
