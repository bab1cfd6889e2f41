/** Home pages of each role (English). Honest about what works today and what is coming. */
export const enHomes = {
  'home.signedInAs': 'Signed in as {name}, {role}.',
  'home.toolsHeading': 'What you can do here',
  'home.learnTool': 'Patient education pages',
  'home.comingSoonHeading': 'Coming soon',
  'home.comingSoonBody': 'These screens are being built on the course service. Nothing here shows sample data.',
  'home.goToYourArea': 'Go to your home page',
  'home.signIn': 'Sign in',
  'home.learnHeading': 'Learn about isotretinoin',
  'home.learnIntro': 'Plain-language pages for patients and families: how the medicine works, side effects, skin care, mood and the pregnancy rules. No sign-in needed.',
  'home.learnLink': 'Read the education pages',

  'home.clinic.doseSummary': 'Daily dose, capsules, days to the cumulative target and the projected end date, with every warning and its rule.',
  'home.clinic.learnSummary': 'The pages patients read, to go through with them or share.',
  'home.clinic.doseForPrescribers': 'The dose calculator is for prescribers and their designees.',
  'home.clinic.soon.forms': 'Enrolment, prescriptions, dispense authorizations, and stopping or finishing a course',

  'home.patient.helpNow': 'Need help now?',
  'home.patient.helpNowLink': 'Mood, and where to get help',
  'home.patient.symptomsSummary': 'Answer a short checklist about side effects and get clear advice on what to do.',
  'home.patient.moodSummary': 'Nine standard questions about how you have been feeling over the last 2 weeks.',
  'home.patient.learnSummary': 'How isotretinoin works, side effects, skin care, the sun, mood and the pregnancy rules.',
  'home.patient.soon.thisMonth': 'This month: each task and its deadline',
  'home.patient.soon.doseLog': 'A one-tap log of the doses you take',
  'home.patient.soon.questions': 'The programme’s monthly questions',
  'home.patient.soon.progress': 'Charts of your progress',
  'home.patient.soon.download': 'A download of all your data',

  'home.pharmacy.learnSummary': 'The pages patients read, to point them to at the counter.',
} as const;
