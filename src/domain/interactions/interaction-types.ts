import type { Jurisdiction } from './jurisdictions.js';

export type InteractionSeverity = 'absolute' | 'caution';

/** How the label words it; the severity follows from the wording (see `severityOfWording`). */
export type LabelWording = 'contraindicated' | 'avoid' | 'notRecommended' | 'caution' | 'inadequateContraception';

export type SourceMark = '[C]' | '[S]' | '[U]' | 'CONVENTION' | 'DECISION';

export type InputList = 'medications' | 'allergies' | 'conditions';

export interface JurisdictionRule {
  readonly wording: LabelWording;
  /** Where this jurisdiction's wording comes from: the reference's mark, or DECISION. */
  readonly source: SourceMark;
}

export interface MatchTerm {
  /** The name as written in the catalogue (matched case-insensitively, on whole words). */
  readonly name: string;
  /** Only counts when the text also says the product is swallowed (e.g. "tretinoin 10 mg capsules"). */
  readonly requiresOral?: boolean;
}

/** Context a guard sees: the tokens of one input entry and where the term matched. */
export interface MatchContext {
  readonly tokens: readonly string[];
  readonly start: number;
  readonly length: number;
  readonly term: MatchTerm;
}

export interface ScreeningRule {
  readonly ruleId: string;
  readonly lists: readonly InputList[];
  readonly terms: readonly MatchTerm[];
  /** Ignore the entry when it says the product is used on the skin, eyes, nose or lungs. */
  readonly systemicOnly?: boolean;
  /** Ignore "no alcohol", "not pregnant", "pregnancy test negative". */
  readonly negatable?: boolean;
  /** Phrases that contain the term but mean something else ("benzyl alcohol"). */
  readonly excludePhrases?: readonly string[];
  /** Extra condition on a match (e.g. no oestrogen for a progestogen-only pill). */
  readonly guard?: (context: MatchContext) => boolean;
  readonly byJurisdiction: Readonly<Record<Jurisdiction, JurisdictionRule>>;
  /** Plain-language reason, for clinicians and patients alike. */
  readonly reason: string;
}

export interface InteractionMatch {
  readonly list: InputList;
  /** Position of the entry in its input list. */
  readonly index: number;
  /** The entry as given. */
  readonly text: string;
  /** The catalogue name that matched. */
  readonly term: string;
}

export interface InteractionFinding {
  readonly ruleId: string;
  /** Severity in the requested jurisdiction. */
  readonly severity: InteractionSeverity;
  readonly jurisdiction: Jurisdiction;
  /** Every jurisdiction in which this rule has the same severity as the one reported. */
  readonly jurisdictions: Jurisdiction[];
  readonly severityByJurisdiction: Record<Jurisdiction, InteractionSeverity>;
  readonly wording: LabelWording;
  readonly source: SourceMark;
  readonly matched: InteractionMatch;
  readonly reason: string;
}
