/**
 * The PHQ-9 self-check frame (English). The questions themselves are the official wording
 * (content/en/assessments.ts). A result is a check-in in plain words, never a diagnosis: the word
 * "depression" is not used for a band.
 */
export const enMood = {
  'phq9.title': 'Mood check-in (PHQ-9)',
  'phq9.intro': 'Nine standard questions about how you have been feeling. It takes about 2 minutes. There are no right or wrong answers.',
  'phq9.savedWhen': 'When you see your result, your answers are saved to your course record, and your care team can see them.',
  'phq9.helpPointer': 'If you need help now, do not wait for the result:',
  'phq9.helpPointerLink': 'where to get help',
  'phq9.item10Hint': 'Optional. This question is not part of the score.',
  'phq9.submit': 'See my result',
  'phq9.error.missing': 'Answer question {number}.',
  'phq9.error.item9Missing': 'Answer question 9. It matters for your safety.',

  'phq9.item9.title': 'Your safety comes first',
  'phq9.item9.thanks': 'You said you have had thoughts that you would be better off dead, or of hurting yourself. Thank you for telling us.',
  'phq9.item9.action': 'Stop taking isotretinoin and contact your prescriber today.',

  'phq9.result.regionLabel': 'Your result',
  'phq9.result.title': 'Your result',
  'phq9.result.score': 'Your answers add up to {total} out of 27: the “{band}” range.',
  'phq9.result.notDiagnosis': 'This is a check-in, not a diagnosis. Your care team looks at it together with you.',
  'phq9.result.talkSoon': 'Please talk to your prescriber soon about how you have been feeling, and tell them this score.',
  'phq9.result.ifChanges': 'If the way you feel changes, do the check-in again or talk to your care team.',
  'phq9.result.howTitle': 'How this result is worked out',
  'phq9.result.howTotal': 'Each answer counts 0 to 3 points; the 9 answers add up to 0 to 27 (rule MOOD-PHQ9-TOTAL).',
  'phq9.result.howBands': 'Ranges: 0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe (rule MOOD-PHQ9-BAND).',
  'phq9.result.howItem9': 'Any answer above “Not at all” to question 9 always comes first, whatever the total (rule MOOD-PHQ9-ITEM9).',

  'phq9.bandName.minimal': 'minimal',
  'phq9.bandName.mild': 'mild',
  'phq9.bandName.moderate': 'moderate',
  'phq9.bandName.moderatelySevere': 'moderately severe',
  'phq9.bandName.severe': 'severe',
  'phq9.bandMeaning.minimal': 'Your answers show few or no problems with your mood right now.',
  'phq9.bandMeaning.mild': 'Your answers show some mild problems with your mood.',
  'phq9.bandMeaning.moderate': 'Your answers show that your mood has been troubling you a fair amount.',
  'phq9.bandMeaning.moderatelySevere': 'Your answers show that your mood has been troubling you a lot.',
  'phq9.bandMeaning.severe': 'Your answers show that your mood has been troubling you very much.',
} as const;
