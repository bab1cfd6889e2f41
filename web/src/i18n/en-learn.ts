/**
 * The frame of the education pages and the crisis pointers (English). The pages' own texts are
 * in content/en/learn/. The crisis lines are the generic one and two we can name honestly (US 988,
 * UK Samaritans), each marked with its country.
 */
export const enLearn = {
  'nav.learn': 'Learn',
  'learn.title': 'Learn about isotretinoin',
  'learn.intro': 'Plain-language pages for people taking isotretinoin, and for their families. No sign-in needed.',
  'learn.backToList': 'All education pages',
  'learn.onThisPage': 'On this page',
  'learn.sources': 'Where this comes from',
  'learn.next': 'Next:',
  'learn.disclaimer': 'This is general information. Your prescriber’s advice for you comes first.',

  'crisis.title': 'If you need help now',
  'crisis.emergency': 'If you might act on thoughts of hurting yourself, or you are in danger: call your local emergency number now, or go to the nearest emergency department.',
  'crisis.us': 'Call or text the 988 Suicide & Crisis Lifeline, any time:',
  'crisis.usNumber': '988',
  'crisis.uk': 'Call Samaritans, free, any time:',
  'crisis.ukNumber': '116 123',
  'crisis.elsewhere': 'Call your local emergency number.',
  'crisis.afterwards': 'Stop taking isotretinoin and contact your prescriber today. Tell someone you trust how you feel.',

  'country.US': 'US',
  'country.UK': 'UK',
  'country.EU': 'EU',
  'country.elsewhere': 'Anywhere',
} as const;
