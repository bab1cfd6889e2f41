import type { LearnTopic } from '../../learn-types.js';

// Mirrors the symptom check-in catalogue (src/domain/symptoms, clinical-rules.md s3): the same
// symptoms, the same three kinds of advice, so the page and the check-in never disagree.
// "Other medicines" follows clinical-rules.md s4.
export const sideEffects: LearnTopic = {
  id: 'side-effects',
  title: 'Side effects and what to do',
  summary: 'Which side effects are common and how to manage them, and which ones mean you stop and get help.',
  sections: [
    {
      id: 'urgent',
      heading: 'Stop and get urgent medical care now',
      blocks: [
        {
          kind: 'callout',
          tone: 'urgent',
          title: 'Stop taking isotretinoin and get urgent medical care now if you have:',
          items: [
            'A severe headache with feeling sick, being sick, or blurred or double vision.',
            'Severe pain in your stomach or belly, which may spread to your back.',
            'Yellow skin or yellow whites of your eyes, or dark urine.',
            'Severe diarrhoea, or blood from your bottom.',
            'Blisters, peeling skin, or raw sores in your mouth, eyes or genitals.',
            'An itchy raised rash (hives), or swelling of your face, lips, tongue or throat. If you find it hard to breathe, call your local emergency number now.',
          ],
        },
        { kind: 'paragraph', text: 'Tell the people who treat you that you take isotretinoin.' },
      ],
    },
    {
      id: 'stop-and-call',
      heading: 'Stop and contact your prescriber today',
      blocks: [
        {
          kind: 'callout',
          tone: 'urgent',
          title: 'Stop taking isotretinoin and contact your prescriber today if you have:',
          items: [
            'Thoughts of ending your life or of hurting yourself. If you might act on them, call your local emergency number now.',
            'Felt sad, low or hopeless, lost interest in things you usually enjoy, or had crying spells.',
            'Seen or heard things that other people do not.',
            'Felt unusually angry or aggressive, or had urges to hurt other people.',
            'Ringing in your ears, or any loss of hearing.',
            'Trouble seeing in the dark, or any other change in your eyesight.',
            'A late or missed period, or sex that could lead to pregnancy without your agreed contraception.',
          ],
        },
        {
          kind: 'callout',
          tone: 'urgent',
          title: 'Do not take your next dose, and contact your prescriber today, if:',
          text: 'your acne suddenly becomes much worse, with painful lumps that break open, bleed or crust, together with a fever or feeling unwell.',
        },
        { kind: 'links', links: [{ topic: 'mood-and-help', text: 'Mood, and where to get help' }] },
      ],
    },
    {
      id: 'contact',
      heading: 'Keep taking it, and tell your prescriber',
      blocks: [
        {
          kind: 'paragraph',
          text: 'Keep taking isotretinoin unless your prescriber tells you otherwise, and contact them in the next day or two if you have:',
        },
        {
          kind: 'list',
          items: [
            'Mild stomach pain that comes and goes. If it becomes severe, stop and get urgent care.',
            'Mild diarrhoea without blood. If it becomes severe or you see blood, stop and get urgent care.',
            'Changes in your sex life, such as less interest in sex, or difficulty with arousal, erection or orgasm.',
            'A common side effect (below) that is severe or stops you doing everyday things.',
            'Anything else about your health that worries you.',
          ],
        },
      ],
    },
    {
      id: 'common',
      heading: 'Common side effects you can manage',
      blocks: [
        {
          kind: 'terms',
          items: [
            { term: 'Dry, cracked lips', text: 'Nearly everyone gets this. Use lip balm often, from the first day.' },
            { term: 'Dry, flaky or itchy skin', text: 'Use a gentle cleanser and a moisturizer every day.' },
            { term: 'Dry, gritty eyes', text: 'Lubricating eye drops (artificial tears) can help. Ask your pharmacist.' },
            { term: 'Contact lenses feel uncomfortable', text: 'Wear glasses more often while this lasts.' },
            { term: 'Nosebleeds', text: 'They often come from a dry nose. A little petroleum jelly just inside the nostrils can help.' },
            { term: 'Back, joint or muscle aches', text: 'Tell your care team; they can suggest ways to ease them.' },
            { term: 'Headaches', text: 'Mild headaches are common. A severe headache with sickness or changes in your sight is urgent (see above).' },
            { term: 'Burning easily in the sun', text: 'Use sunscreen and cover up.' },
            { term: 'Thinner hair, or losing more hair than usual', text: 'Tell your care team at your next visit.' },
          ],
        },
        { kind: 'links', links: [{ topic: 'skin-care', text: 'Looking after your skin, lips and eyes' }] },
      ],
    },
    {
      id: 'other-medicines',
      heading: 'Other medicines and supplements',
      blocks: [
        {
          kind: 'list',
          items: [
            'Tell every doctor, dentist and pharmacist you see that you take isotretinoin.',
            'Do not take tetracycline antibiotics (such as doxycycline, minocycline, sarecycline or tetracycline) with it: together they can raise the pressure around the brain.',
            'Do not take vitamin A supplements, or other retinoid medicines by mouth.',
            'St John’s wort, a herbal remedy, can make hormonal contraception work less well. Ask before taking it.',
            'Ask your prescriber before taking steroid tablets or phenytoin (a medicine for seizures).',
            'Go easy on alcohol: it adds strain on your liver and raises blood fats.',
            'Tell your prescriber if you are allergic to soya or peanuts: some capsules contain soybean oil.',
          ],
        },
      ],
    },
  ],
  sources: [
    'Isotretinoin medicine labels (US, UK and EU): side effects, warnings and interactions.',
    'The symptom check-in of this app, which gives the same advice for the same symptoms.',
  ],
};
