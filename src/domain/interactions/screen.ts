import { ALLERGY_RULES, CONDITION_RULES } from './condition-rules.js';
import { EXCIPIENT_RULE_ID, excipientHits } from './excipient-rule.js';
import type {
  InputList,
  InteractionFinding,
  InteractionMatch,
  InteractionSeverity,
  JurisdictionRule,
  LabelWording,
  ScreeningRule,
} from './interaction-types.js';
import { JURISDICTIONS, parseJurisdiction, type Jurisdiction } from './jurisdictions.js';
import { everywhere, MEDICATION_RULES } from './medication-rules.js';
import {
  containsAnyToken,
  findPhrase,
  isNegated,
  ORAL_MARKERS,
  spanInsideAny,
  tokenize,
  TOPICAL_MARKERS,
} from './name-matching.js';

/** Every rule in report order: the medication rules, then allergies, then conditions. */
export const SCREENING_RULES: readonly ScreeningRule[] = [...MEDICATION_RULES, ...ALLERGY_RULES, ...CONDITION_RULES];

export interface ScreeningConfig {
  /**
   * Severity of the label wordings "avoid" and "not recommended". Default `absolute` (DECISION): a
   * combination a label says to avoid is a hard stop that a prescriber overrides explicitly. A clinic
   * may choose `caution`; "contraindicated" is always absolute.
   */
  readonly avoidSeverity: InteractionSeverity;
}

export const DEFAULT_SCREENING_CONFIG: ScreeningConfig = { avoidSeverity: 'absolute' };

/** INT-SEVERITY: the severity a label wording carries in the requested jurisdiction. */
export function severityOfWording(wording: LabelWording, config: ScreeningConfig = DEFAULT_SCREENING_CONFIG): InteractionSeverity {
  switch (wording) {
    case 'contraindicated':
      return 'absolute';
    case 'avoid':
    case 'notRecommended':
      return config.avoidSeverity;
    case 'caution':
    case 'inadequateContraception':
      return 'caution';
    default: {
      const unreachable: never = wording;
      return unreachable;
    }
  }
}

export interface ScreeningInput {
  readonly medications: readonly string[];
  readonly allergies?: readonly string[] | undefined;
  readonly conditions?: readonly string[] | undefined;
  /** Ingredients of the isotretinoin product (capsule shell, oil, preservatives), when known. */
  readonly productComponents?: readonly string[] | undefined;
  readonly jurisdiction: string;
}

export interface ScreeningResult {
  readonly jurisdiction: Jurisdiction;
  /** Every finding: absolute first, then in rule order, then in input order. */
  readonly findings: InteractionFinding[];
  readonly absoluteCount: number;
  readonly cautionCount: number;
  readonly worstSeverity: InteractionSeverity | 'none';
}

/** The first term of `rule` found in `text`, honouring route, negation, exclusions and the guard. */
export function matchRule(rule: ScreeningRule, text: string): string | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return undefined;
  const topical = containsAnyToken(tokens, TOPICAL_MARKERS);
  const oral = containsAnyToken(tokens, ORAL_MARKERS);
  // for systemic-only rules a topical word rules the entry out only when nothing says it is swallowed
  if (rule.systemicOnly === true && topical && !oral) return undefined;
  for (const term of rule.terms) {
    const words = tokenize(term.name);
    // names that are usually creams (tretinoin, hydrocortisone) need an oral word and no topical one
    if (term.requiresOral === true && (!oral || topical)) continue;
    for (const start of findPhrase(tokens, words)) {
      if (rule.excludePhrases !== undefined && spanInsideAny(tokens, start, words.length, rule.excludePhrases)) continue;
      if (rule.negatable === true && isNegated(tokens, start)) continue;
      if (rule.guard !== undefined && !rule.guard({ tokens, start, length: words.length, term })) continue;
      return term.name;
    }
  }
  return undefined;
}

function finding(
  ruleId: string,
  byJurisdiction: Readonly<Record<Jurisdiction, JurisdictionRule>>,
  jurisdiction: Jurisdiction,
  matched: InteractionMatch,
  reason: string,
  config: ScreeningConfig,
): InteractionFinding {
  const of = (j: Jurisdiction): InteractionSeverity => severityOfWording(byJurisdiction[j].wording, config);
  const severityByJurisdiction: Record<Jurisdiction, InteractionSeverity> = { US: of('US'), EU: of('EU'), UK: of('UK'), CA: of('CA') };
  const here = byJurisdiction[jurisdiction];
  const severity = severityByJurisdiction[jurisdiction];
  return {
    ruleId,
    severity,
    jurisdiction,
    jurisdictions: JURISDICTIONS.filter((j) => severityByJurisdiction[j] === severity),
    severityByJurisdiction,
    wording: here.wording,
    source: here.source,
    matched,
    reason,
  };
}

function severityRank(severity: InteractionSeverity): number {
  switch (severity) {
    case 'absolute':
      return 0;
    case 'caution':
      return 1;
    default: {
      const unreachable: never = severity;
      return unreachable;
    }
  }
}

const LIST_ORDER: readonly InputList[] = ['medications', 'allergies', 'conditions'];

/**
 * Screens a medication list, allergies and conditions against isotretinoin (clinical-rules.md
 * section 4). Names nobody knows give no finding: the screen reports what it recognises, never
 * an error for an unfamiliar drug. An unknown jurisdiction is an input error.
 */
export function screenInteractions(input: ScreeningInput, config: ScreeningConfig = DEFAULT_SCREENING_CONFIG): ScreeningResult {
  const jurisdiction = parseJurisdiction(input.jurisdiction);
  const lists: Record<InputList, readonly string[]> = {
    medications: input.medications,
    allergies: input.allergies ?? [],
    conditions: input.conditions ?? [],
  };
  const found: Array<{ finding: InteractionFinding; order: number }> = [];
  SCREENING_RULES.forEach((rule, order) => {
    for (const list of rule.lists) {
      lists[list].forEach((text, index) => {
        const term = matchRule(rule, text);
        if (term === undefined) return;
        const matched = { list, index, text, term };
        found.push({ finding: finding(rule.ruleId, rule.byJurisdiction, jurisdiction, matched, rule.reason, config), order });
      });
    }
  });
  for (const hit of excipientHits(lists.allergies, input.productComponents)) {
    const byJurisdiction = everywhere(hit.rule);
    found.push({ finding: finding(EXCIPIENT_RULE_ID, byJurisdiction, jurisdiction, hit.match, hit.reason, config), order: SCREENING_RULES.length });
  }
  found.sort(
    (a, b) =>
      severityRank(a.finding.severity) - severityRank(b.finding.severity) ||
      a.order - b.order ||
      LIST_ORDER.indexOf(a.finding.matched.list) - LIST_ORDER.indexOf(b.finding.matched.list) ||
      a.finding.matched.index - b.finding.matched.index,
  );
  const findings = found.map((f) => f.finding);
  const absoluteCount = findings.filter((f) => f.severity === 'absolute').length;
  const worst = findings[0];
  return {
    jurisdiction,
    findings,
    absoluteCount,
    cautionCount: findings.length - absoluteCount,
    worstSeverity: worst === undefined ? 'none' : worst.severity,
  };
}
