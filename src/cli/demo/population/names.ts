import type { Random } from './prng.js';

// A mix of common given and family names from the programmes' countries: duplicates happen, as
// in a real clinic, and exercise the worklist's tie-break by course id.
const GIVEN = [
  'Alex', 'Sam', 'Jordan', 'Taylor', 'Riley', 'Casey', 'Avery', 'Jamie', 'Morgan', 'Quinn', 'Charlie', 'Robin',
  'Emma', 'Olivia', 'Sophia', 'Mia', 'Isabella', 'Amelia', 'Harper', 'Ella', 'Chloé', 'Léa', 'Giulia', 'Sofia',
  'Liam', 'Noah', 'Lucas', 'Mateo', 'Ethan', 'Leon', 'Paul', 'Luca', 'Marco', 'Hugo', 'Finn', 'Oliver',
  'Aisha', 'Fatima', 'Yusuf', 'Omar', 'Priya', 'Arjun', 'Mei', 'Hiroshi', 'Ana', 'José', 'Zoë', 'Nikolai',
] as const;
const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Nguyen', 'Kim',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'de Jong', 'Jansen', 'Martin', 'Bernard', 'Dubois', 'Moreau',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Taylor', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Patel',
  'Khan', 'Chen', 'Okafor', 'Haddad', 'Novak', 'Kowalski', 'García', 'López', "O'Brien", 'MacLeod', 'Ødegaard', 'Åberg',
] as const;

export function randomName(random: Random): string {
  return `${random.pick(GIVEN)} ${random.pick(FAMILY)}`;
}
