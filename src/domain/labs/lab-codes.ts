import { DomainInputError } from '../errors.js';

/**
 * LAB-CODES: the LOINC codes the lab engine recognises, with the UCUM unit each one uses.
 * Source: clinical-rules.md section 2, "LOINC (UCUM unit)" [C]. A code outside this catalogue, or
 * a unit the code does not use, is an input error naming the field: the engine never guesses a
 * unit or converts a value (grading happens in the reported unit, LAB-TG / LAB-CHOL).
 *
 * The catalogue is data and can be extended by the caller (for example with further codes of the
 * eCQM "Pregnancy Test" value set 2.16.840.1.113883.3.464.1003.111.12.1011, which this project
 * does not ship in full: only the codes the reference lists are built in).
 */
export type Analyte =
  | 'triglycerides'
  | 'totalCholesterol'
  | 'hdlCholesterol'
  | 'ldlCholesterol'
  | 'alt'
  | 'ast'
  | 'pregnancyTest'
  | 'bodyWeight';

export type PanelId = 'lipidPanel' | 'hepaticPanel';

export type LabCode =
  | { readonly kind: 'quantity'; readonly loinc: string; readonly display: string; readonly analyte: Analyte; readonly unit: string }
  | { readonly kind: 'presence'; readonly loinc: string; readonly display: string; readonly analyte: 'pregnancyTest' }
  | { readonly kind: 'panel'; readonly loinc: string; readonly display: string; readonly panel: PanelId; readonly recognisedMembers: readonly string[] };

export type LabCodeCatalogue = Readonly<Record<string, LabCode>>;

function quantity(loinc: string, display: string, analyte: Analyte, unit: string): LabCode {
  return { kind: 'quantity', loinc, display, analyte, unit };
}

function presence(loinc: string, display: string): LabCode {
  return { kind: 'presence', loinc, display, analyte: 'pregnancyTest' };
}

/** LOINC codes of the reference, section 2. */
export const LOINC = {
  triglyceridesMass: '2571-8',
  triglyceridesMoles: '14927-8',
  cholesterolMass: '2093-3',
  cholesterolMoles: '14647-2',
  hdl: '2085-9',
  ldlCalculated: '13457-7',
  ldlDirect: '18262-6',
  ldl: '2089-1',
  alt: '1742-6',
  ast: '1920-8',
  hcgUrine: '2106-3',
  hcgSerum: '2118-8',
  betaHcgUrine: '2112-1',
  betaHcgSerum: '2110-5',
  hcgRapidUrine: '80384-1',
  betaHcgQuantitativeSerum: '21198-7',
  lipidPanel: '57698-3',
  hepaticPanel: '24325-3',
  bodyWeight: '29463-7',
} as const;

const CODES: readonly LabCode[] = [
  quantity(LOINC.triglyceridesMass, 'Triglyceride [Mass/volume] in Serum or Plasma', 'triglycerides', 'mg/dL'),
  quantity(LOINC.triglyceridesMoles, 'Triglyceride [Moles/volume] in Serum or Plasma', 'triglycerides', 'mmol/L'),
  quantity(LOINC.cholesterolMass, 'Cholesterol [Mass/volume] in Serum or Plasma', 'totalCholesterol', 'mg/dL'),
  quantity(LOINC.cholesterolMoles, 'Cholesterol [Moles/volume] in Serum or Plasma', 'totalCholesterol', 'mmol/L'),
  quantity(LOINC.hdl, 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', 'hdlCholesterol', 'mg/dL'),
  quantity(LOINC.ldlCalculated, 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation', 'ldlCholesterol', 'mg/dL'),
  quantity(LOINC.ldlDirect, 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay', 'ldlCholesterol', 'mg/dL'),
  quantity(LOINC.ldl, 'Cholesterol in LDL [Mass/volume] in Serum or Plasma', 'ldlCholesterol', 'mg/dL'),
  quantity(LOINC.alt, 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'alt', 'U/L'),
  quantity(LOINC.ast, 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 'ast', 'U/L'),
  presence(LOINC.hcgUrine, 'Choriogonadotropin (pregnancy test) [Presence] in Urine'),
  presence(LOINC.hcgSerum, 'Choriogonadotropin (pregnancy test) [Presence] in Serum or Plasma'),
  presence(LOINC.betaHcgUrine, 'Choriogonadotropin.beta subunit [Presence] in Urine'),
  presence(LOINC.betaHcgSerum, 'Choriogonadotropin.beta subunit [Presence] in Serum or Plasma'),
  presence(LOINC.hcgRapidUrine, 'Choriogonadotropin (pregnancy test) [Presence] in Urine by Rapid immunoassay'),
  // the reference lists the code, not its unit: m[IU]/mL is the UCUM form of the usual mIU/mL
  quantity(LOINC.betaHcgQuantitativeSerum, 'Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma', 'pregnancyTest', 'm[IU]/mL'),
  quantity(LOINC.bodyWeight, 'Body weight', 'bodyWeight', 'kg'),
  // a panel is an order, not a result: its members are reported and graded one by one
  {
    kind: 'panel',
    loinc: LOINC.lipidPanel,
    display: 'Lipid panel',
    panel: 'lipidPanel',
    recognisedMembers: [LOINC.cholesterolMass, LOINC.triglyceridesMass, LOINC.hdl, LOINC.ldlCalculated, LOINC.ldlDirect, LOINC.ldl],
  },
  {
    kind: 'panel',
    loinc: LOINC.hepaticPanel,
    display: 'Hepatic function panel',
    panel: 'hepaticPanel',
    recognisedMembers: [LOINC.alt, LOINC.ast],
  },
];

export const DEFAULT_LAB_CODES: LabCodeCatalogue = Object.fromEntries(CODES.map((c) => [c.loinc, c]));

/** The codes that mean "pregnancy test" in a catalogue (LAB-PREG). */
export function pregnancyTestCodes(catalogue: LabCodeCatalogue = DEFAULT_LAB_CODES): string[] {
  return Object.values(catalogue)
    .filter((c) => c.kind !== 'panel' && c.analyte === 'pregnancyTest')
    .map((c) => c.loinc);
}

/** The catalogue entry of a code, or DomainInputError('unknown_loinc', 'loinc'). */
export function lookupLabCode(loinc: string, catalogue: LabCodeCatalogue = DEFAULT_LAB_CODES): LabCode {
  const code = Object.hasOwn(catalogue, loinc) ? catalogue[loinc] : undefined;
  if (code === undefined) {
    throw new DomainInputError('unknown_loinc', 'loinc', `LOINC code "${loinc}" is not one this engine grades or recognises`);
  }
  return code;
}
