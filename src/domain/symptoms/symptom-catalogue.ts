import {
  common,
  commonOptions,
  definition,
  noOption,
  option,
  serious,
  STOP_CALL_TODAY,
  STOP_URGENT,
  SYMPTOM_RULE_IDS as R,
} from './symptom-builders.js';
import type { SymptomDefinition } from './symptom-types.js';

const MENTAL_HEALTH_TODO = `${STOP_CALL_TODAY} They may refer you to a mental-health professional.`;

/**
 * The check-in checklist (clinical-rules.md section 3). Order is the order of the form and the
 * tie-break of the triage; ids are stable because stored check-ins refer to them.
 */
export const SYMPTOM_CATALOGUE: readonly SymptomDefinition[] = [
  // mental health first: the most serious questions are never at the end of a long form
  serious(
    { id: 'suicidal-thoughts', category: 'mentalHealth', question: 'Have you had thoughts of ending your life or of hurting yourself?' },
    {
      ruleId: R.mentalHealth, action: 'stopAndUrgent', source: '[C]', pathway: 'mentalHealth',
      reason: 'Thoughts of suicide or self-harm can be a serious side effect of isotretinoin.',
      whatToDo: `${MENTAL_HEALTH_TODO} If you feel you might act on these thoughts, call your local emergency number now or go to the nearest emergency department.`,
    },
  ),
  serious(
    {
      id: 'low-mood', category: 'mentalHealth',
      question: 'Have you felt sad, low or hopeless, lost interest in things you usually enjoy, or had crying spells?',
    },
    {
      ruleId: R.mentalHealth, action: 'stopAndUrgent', source: '[C]', pathway: 'mentalHealth',
      reason: 'Low mood can be a serious side effect of isotretinoin.', whatToDo: MENTAL_HEALTH_TODO,
    },
  ),
  serious(
    {
      id: 'unusual-experiences', category: 'mentalHealth',
      question: 'Have you seen or heard things that other people do not, or had strong beliefs that others found strange?',
    },
    {
      ruleId: R.mentalHealth, action: 'stopAndUrgent', source: '[C]', pathway: 'mentalHealth',
      reason: 'Seeing or hearing things others do not can be a sign of psychosis, a rare, serious side effect.',
      whatToDo: MENTAL_HEALTH_TODO,
    },
  ),
  serious(
    { id: 'aggression', category: 'mentalHealth', question: 'Have you felt unusually angry or aggressive, or had urges to hurt other people?' },
    {
      ruleId: R.mentalHealth, action: 'stopAndUrgent', source: '[C]', pathway: 'mentalHealth',
      reason: 'Aggressive or violent feelings can be a serious side effect of isotretinoin.', whatToDo: MENTAL_HEALTH_TODO,
    },
  ),
  serious(
    { id: 'missed-period', category: 'pregnancy', audience: 'canGetPregnant', question: 'Is your period late, or have you missed a period?' },
    {
      ruleId: R.pregnancy, action: 'stopAndUrgent', source: '[C]', pathway: 'pregnancy',
      reason: 'Isotretinoin can seriously harm an unborn baby. A late or missed period could mean a pregnancy.',
      whatToDo: `${STOP_CALL_TODAY} You will need a pregnancy test.`,
    },
  ),
  serious(
    {
      id: 'unprotected-sex', category: 'pregnancy', audience: 'canGetPregnant',
      question:
        'Since your last check-in, have you had sex that could lead to pregnancy without the contraception agreed with your ' +
        'prescriber, or has your contraception failed (for example a missed pill or a split condom)?',
    },
    {
      ruleId: R.pregnancy, action: 'stopAndUrgent', source: '[C]', pathway: 'pregnancy',
      reason: 'Isotretinoin can seriously harm an unborn baby, and sex without reliable contraception could lead to a pregnancy.',
      whatToDo: `${STOP_CALL_TODAY} Ask about emergency contraception straight away: it works best the sooner it is taken. You will need a pregnancy test.`,
    },
  ),
  definition({ id: 'headache', category: 'headAndNerves', question: 'Have you had headaches?' }, [
    noOption(R.common),
    ...commonOptions('Headache'),
    option('severeWithWarningSigns', 'Yes, a severe headache with feeling sick, being sick, or blurred or double vision', {
      ruleId: R.intracranialHypertension, action: 'stopAndUrgent', source: '[C]', pathway: 'neurology',
      reason:
        'A severe headache with sickness or changes in your sight can be a sign of raised pressure around the brain ' +
        '(intracranial hypertension), a rare, serious side effect. The risk is higher with tetracycline antibiotics.',
      whatToDo: STOP_URGENT,
    }),
  ]),
  definition({ id: 'abdominal-pain', category: 'digestive', question: 'Have you had pain in your stomach or belly?' }, [
    noOption(R.pancreatitis),
    option('mild', 'Yes, mild pain that comes and goes', {
      ruleId: R.pancreatitis, action: 'contactPrescriber', source: 'DECISION', pathway: 'pancreatitis',
      reason: 'Stomach pain can rarely be an early sign of an inflamed pancreas (pancreatitis), which can happen even when blood fats are normal.',
      whatToDo: 'Contact your prescriber today or tomorrow. If the pain becomes severe, stop taking isotretinoin and get urgent medical care.',
    }),
    option('severe', 'Yes, severe pain, which may spread to the back, with or without being sick', {
      ruleId: R.pancreatitis, action: 'stopAndUrgent', source: '[C]', pathway: 'pancreatitis',
      reason: 'Severe stomach pain can be a sign of pancreatitis, a serious side effect.', whatToDo: STOP_URGENT,
    }),
  ]),
  serious(
    { id: 'jaundice-or-dark-urine', category: 'liver', question: 'Have your skin or the whites of your eyes turned yellow, or has your urine turned dark?' },
    {
      ruleId: R.liver, action: 'stopAndUrgent', source: 'DECISION', pathway: 'liver',
      reason: 'Yellow skin or eyes, or dark urine, can be a sign of liver damage, a serious side effect.', whatToDo: STOP_URGENT,
    },
  ),
  definition({ id: 'bowel-changes', category: 'digestive', question: 'Have you had diarrhoea, or blood from your bottom (back passage)?' }, [
    noOption(R.bowel),
    option('mildDiarrhoea', 'Yes, mild diarrhoea without blood', {
      ruleId: R.bowel, action: 'contactPrescriber', source: 'DECISION', pathway: 'gastroenterology',
      reason: 'A change in your bowels can rarely be an early sign of bowel inflammation.',
      whatToDo:
        'Contact your prescriber in the next day or two. If it becomes severe or you see blood, stop taking ' +
        'isotretinoin and get urgent care.',
    }),
    option('severeOrBleeding', 'Yes, severe diarrhoea, or blood from my bottom', {
      ruleId: R.bowel, action: 'stopAndUrgent', source: '[C]', pathway: 'gastroenterology',
      reason: 'Severe diarrhoea or bleeding from the bottom can be a sign of bowel inflammation, a serious side effect.', whatToDo: STOP_URGENT,
    }),
  ]),
  serious(
    { id: 'blistering-or-sores', category: 'skinAndLips', question: 'Have you had blisters, peeling skin, or raw sores in your mouth, eyes or genitals?' },
    {
      ruleId: R.severeSkin, action: 'stopAndUrgent', source: '[C]', pathway: 'dermatologyUrgent',
      reason: 'Blistering, or raw areas of the skin or of the lining of the mouth, eyes or genitals, can be a rare, serious skin reaction.',
      whatToDo: STOP_URGENT,
    },
  ),
  serious(
    { id: 'hives-or-swelling', category: 'allergy', question: 'Have you had an itchy raised rash (hives), or swelling of your face, lips, tongue or throat?' },
    {
      ruleId: R.allergy, action: 'stopAndUrgent', source: '[C]', pathway: 'allergy',
      reason: 'Hives or swelling can be an allergic reaction to isotretinoin.',
      whatToDo:
        'Stop taking isotretinoin. If your lips, tongue or throat swell or you find it hard to breathe, call your ' +
        'local emergency number now; otherwise get urgent medical care today.',
    },
  ),
  serious(
    { id: 'hearing-changes', category: 'noseEarsAndHearing', question: 'Have you had ringing in your ears, or any loss of hearing?' },
    {
      ruleId: R.hearing, action: 'stopAndUrgent', source: '[C]', pathway: 'audiology',
      reason: 'Ringing in the ears or hearing loss can be a side effect of isotretinoin that needs checking.',
      whatToDo: `${STOP_CALL_TODAY} They will arrange a hearing check.`,
    },
  ),
  serious(
    { id: 'vision-changes', category: 'eyesAndVision', question: 'Have you had trouble seeing in the dark, or any other change in your eyesight?' },
    {
      ruleId: R.vision, action: 'stopAndUrgent', source: '[C]', pathway: 'ophthalmology',
      reason: 'Worse night vision or other changes in your sight can be a side effect of isotretinoin that needs an eye check.',
      whatToDo: `${STOP_CALL_TODAY} They will arrange an eye check. Take care driving at night.`,
    },
  ),
  serious(
    {
      id: 'acne-fulminans', category: 'acneFlare',
      question: 'Has your acne suddenly become much worse, with painful lumps that break open, bleed or crust, together with a fever or feeling unwell?',
    },
    {
      ruleId: R.acneFulminans, action: 'stopAndUrgent', source: '[C]', pathway: 'dermatologyUrgent',
      reason: 'A sudden severe flare with fever can be acne fulminans, which needs an urgent review and treatment.',
      whatToDo: 'Do not take your next dose, and contact your prescriber today for an urgent review.',
    },
  ),
  serious(
    {
      id: 'sexual-function', category: 'sexualHealth', mustAskIn: ['UK'],
      question: 'Have you noticed changes in your sex life, such as less interest in sex, or difficulty with arousal, erection or orgasm?',
    },
    {
      ruleId: R.sexualFunction, action: 'contactPrescriber', source: 'DECISION',
      reason: 'Changes in sexual function have been reported with isotretinoin; your prescriber needs to know to support you.',
      whatToDo: 'Keep taking isotretinoin unless your prescriber tells you otherwise, and tell them about it; they can talk through the options with you.',
    },
  ),
  common({ id: 'cheilitis', category: 'skinAndLips', question: 'Have your lips been dry, sore or cracked?' }, 'Dry, cracked lips'),
  common({ id: 'dry-skin', category: 'skinAndLips', question: 'Has your skin been dry, flaky or itchy?' }, 'Dry skin'),
  common({ id: 'dry-eyes', category: 'eyesAndVision', question: 'Have your eyes felt dry, gritty or irritated?' }, 'Dry eyes'),
  common(
    { id: 'contact-lens-intolerance', category: 'eyesAndVision', question: 'If you wear contact lenses, have they become uncomfortable to wear?' },
    'Discomfort with contact lenses',
  ),
  common({ id: 'nosebleeds', category: 'noseEarsAndHearing', question: 'Have you had nosebleeds?' }, 'Nosebleeds'),
  common({ id: 'back-pain', category: 'musculoskeletal', question: 'Have you had back pain?' }, 'Back pain'),
  common({ id: 'joint-pain', category: 'musculoskeletal', question: 'Have your joints ached or hurt?' }, 'Joint pain'),
  common({ id: 'muscle-pain', category: 'musculoskeletal', question: 'Have your muscles ached or hurt?' }, 'Muscle pain'),
  common(
    { id: 'sun-sensitivity', category: 'skinAndLips', question: 'Has your skin burned or gone red in the sun more easily than usual?' },
    'Sensitivity to the sun',
  ),
  common({ id: 'hair-thinning', category: 'skinAndLips', question: 'Has your hair become thinner, or have you lost more hair than usual?' }, 'Hair thinning'),
  serious(
    { id: 'other-concern', category: 'other', question: 'Is anything else about your health worrying you?' },
    {
      ruleId: R.other, action: 'contactPrescriber', source: 'DECISION',
      reason: 'Anything new that worries you is worth checking with your prescriber.',
      whatToDo: 'Contact your prescriber and describe what is worrying you. If it feels like an emergency, call your local emergency number.',
    },
  ),
];
